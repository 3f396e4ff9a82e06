package render

import (
	"fmt"
	"strings"

	"newsgen/generator/site"
)

// OutputName is the file a page path is written to: "a/b/" becomes
// "a/b/index.html", and a path naming a file stays as it is.
func OutputName(p string) string {
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// ListPages returns every page of the site that is not an article page.
func ListPages(s *site.Site) []*Page {
	var pages []*Page
	pages = append(pages, homePages(s)...)
	pages = append(pages, &Page{Kind: "404", Path: "404.html", Title: "Page not found"})
	return pages
}

func homePages(s *site.Site) []*Page {
	pager := site.Pager{Base: "", Entries: s.Entries, PerPage: s.Config.PerPage}
	var pages []*Page
	for _, pg := range pager.Pages() {
		pg := pg
		p := &Page{Kind: "home", Path: pg.Path, Canonical: true, List: &pg,
			Heading: "Latest news", Description: s.Config.Description}
		if pg.Number > 0 {
			p.Title = fmt.Sprintf("Page %d", pg.Number)
			p.Heading = fmt.Sprintf("Archive page %d", pg.Number)
		}
		pages = append(pages, p)
	}
	return pages
}
