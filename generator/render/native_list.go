package render

import (
	"newsgen/generator/site"
)

// list writes the "main" block of list.html: a section's, a topic's, an
// author's or a month's articles, by day.
func (n *native) list(p *Page, b []byte) ([]byte, error) {
	b = append(b, '\n')
	b = n.crumbs(p.Crumbs, b)
	b = tagged(b, "\n<h1 class=\"page-title\">", p.Heading, "</h1>\n")
	if l := p.List; l != nil {
		b = append(b, "\n<p class=\"list-count\">"...)
		b = appendInt(b, len(l.Entries))
		if len(l.Entries) == 1 {
			b = append(b, " article"...)
		} else {
			b = append(b, " articles"...)
		}
		if l.Number != 0 {
			b = append(b, " on this page"...)
		}
		b = append(b, ", newest first</p>\n"...)
		for _, day := range site.ByDay(l.Entries) {
			b = n.dayHeading(day, b)
			if p.Section == "category" {
				b = append(b, "<div class=\"river\">\n"...)
				for _, e := range day.Entries {
					b = n.appendTeaser(b, e, p.Category == "" || p.Category != e.Category.Slug)
				}
				b = append(b, "\n</div>"...)
			} else {
				b = n.briefList(day.Entries, b)
			}
			b = append(b, '\n')
		}
		b = append(b, '\n')
		b = n.pager(l, b)
		b = append(b, '\n')
	}
	return append(b, '\n'), nil
}

// home writes the "main" block of home.html for the front page's older
// pages: numbered, never empty, they list their articles by day, without
// top stories.
func (n *native) home(p *Page, b []byte) ([]byte, error) {
	b = append(b, '\n')
	b = n.crumbs(p.Crumbs, b)
	b = tagged(b, "\n<h1 class=\"page-title\">", p.Heading, "</h1>\n\n\n\n")
	for _, day := range site.ByDay(p.List.Entries) {
		b = n.dayHeading(day, b)
		b = n.briefList(day.Entries, b)
		b = append(b, '\n')
	}
	b = append(b, "\n\n\n\n"...)
	b = n.pager(p.List, b)
	return append(b, '\n'), nil
}

// dayHeading writes the heading of a day's articles.
func (n *native) dayHeading(day site.Day, b []byte) []byte {
	b = tagged(b, "\n<h2 class=\"day-heading\"><time datetime=\"", day.Date.Format("2006-01-02"), "\">")
	b = appendHTML(b, day.Date.Format("Monday, January 2, 2006"))
	return append(b, "</time></h2>\n"...)
}

// briefList writes entries as a list of briefs.
func (n *native) briefList(entries []*site.Entry, b []byte) []byte {
	b = append(b, "<ul class=\"briefs\">\n"...)
	for _, e := range entries {
		b = n.appendBrief(b, e, false)
	}
	return append(b, "\n</ul>"...)
}

// crumbs writes partials/crumbs.html.
func (n *native) crumbs(crumbs []Crumb, b []byte) []byte {
	if len(crumbs) > 1 {
		b = append(b, "\n<nav class=\"crumbs\" aria-label=\"Breadcrumb\">\n<ol>\n"...)
		for _, c := range crumbs {
			if c.Current {
				b = tagged(b, "<li><span aria-current=\"page\">", c.Name, "</span></li>\n")
				continue
			}
			b = append(b, "<li><a href=\""...)
			b = appendURL(b, n.rel(c.Path))
			b = tagged(b, "\">", c.Name, "</a></li>\n")
		}
		b = append(b, "\n</ol>\n</nav>\n"...)
	}
	return append(b, '\n')
}

// pager writes partials/pager.html.
func (n *native) pager(l *site.Page, b []byte) []byte {
	if l.Older != "" || l.Newer != "" {
		b = append(b, "\n<nav class=\"pager\" aria-label=\"Pages\">\n"...)
		if l.Newer != "" {
			b = append(b, "<a class=\"pager-newer\" rel=\"prev\" href=\""...)
			b = appendURL(b, n.rel(l.Newer))
			b = append(b, "\">← Newer</a>"...)
		}
		b = append(b, '\n')
		if l.Older != "" {
			b = append(b, "<a class=\"pager-older\" rel=\"next\" href=\""...)
			b = appendURL(b, n.rel(l.Older))
			b = append(b, "\">Older →</a>"...)
		}
		b = append(b, "\n</nav>\n"...)
	}
	return append(b, '\n')
}
