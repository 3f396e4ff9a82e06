package render

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/corpus"
	"newsgen/generator/seed"
	"newsgen/generator/site"
	"newsgen/layouts"
)

// testSite is an archive of a few dozen synthetic articles, and their
// article pages.
func testSite(t *testing.T) (*config.Config, []*Page) {
	t.Helper()
	cfg := config.Default()
	var entries []*site.Entry
	for i := range 40 {
		name, text, mod := corpus.Seed(i)
		a, _, err := seed.Parse(name, text, mod, seed.Options{})
		if err != nil {
			continue
		}
		a.Slug = strings.TrimSuffix(name, ".txt")
		entries = append(entries, site.NewEntry(a, cfg.Location))
	}
	s := site.New(cfg, entries, site.Options{BuildTime: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	var pages []*Page
	for _, e := range s.Entries {
		pages = append(pages, ArticlePage(s, NewArticle(s, e, "Some *text*.")))
	}
	for _, p := range ListPages(s) {
		pages = append(pages, p)
	}
	return cfg, pages
}

// render executes every page with both sets and fails when any byte
// differs; it returns the pages as the shared set rendered them.
func renderBoth(t *testing.T, fsys fstest.MapFS, cfg *config.Config, pages []*Page) []string {
	t.Helper()
	theme := Overlay{Top: fsys, Bottom: layouts.FS}
	shared, err := LoadTemplates(theme, cfg)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := loadSets(theme, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range pages {
		var a, b bytes.Buffer
		if err := shared.Execute(&a, p); err != nil {
			t.Fatal(err)
		}
		if err := plain.Execute(&b, p); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Fatalf("%s: shared partials changed the page:\n%s\n---- as written:\n%s", p.Path, a.String(), b.String())
		}
		out = append(out, a.String())
	}
	return out
}

func TestSharedPartialsChangeNoByte(t *testing.T) {
	cfg, pages := testSite(t)
	tmpl, err := LoadTemplates(layouts.FS, cfg)
	if err != nil {
		t.Fatal(err)
	}
	// The default masthead and footer are shared: they read only what
	// pages share.
	for _, name := range []string{"partials/header.html", "partials/footer.html"} {
		if _, ok := tmpl.shared["article"].roots[name]; !ok {
			t.Errorf("%s is not shared", name)
		}
	}
	renderBoth(t, nil, cfg, pages)
}

// A site's own partial that reads the page's title is executed for every
// page, and shows each page's own.
func TestOverriddenPartialReadingThePageIsNotShared(t *testing.T) {
	cfg, pages := testSite(t)
	for _, footer := range []string{
		`<footer>{{.Title}}</footer>`,
		`<footer>{{range .Nav}}{{$.Path}}{{end}}</footer>`,
		`<footer>{{with .Site}}{{template "x" $}}{{end}}</footer>{{define "x"}}{{.Path}}{{end}}`,
		`{{$p := .}}<footer>{{$p.Path}}</footer>`,
	} {
		fsys := fstest.MapFS{"partials/footer.html": {Data: []byte(footer)}}
		out := renderBoth(t, fsys, cfg, pages)
		seen := map[string]bool{}
		for _, page := range out {
			i := strings.Index(page, "<footer>")
			seen[page[i:]] = true
		}
		if len(seen) < len(pages)/2 {
			t.Errorf("%s: %d distinct footers on %d pages", footer, len(seen), len(pages))
		}
	}
}

// A site's own partial that reads only shared values is shared too.
func TestOverriddenSharedPartial(t *testing.T) {
	cfg, pages := testSite(t)
	fsys := fstest.MapFS{"partials/footer.html": {Data: []byte(`<footer>{{range .Nav}}<a href="{{rel .Path}}">{{.Name}}</a>{{end}}</footer>`)}}
	renderBoth(t, fsys, cfg, pages)
	tmpl, err := LoadTemplates(Overlay{Top: fsys, Bottom: layouts.FS}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := tmpl.shared["article"].roots["partials/footer.html"]; len(got) != 1 || got[0] != "Nav" {
		t.Errorf("footer reads %v, want [Nav]", got)
	}
}

// An error in a shared partial names the partial's file and line, as it
// does when the partial is executed in place.
func TestSharedPartialErrorNamesItsFile(t *testing.T) {
	cfg, pages := testSite(t)
	fsys := fstest.MapFS{"partials/footer.html": {Data: []byte("<footer>\n{{index .Site.Tags 100000}}</footer>")}}
	tmpl, err := LoadTemplates(Overlay{Top: fsys, Bottom: layouts.FS}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	err = tmpl.Execute(&bytes.Buffer{}, pages[0])
	if err == nil || !strings.HasPrefix(err.Error(), "layouts/partials/footer.html:2:") {
		t.Errorf("error = %v, want it to start with layouts/partials/footer.html:2:", err)
	}
}
