package feed

import (
	"sort"
	"strconv"
	"strings"

	"newsgen/generator/site"
)

// Link is a feed for a page to announce with <link rel="alternate">.
type Link struct {
	// Type is the feed's media type, such as "application/atom+xml".
	Type  string
	Title string
	// Href is the feed's site path, such as "category/war/atom.xml"; the
	// layout puts the base path or URL in front.
	Href string
}

// Alternates returns the feeds a page announces: the site's on every
// page, then its category's on a category's list pages and on articles of
// that category. pagePath is a site path such as "", "2026/06/slug/" or
// "category/war/page/2/".
func Alternates(s *site.Site, pagePath string) []Link {
	out := links(s.Config.Title, "")
	if g := pageCategory(s, pagePath); g != nil {
		out = append(out, categoryLinks(s, g)...)
	}
	if g := pageAuthor(s, pagePath); g != nil {
		out = append(out, links(s.Config.Title+": "+g.Name, authorBase(g.Slug))...)
	}
	return out
}

// pageAuthor is the author whose feeds an author's page announces, or
// nil.
func pageAuthor(s *site.Site, pagePath string) *site.Group {
	slug, ok := strings.CutPrefix(pagePath, "author/")
	if !ok {
		return nil
	}
	slug, _, _ = strings.Cut(slug, "/")
	// The authors are in slug order.
	i := sort.Search(len(s.Authors), func(i int) bool { return s.Authors[i].Slug >= slug })
	if i < len(s.Authors) && s.Authors[i].Slug == slug {
		return s.Authors[i]
	}
	return nil
}

// CategoryAlternates returns the feeds an article of the category slug
// announces: the site's and, when the slug names a category, its own. It
// is Alternates for a page whose category is already known.
func CategoryAlternates(s *site.Site, slug string) []Link {
	out := links(s.Config.Title, "")
	if g := s.Category(slug); g != nil {
		out = append(out, categoryLinks(s, g)...)
	}
	return out
}

func categoryLinks(s *site.Site, g *site.Group) []Link {
	return links(s.Config.Title+": "+g.Name, categoryBase(g.Slug))
}

// links are one feed folder's feeds, one per format.
func links(title, base string) []Link {
	return []Link{
		{Type: "application/atom+xml", Title: title + " (Atom)", Href: base + AtomName},
		{Type: "application/rss+xml", Title: title + " (RSS)", Href: base + RSSName},
		{Type: "application/feed+json", Title: title + " (JSON Feed)", Href: base + JSONName},
	}
}

// pageCategory is the category whose feeds a page announces, or nil.
func pageCategory(s *site.Site, pagePath string) *site.Group {
	if slug, ok := strings.CutPrefix(pagePath, "category/"); ok {
		slug, _, _ = strings.Cut(slug, "/")
		return s.Category(slug)
	}
	if e := findEntry(s, pagePath); e != nil && e.Category.Slug != "" {
		return s.Category(e.Category.Slug)
	}
	return nil
}

// findEntry finds the article at a path such as "2026/06/slug/" through
// the archive's years and months, so that it reads one month's articles,
// not the archive's.
func findEntry(s *site.Site, pagePath string) *site.Entry {
	parts := strings.Split(pagePath, "/")
	if len(parts) != 4 || parts[3] != "" {
		return nil
	}
	year, err1 := strconv.Atoi(parts[0])
	month, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return nil
	}
	for _, y := range s.Years {
		if y.Year != year {
			continue
		}
		for _, m := range y.Months {
			if int(m.Month) == month {
				return entryIn(m.Entries, pagePath)
			}
		}
	}
	return nil
}

func entryIn(entries []*site.Entry, pagePath string) *site.Entry {
	for _, e := range entries {
		if e.Path() == pagePath {
			return e
		}
	}
	return nil
}
