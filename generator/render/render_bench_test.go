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

// BenchmarkArchiveArticlePages measures article pages of an archive of
// 500 synthetic articles, where each page has neighbours, related
// articles and the whole navigation, as in a real build.
func BenchmarkArchiveArticlePages(b *testing.B) {
	cfg := config.Default()
	var entries []*site.Entry
	var bodies []string
	for i := range 500 {
		name, text, mod := corpus.Seed(i)
		a, _, err := seed.Parse(name, text, mod, seed.Options{})
		if err != nil {
			continue
		}
		a.Slug = name[:len(name)-len(".txt")]
		entries = append(entries, site.NewEntry(a, cfg.Location))
		bodies = append(bodies, a.Body)
	}
	s := site.New(cfg, entries, site.Options{BuildTime: time.Now()})
	byEntry := map[*site.Entry]string{}
	for i, e := range entries {
		byEntry[e] = bodies[i]
	}
	tmpl, err := render.LoadTemplates(layouts.FS, cfg)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	i := 0
	for b.Loop() {
		e := s.Entries[i%len(s.Entries)]
		i++
		buf.Reset()
		if err := tmpl.Execute(&buf, render.ArticlePage(s, render.NewArticle(s, e, byEntry[e]))); err != nil {
			b.Fatal(err)
		}
	}
}
