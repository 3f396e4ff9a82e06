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
	var files []File
	each(s, slicePages(dedupe(pages)), max(limit, 1), func(f File) { files = append(files, f) })
	// The index comes last from each, as it needs every part's date.
	files = append(files[len(files)-1:], files[:len(files)-1]...)
	files = append(files, File{Name: NewsName, Data: news(s)})
	return append(files, File{Name: RobotsName, Data: robots(s)})
}

// Stream hands put, one at a time, the files Build makes for the site's
// articles followed by the given pages (its list pages), in no set
// order. The articles' pages are made as their sitemap is, and each
// file is let go once put returns: the sitemaps of a million articles
// are a few hundred megabytes at once. The site's articles have a page
// path each (the build refuses two articles on one path), so only the
// given pages are checked for repeats, as Build checks all.
func Stream(s *site.Site, lists []Page, limit int, put func(File)) {
	each(s, newSitePages(s, lists), max(limit, 1), put)
	put(File{Name: NewsName, Data: news(s)})
	put(File{Name: RobotsName, Data: robots(s)})
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

// pages are a sitemap's pages, read by place.
type pages interface {
	Len() int
	At(i int) Page
}

type slicePages []Page

func (p slicePages) Len() int      { return len(p) }
func (p slicePages) At(i int) Page { return p[i] }

// sitePages are a site's articles followed by its list pages, with a list
// page on an article's path merged into the article, as dedupe would.
type sitePages struct {
	entries []*site.Entry
	lists   []Page
	// later holds the article whose list page changed after it.
	later map[int]time.Time
}

func newSitePages(s *site.Site, lists []Page) *sitePages {
	p := &sitePages{entries: s.Entries, lists: dedupe(lists), later: map[int]time.Time{}}
	at := make(map[string]int, len(p.lists))
	for i, l := range p.lists {
		at[l.Path] = i
	}
	dropped := map[int]bool{}
	for i, e := range s.Entries {
		if j, ok := at[e.Path()]; ok {
			dropped[j] = true
			if p.lists[j].Modified.After(e.Modified()) {
				p.later[i] = p.lists[j].Modified
			}
		}
	}
	if len(dropped) > 0 {
		kept := p.lists[:0:0]
		for j, l := range p.lists {
			if !dropped[j] {
				kept = append(kept, l)
			}
		}
		p.lists = kept
	}
	return p
}

func (p *sitePages) Len() int { return len(p.entries) + len(p.lists) }

func (p *sitePages) At(i int) Page {
	if i >= len(p.entries) {
		return p.lists[i-len(p.entries)]
	}
	e := p.entries[i]
	m, ok := p.later[i]
	if !ok {
		m = e.Modified()
	}
	return Page{Path: e.Path(), Modified: m}
}

// each hands put the pages as one sitemap, or as parts of at most limit
// URLs and then their index.
func each(s *site.Site, pages pages, limit int, put func(File)) {
	n := pages.Len()
	if n <= limit {
		list, _ := urls(s, pages, 0, n)
		put(File{Name: IndexName, Data: marshal(urlSet{NS: xmlns, URLs: list})})
		return
	}
	idx := index{NS: xmlns}
	for k, lo := 1, 0; lo < n; k, lo = k+1, lo+limit {
		name := fmt.Sprintf("sitemap-%d.xml", k)
		list, latest := urls(s, pages, lo, min(lo+limit, n))
		idx.Sitemaps = append(idx.Sitemaps, entry{Loc: s.Config.AbsURL(name), LastMod: stamp(latest)})
		put(File{Name: name, Data: marshal(urlSet{NS: xmlns, URLs: list})})
	}
	put(File{Name: IndexName, Data: marshal(idx)})
}

// urls are the entries of pages lo to hi, and the latest change among
// them.
func urls(s *site.Site, pages pages, lo, hi int) ([]entry, time.Time) {
	out := make([]entry, 0, hi-lo)
	var latest time.Time
	for i := lo; i < hi; i++ {
		p := pages.At(i)
		out = append(out, entry{Loc: s.Config.AbsURL(p.Path), LastMod: stamp(p.Modified)})
		if p.Modified.After(latest) {
			latest = p.Modified
		}
	}
	return out, latest
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
