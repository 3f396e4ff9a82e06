package minifiers_test

import (
	"bytes"
	"testing"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/corpus"
	"newsgen/generator/minifiers"
	"newsgen/generator/render"
	"newsgen/generator/seed"
	"newsgen/generator/site"
	"newsgen/layouts"
)

// articlePage is the default theme's page for a synthetic article of
// about 1,000 words, as a build renders it before minifying.
func articlePage(b *testing.B) []byte {
	b.Helper()
	name, text, mod := corpus.Seed(corpus.Near(1000))
	a, _, err := seed.Parse(name, text, mod, seed.Options{})
	if err != nil {
		b.Fatal(err)
	}
	cfg := config.Default()
	tmpl, err := render.LoadTemplates(layouts.FS, cfg)
	if err != nil {
		b.Fatal(err)
	}
	s := site.New(cfg, []*site.Entry{site.NewEntry(a, cfg.Location)}, site.Options{BuildTime: time.Now()})
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, render.ArticlePage(s, render.NewArticle(s, s.Entries[0], a.Body))); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkMinifyArticlePage(b *testing.B) {
	page := articlePage(b)
	m := minifiers.New()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := m.Minify("index.html", page); err != nil {
			b.Fatal(err)
		}
	}
}
