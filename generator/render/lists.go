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
	home := Crumb{Name: "Home", Path: ""}
	pages = append(pages, paged(s, s.Entries, "", "home", "Latest news", nil)...)
	if front := pages[0]; len(front.List.Entries) > 0 {
		front.Front = s.Front(front.List.Entries)
	}
	sections := Crumb{Name: "Sections", Path: "category/"}
	pages = append(pages, termIndex(s, s.Categories, "category/", "Sections", home))
	for _, g := range s.Categories {
		for _, p := range paged(s, g.Entries, CategoryPath(g.Slug), "category", g.Name, []Crumb{home, sections}) {
			p.Category = g.Slug
			pages = append(pages, p)
		}
	}
	topics := Crumb{Name: "Topics", Path: "tag/"}
	pages = append(pages, termIndex(s, s.Tags, "tag/", "Topics", home))
	for _, g := range s.Tags {
		pages = append(pages, paged(s, g.Entries, TagPath(g.Slug), "tag", "Topic: "+g.Name, []Crumb{home, topics})...)
	}
	authors := Crumb{Name: "Authors", Path: "author/"}
	if len(s.Authors) > 0 {
		pages = append(pages, termIndex(s, s.Authors, "author/", "Authors", home))
	}
	for _, g := range s.Authors {
		for _, p := range paged(s, g.Entries, AuthorPath(g.Slug), "author", g.Name, []Crumb{home, authors}) {
			if p.List.Number == 0 {
				p.Description = fmt.Sprintf("Articles by %s, the latest first.", g.Name)
			}
			pages = append(pages, p)
		}
	}
	pages = append(pages, datePages(s, home)...)
	if !s.Config.Search.Disable {
		pages = append(pages, SearchPage(s, home))
	}
	pages = append(pages, &Page{Kind: "404", Path: "404.html", Title: "Page not found", Site: s})
	for _, p := range pages {
		p.Site = s
	}
	markCurrent(pages)
	return pages
}

// paged cuts a list into pages. Section pages and tag pages use the
// "list" layout, the front page its own.
func paged(s *site.Site, entries []*site.Entry, base, section, heading string, crumbs []Crumb) []*Page {
	pager := site.Pager{Base: base, Entries: entries, PerPage: s.Config.PerPage}
	kind := "list"
	if section == "home" {
		kind = "home"
	}
	var pages []*Page
	for _, pg := range pager.Pages() {
		pg := pg
		p := &Page{Kind: kind, Path: pg.Path, Section: section, Canonical: true, List: &pg, Heading: heading}
		p.Title, p.Description = heading, fmt.Sprintf("%s: the latest articles.", heading)
		if section == "home" {
			p.Title, p.Description = "", s.Config.Description
		}
		if pg.Number > 0 {
			p.Title = strings.TrimSpace(fmt.Sprintf("%s page %d", heading, pg.Number))
			p.Heading = p.Title
			p.Description = fmt.Sprintf("%s: articles, page %d counting from the oldest.", heading, pg.Number)
		}
		if crumbs != nil {
			p.Crumbs = append(append([]Crumb{}, crumbs...), Crumb{Name: p.Heading, Path: pg.Path})
		}
		pages = append(pages, p)
	}
	return pages
}

func termIndex(s *site.Site, groups []*site.Group, base, heading string, home Crumb) *Page {
	return &Page{Kind: "terms", Path: base, Section: strings.TrimSuffix(base, "/"), Canonical: true,
		Title: heading, Heading: heading, Description: fmt.Sprintf("%s of %s, with their number of articles.", heading, s.Config.Title),
		Terms: groups, TermBase: base, Crumbs: []Crumb{home, {Name: heading, Path: base}}}
}

// datePages are the archive at a glance, one page per year and one per
// month.
func datePages(s *site.Site, home Crumb) []*Page {
	archive := Crumb{Name: "Archive", Path: "archive/"}
	pages := []*Page{{Kind: "archive", Path: "archive/", Section: "archive", Canonical: true,
		Title: "Archive", Heading: "Archive", Description: "Every year and month of " + s.Config.Title + ", with their number of articles.",
		Years: s.Years, Crumbs: []Crumb{home, archive}}}
	for _, y := range s.Years {
		yc := Crumb{Name: fmt.Sprint(y.Year), Path: fmt.Sprintf("%04d/", y.Year)}
		pages = append(pages, &Page{Kind: "year", Path: yc.Path, Section: "archive", Canonical: true,
			Title: yc.Name, Heading: yc.Name, Description: fmt.Sprintf("Articles of %d, month by month.", y.Year),
			Year: y, Crumbs: []Crumb{home, archive, yc}})
		for _, m := range y.Months {
			name := fmt.Sprintf("%s %d", m.Month, m.Year)
			mc := Crumb{Name: name, Path: fmt.Sprintf("%04d/%02d/", m.Year, int(m.Month))}
			list := &site.Page{Path: mc.Path, Entries: m.Entries}
			pages = append(pages, &Page{Kind: "list", Path: mc.Path, Section: "archive", Canonical: true,
				Title: name, Heading: name, Description: fmt.Sprintf("Every article of %s.", name),
				List: list, Crumbs: []Crumb{home, archive, yc, mc}})
		}
	}
	return pages
}

// markCurrent marks the last crumb of every page as the page itself.
func markCurrent(pages []*Page) {
	for _, p := range pages {
		if n := len(p.Crumbs); n > 0 {
			p.Crumbs[n-1].Current = true
		}
	}
}

// SearchPage is the page that searches the archive in the browser. Its
// sections, in Terms, name the filters and link the archive for readers
// without JavaScript.
func SearchPage(s *site.Site, home Crumb) *Page {
	return &Page{Kind: "search", Path: "search/", Section: "search", Canonical: true,
		Title: "Search", Heading: "Search", Description: "Search every article of " + s.Config.Title + ".",
		Terms: s.Categories, TermBase: "category/", Crumbs: []Crumb{home, {Name: "Search", Path: "search/"}}}
}
