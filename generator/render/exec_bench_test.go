package render_test

import (
	"bytes"
	"testing"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/corpus"
	"newsgen/generator/render"
	"newsgen/generator/seed"
	"newsgen/generator/site"
	"newsgen/layouts"
)

// archivePages are the article pages, Markdown already rendered, and the
// list pages of an archive of n synthetic articles.
func archivePages(b *testing.B, n int) (*render.Templates, []*render.Page, []*render.Page) {
	b.Helper()
	cfg := config.Default()
	var entries []*site.Entry
	var bodies []string
	for i := range n {
		name, text, mod := corpus.Seed(i)
		a, _, err := seed.Parse(name, text, mod, seed.Options{})
		if err != nil {
			continue
		}
		a.Slug = name[:len(name)-len(".txt")]
		entries = append(entries, site.NewEntry(a, cfg.Location))
		bodies = append(bodies, a.Body)
	}
	s := site.New(cfg, entries, site.Options{BuildTime: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	byEntry := map[*site.Entry]string{}
	for i, e := range entries {
		byEntry[e] = bodies[i]
	}
	tmpl, err := render.LoadTemplates(layouts.FS, cfg)
	if err != nil {
		b.Fatal(err)
	}
	var arts []*render.Page
	for _, e := range s.Entries {
		arts = append(arts, render.ArticlePage(s, render.NewArticle(s, e, byEntry[e])))
	}
	return tmpl, arts, render.ListPages(s)
}

// BenchmarkExecuteArticlePages measures the layouts alone on article
// pages whose Markdown is rendered already.
func BenchmarkExecuteArticlePages(b *testing.B) {
	tmpl, arts, _ := archivePages(b, 2000)
	var buf bytes.Buffer
	i := 0
	for b.Loop() {
		buf.Reset()
		if err := tmpl.Execute(&buf, arts[i%len(arts)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkExecuteListPages measures the layouts alone on list pages.
func BenchmarkExecuteListPages(b *testing.B) {
	tmpl, _, lists := archivePages(b, 2000)
	var buf bytes.Buffer
	i := 0
	for b.Loop() {
		buf.Reset()
		if err := tmpl.Execute(&buf, lists[i%len(lists)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
