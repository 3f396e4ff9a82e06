package render_test

import (
	"bytes"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/corpus"
	"newsgen/generator/render"
	"newsgen/generator/seed"
	"newsgen/generator/site"
	"newsgen/layouts"
)

// asWritten are the default layouts with one partial more, which no
// layout calls: the same pages, executed by html/template rather than
// written by the Go code that stands for the default layouts.
var asWritten = render.Overlay{Top: fstest.MapFS{"partials/zz-unused.html": {Data: []byte("unused")}}, Bottom: layouts.FS}

// archivePages are the article pages, Markdown already rendered, and the
// list pages of an archive of n synthetic articles, with the layouts of
// theme.
func archivePages(b *testing.B, n int, theme fs.FS) (*render.Templates, []*render.Page, []*render.Page) {
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
	tmpl, err := render.LoadTemplates(theme, cfg)
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
// pages whose Markdown is rendered already: written by the Go code of the
// default layouts, and executed from the same layouts as files.
func BenchmarkExecuteArticlePages(b *testing.B) {
	for _, theme := range []struct {
		name string
		fsys fs.FS
	}{{"go", layouts.FS}, {"layouts", asWritten}} {
		b.Run(theme.name, func(b *testing.B) {
			tmpl, arts, _ := archivePages(b, 2000, theme.fsys)
			executeAll(b, tmpl, arts)
		})
	}
}

// BenchmarkExecuteListPages measures the layouts alone on list pages, as
// BenchmarkExecuteArticlePages does on article pages.
func BenchmarkExecuteListPages(b *testing.B) {
	for _, theme := range []struct {
		name string
		fsys fs.FS
	}{{"go", layouts.FS}, {"layouts", asWritten}} {
		b.Run(theme.name, func(b *testing.B) {
			tmpl, _, lists := archivePages(b, 2000, theme.fsys)
			executeAll(b, tmpl, lists)
		})
	}
}

// executeAll executes the pages in turn, one per iteration.
func executeAll(b *testing.B, tmpl *render.Templates, pages []*render.Page) {
	var buf bytes.Buffer
	i := 0
	for b.Loop() {
		buf.Reset()
		if err := tmpl.Execute(&buf, pages[i%len(pages)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
