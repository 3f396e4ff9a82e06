package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/content"
	"newsgen/generator/site"
	"newsgen/layouts"
)

// awkward are strings that every escaper treats differently.
var awkward = []string{
	"Plain words",
	`Rock & "roll" <b>'n'</b> 1+1`,
	"Curly ‘quotes’ — and é, 漢字, \x00 nul",
	"javascript:alert(1)",
	"a%41%zz %4 100% done?x=1&y=2#frag",
	"\xff\xfe malformed",
}

// variedSite is an archive whose articles between them take every branch
// of the article layout: with and without a section, a summary, authors
// (one, two, three), tags, an update, a time of day, a lead picture
// (local, remote, unsafe, sized or not, with or without alt, caption and
// credit), neighbours and related articles; whose lists run to several
// pages; with text that needs escaping everywhere.
func variedSite(t *testing.T, baseURL string) (*config.Config, []*Page) {
	t.Helper()
	cfg := config.Default()
	if err := cfg.SetBaseURL(baseURL); err != nil {
		t.Fatal(err)
	}
	cfg.Title = "News & <Views> +1"
	cfg.PerPage = 4
	cfg.Language = `en-"GB"`
	images := []*content.Image{
		nil,
		{Src: "images/a b.jpg", Alt: "An alt", Caption: "A caption", Credit: "Someone", Width: 800, Height: 600},
		{Src: "https://cdn.example.com/x.jpg?w=1&h=2", Caption: "Only <caption>"},
		{Src: "javascript:alert(1)", Credit: "Credit & co"},
		{Caption: "Not held", Credit: "Agency"},
		{Credit: "Agency only"},
		{Alt: "alt only"},
		{Src: "/static/y.png", Alt: "Y's", Width: 10},
	}
	authors := [][]string{nil, {"Ann Lee"}, {"Ann Lee", "Bo Wu"}, {"Ann Lee", "Bo Wu", "Cy O'Neil"}}
	var entries []*site.Entry
	for i := range 48 {
		word := awkward[i%len(awkward)]
		a := &content.Article{
			Meta: content.Meta{
				Title:   fmt.Sprintf("Story %d: %s", i, word),
				Slug:    fmt.Sprintf("story-%d", i),
				Date:    time.Date(2026, time.Month(1+i%12), 1+i%27, (i%3)*7, (i%2)*30, 0, 0, time.UTC),
				Summary: []string{"", "A summary: " + word}[i%2],
				Image:   images[i%len(images)],
				Tags:    [][]string{nil, {"Oil"}, {"Oil", word, "Gas & power"}}[i%3],
				Authors: authors[i%len(authors)],
			},
		}
		if i%5 != 0 {
			a.Category = []string{"World", "Business & money", word}[i%3]
		}
		if i%4 == 1 {
			a.Updated = a.Date.Add(time.Duration(i) * time.Hour)
			a.UpdatedHasTime = i%8 == 1
		}
		a.DateHasTime = i%3 != 0
		if i%2 == 0 {
			a.Seed = "seed.txt"
		}
		entries = append(entries, site.NewEntry(a, cfg.Location))
	}
	s := site.New(cfg, entries, site.Options{BuildTime: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	var pages []*Page
	for i, e := range s.Entries {
		body := fmt.Sprintf("Some *text* with %s.\n\nAnd \"more\" -- text.", awkward[i%len(awkward)])
		p := ArticlePage(s, NewArticle(s, e, body))
		if i%3 != 0 {
			p.Alternates = []Alternate{
				{Type: "application/atom+xml", Title: "Site & co (Atom)", Path: "atom.xml"},
				{Type: "application/rss+xml", Title: "Site (RSS)", Path: "rss.xml"},
				{Type: "application/atom+xml", Title: "Section (Atom)", Path: "category/x/atom.xml"},
			}
		}
		pages = append(pages, p)
	}
	for _, p := range ListPages(s) {
		p.Alternates = []Alternate{{Type: "application/atom+xml", Title: "Site & co (Atom)", Path: "atom.xml"}}
		pages = append(pages, p)
	}
	return cfg, pages
}

// asWritten are the default layouts with one partial more, which no
// layout calls: the same pages, all executed by html/template.
var asWritten = Overlay{Top: fstest.MapFS{"partials/zz-unused.html": {Data: []byte("unused")}}, Bottom: layouts.FS}

// TestNativeMatchesLayouts holds the pages written in Go (article pages,
// teasers, briefs) to the default layouts: every page, byte for byte.
func TestNativeMatchesLayouts(t *testing.T) {
	for _, base := range []string{"https://example.org/", "https://user.github.io/my archive/"} {
		cfg, pages := variedSite(t, base)
		fast, err := LoadTemplates(layouts.FS, cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range nativeKinds {
			if fast.native[kind] == nil {
				t.Fatalf("the default %s.html is not written in Go", kind)
			}
		}
		plain, err := LoadTemplates(asWritten, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if len(plain.native) > 0 || plain.common != nil {
			t.Fatal("a theme with a partial of its own is written in Go")
		}
		for _, p := range pages {
			var a, b bytes.Buffer
			if err := fast.Execute(&a, p); err != nil {
				t.Fatal(err)
			}
			if err := plain.Execute(&b, p); err != nil {
				t.Fatal(err)
			}
			if a.String() != b.String() {
				t.Fatalf("%s%s: the Go code and the layouts differ:\n%s", base, p.Path, firstDifference(a.String(), b.String()))
			}
		}
	}
}

// firstDifference shows where two pages part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-200)
	return fmt.Sprintf("Go code: %q\nlayouts: %q", a[from:min(len(a), i+100)], b[from:min(len(b), i+100)])
}

// A site that overrides any layout an article page is made of gets its
// layouts executed.
func TestNativeOnlyWithDefaultLayouts(t *testing.T) {
	cfg := config.Default()
	for name, override := range map[string]string{
		"article.html":          `{{define "main"}}mine{{end}}`,
		"base.html":             `<!doctype html><title>mine</title>{{block "main" .}}{{end}}`,
		"partials/meta.html":    `<meta name="mine">`,
		"partials/authors.html": `mine`,
		"partials/extra.html":   `{{define "main"}}mine{{end}}`,
	} {
		fsys := fstest.MapFS{name: {Data: []byte(override)}}
		tmpl, err := LoadTemplates(Overlay{Top: fsys, Bottom: layouts.FS}, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if tmpl.native["article"] != nil {
			t.Errorf("%s overridden: article pages are still written in Go", name)
		}
	}
	same, _ := layouts.FS.ReadFile("article.html")
	fsys := fstest.MapFS{"article.html": {Data: same}, "list.html": {Data: []byte(`{{define "main"}}mine{{end}}`)}}
	tmpl, err := LoadTemplates(Overlay{Top: fsys, Bottom: layouts.FS}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if tmpl.native["article"] == nil || tmpl.native["list"] != nil {
		t.Error("a copy of the default article.html, and a list.html of its own: want article pages written in Go, list pages not")
	}
}

// TestEscapersMatchHTMLTemplate holds each escaper to what html/template
// writes for the same value in the same context.
func TestEscapersMatchHTMLTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(
		`{{define "text"}}{{.}}{{end}}{{define "attr"}}<p title="{{.}}">{{end}}{{define "url"}}<a href="{{.}}">{{end}}`))
	values := append([]string{"", "+", "%", "%4", "%4g", "%41", "http://x/?a=b&c=d#e", "HTTPS:x", "mailto:a@b", "ftp://x", "/a:b", "a/b:c",
		" spaced out ", "tab\tnew\nline", "quote\"s'", "`back`", "{}|\\^", "\x7f\x01", "line\u2028para\u2029", "\b\f\r\\", "\xe2\x80"}, awkward...)
	for i := range 256 {
		values = append(values, string([]byte{byte(i)}), "a"+string([]byte{byte(i)})+"z")
	}
	for _, v := range values {
		for name, want := range map[string]func([]byte, string) []byte{
			"text": appendHTML,
			"attr": func(b []byte, s string) []byte { return append(appendHTML(append(b, `<p title="`...), s), `">`...) },
			"url":  func(b []byte, s string) []byte { return append(appendURL(append(b, `<a href="`...), s), `">`...) },
		} {
			var buf strings.Builder
			if err := tmpl.ExecuteTemplate(&buf, name, v); err != nil {
				t.Fatal(err)
			}
			if got := string(want(nil, v)); got != buf.String() {
				t.Errorf("%s %q: got %q, html/template writes %q", name, v, got, buf.String())
			}
		}
		js, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(appendJSONString(nil, v)); got != string(js) {
			t.Errorf("JSON %q: got %s, encoding/json writes %s", v, got, js)
		}
	}
}
