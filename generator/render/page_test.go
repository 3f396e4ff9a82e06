package render_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/render"
	"newsgen/generator/site"
	"newsgen/layouts"
)

// articleHTML renders, with the default theme, the page of the middle of
// five articles of one section, sharing a tag.
func articleHTML(t *testing.T) string {
	t.Helper()
	cfg := config.Default()
	if err := cfg.SetBaseURL("https://example.org/"); err != nil {
		t.Fatal(err)
	}
	var entries []*site.Entry
	for i, slug := range []string{"a", "b", "c", "d", "e"} {
		entries = append(entries, &site.Entry{Title: "Story " + slug, Slug: slug, Summary: "Summary of " + slug + ".",
			Date: time.Date(2026, 6, 1+i, 0, 0, 0, 0, time.UTC), Category: site.NewTerm("War"), Tags: []site.Term{site.NewTerm("Oil")}})
	}
	s := site.New(cfg, entries, site.Options{BuildTime: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)})
	tmpl, err := render.LoadTemplates(layouts.FS, cfg)
	if err != nil {
		t.Fatal(err)
	}
	p := render.ArticlePage(s, render.NewArticle(s, entries[2], "Body."))
	p.Alternates = []render.Alternate{
		{Type: "application/atom+xml", Title: "Site (Atom)", Path: "atom.xml"},
		{Type: "application/rss+xml", Title: "Site (RSS)", Path: "rss.xml"},
		{Type: "application/atom+xml", Title: "War (Atom)", Path: "category/war/atom.xml"},
		{Type: "application/rss+xml", Title: "War (RSS)", Path: "category/war/rss.xml"},
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// An article page announces each feed once, has no Twitter tag but the
// card, lists three related articles as briefs and names the page
// itself last in its breadcrumb without a URL.
func TestArticlePageSaysEachThingOnce(t *testing.T) {
	page := articleHTML(t)
	alternates := regexp.MustCompile(`<link rel="alternate"[^>]*href="([^"]*)"`).FindAllStringSubmatch(page, -1)
	var feeds []string
	for _, m := range alternates {
		feeds = append(feeds, m[1])
	}
	if strings.Join(feeds, " ") != "/atom.xml /category/war/atom.xml" {
		t.Errorf("head announces %v, want the site's Atom feed and the section's", feeds)
	}
	if n := strings.Count(page, `name="twitter:`); n != 1 || !strings.Contains(page, `<meta name="twitter:card" content="summary">`) {
		t.Errorf("%d Twitter tags, want the card alone", n)
	}
	related := page[strings.Index(page, `<aside class="related"`):]
	related = related[:strings.Index(related, "</aside>")]
	if n := strings.Count(related, "<li>"); n != 3 {
		t.Errorf("%d related articles, want 3:\n%s", n, related)
	}
	if strings.Contains(page, "<svg") {
		t.Error("the page carries an inline SVG")
	}
	crumbs := page[strings.Index(page, `"BreadcrumbList"`):]
	crumbs = crumbs[:strings.Index(crumbs, "</script>")]
	if !strings.Contains(crumbs, `"item":"https://example.org/category/war/"`) || strings.Contains(crumbs, `"item":"https://example.org/2026/06/c/"`) ||
		!strings.Contains(crumbs, `"name":"Story c"`) {
		t.Errorf("breadcrumb %s: want the section's URL and the page itself named without one", crumbs)
	}
}
