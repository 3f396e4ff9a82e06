// Package sitemap writes what crawlers read to find the archive's pages:
// sitemap.xml listing every page, a Google News sitemap of the last two
// days' articles, and robots.txt pointing at both.
//
// The build says which pages exist; this package does not guess them. A
// sitemap holds at most 50,000 URLs, so a larger archive gets
// sitemap-1.xml, sitemap-2.xml... and sitemap.xml becomes their index:
// crawlers are pointed at the one name either way.
package sitemap

import (
	"encoding/xml"
	"fmt"
	"time"

	"newsgen/generator/site"
)

// File names a file's bytes by their site path, such as "sitemap.xml".
type File struct {
	Name string
	Data []byte
}

// Page is one page the build writes: its site path, such as
// "2026/06/slug/" or "", and when its content last changed (zero when
// unknown).
type Page struct {
	Path     string
	Modified time.Time
}

// MaxURLs is the most URLs one sitemap may hold.
const MaxURLs = 50000

// File names at the site root.
const (
	IndexName  = "sitemap.xml"
	NewsName   = "news-sitemap.xml"
	RobotsName = "robots.txt"
)

// xmlns is the sitemap protocol's namespace.
const xmlns = "http://www.sitemaps.org/schemas/sitemap/0.9"

// Build returns sitemap.xml (or an index and its parts), the news
// sitemap and robots.txt for the given pages.
func Build(s *site.Site, pages []Page) []File {
	return BuildLimit(s, pages, MaxURLs)
}

// BuildLimit is Build with at most limit URLs in each sitemap.
func BuildLimit(s *site.Site, pages []Page, limit int) []File {
	files := sitemaps(s, dedupe(pages), max(limit, 1))
	files = append(files, File{Name: NewsName, Data: news(s)})
	return append(files, File{Name: RobotsName, Data: robots(s)})
}

// Articles lists every article page of the site with its last change,
// for the build to add its list pages to.
func Articles(s *site.Site) []Page {
	pages := make([]Page, len(s.Entries))
	for i, e := range s.Entries {
		pages[i] = Page{Path: e.Path(), Modified: e.Modified()}
	}
	return pages
}

type urlSet struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	URLs    []entry  `xml:"url"`
}

type index struct {
	XMLName  xml.Name `xml:"sitemapindex"`
	NS       string   `xml:"xmlns,attr"`
	Sitemaps []entry  `xml:"sitemap"`
}

// entry is a <url> in a sitemap or a <sitemap> in an index.
type entry struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemaps writes the pages as one sitemap, or as parts of at most limit
// URLs under an index.
func sitemaps(s *site.Site, pages []Page, limit int) []File {
	if len(pages) <= limit {
		return []File{{Name: IndexName, Data: marshal(urlSet{NS: xmlns, URLs: urls(s, pages)})}}
	}
	idx := index{NS: xmlns}
	var files []File
	for n, lo := 1, 0; lo < len(pages); n, lo = n+1, lo+limit {
		part := pages[lo:min(lo+limit, len(pages))]
		name := fmt.Sprintf("sitemap-%d.xml", n)
		idx.Sitemaps = append(idx.Sitemaps, entry{Loc: s.Config.AbsURL(name), LastMod: stamp(latest(part))})
		files = append(files, File{Name: name, Data: marshal(urlSet{NS: xmlns, URLs: urls(s, part)})})
	}
	return append([]File{{Name: IndexName, Data: marshal(idx)}}, files...)
}

func urls(s *site.Site, pages []Page) []entry {
	out := make([]entry, len(pages))
	for i, p := range pages {
		out[i] = entry{Loc: s.Config.AbsURL(p.Path), LastMod: stamp(p.Modified)}
	}
	return out
}

// dedupe keeps each path once, where it first appears, with its latest
// modification.
func dedupe(pages []Page) []Page {
	at := map[string]int{}
	var out []Page
	for _, p := range pages {
		i, seen := at[p.Path]
		if !seen {
			at[p.Path] = len(out)
			out = append(out, p)
		} else if p.Modified.After(out[i].Modified) {
			out[i].Modified = p.Modified
		}
	}
	return out
}

func latest(pages []Page) time.Time {
	var t time.Time
	for _, p := range pages {
		if p.Modified.After(t) {
			t = p.Modified
		}
	}
	return t
}

// stamp writes a time in the W3C form sitemaps use, or "" for no time.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// marshal writes a document with its declaration. The structs here hold
// only strings, which always marshal.
func marshal(v any) []byte {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		panic("sitemap: " + err.Error())
	}
	return append(append([]byte(xml.Header), out...), '\n')
}
