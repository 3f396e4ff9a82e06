package render_test

import (
	"bytes"
	"testing"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/content"
	"newsgen/generator/corpus"
	"newsgen/generator/render"
	"newsgen/generator/seed"
	"newsgen/generator/site"
	"newsgen/layouts"
)

// typicalArticle is a synthetic article of about 1,000 words, imported
// from its seed as a build would.
func typicalArticle(b *testing.B) *content.Article {
	b.Helper()
	i := corpus.Near(1000)
	if i < 0 {
		b.Fatal("the corpus has no article of about 1,000 words")
	}
	name, text, mod := corpus.Seed(i)
	a, _, err := seed.Parse(name, text, mod, seed.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return a
}

func BenchmarkMarkdown1000Words(b *testing.B) {
	body := []byte(typicalArticle(b).Body)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		render.Markdown(body, false)
	}
}

// BenchmarkArticlePage measures a whole article page: Markdown and the
// default theme's layouts.
func BenchmarkArticlePage(b *testing.B) {
	a := typicalArticle(b)
	cfg := config.Default()
	tmpl, err := render.LoadTemplates(layouts.FS, cfg)
	if err != nil {
		b.Fatal(err)
	}
	s := site.New(cfg, []*site.Entry{site.NewEntry(a, cfg.Location)}, site.Options{BuildTime: time.Now()})
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		page := render.ArticlePage(s, render.NewArticle(s, s.Entries[0], a.Body))
		if err := tmpl.Execute(&buf, page); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
