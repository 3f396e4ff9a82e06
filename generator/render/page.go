package render

import (
	"html/template"
	"path"
	"strings"

	"newsgen/generator/content"
	"newsgen/generator/site"
)

// Page is what a layout sees.
type Page struct {
	// Kind names the layout: "article", "home", "list", "terms", "year",
	// "archive", "search", "404".
	Kind string
	// Path is the page's site path, such as "2026/06/slug/".
	Path string
	// Section names the part of the site the page belongs to, for the
	// navigation: "home", "category", "tag", "author", "archive", "search" or "".
	Section     string
	Title       string
	Heading     string
	Description string
	// Canonical says the page has a URL of its own (not the 404 page).
	Canonical  bool
	Crumbs     []Crumb
	Alternates []Alternate
	Site       *site.Site

	// Category is the slug of the section the page belongs to: a
	// section's own pages and its articles. Its teasers leave out the
	// kicker that would only repeat it.
	Category string

	Article *Article
	List    *site.Page
	// Front is the front page's hierarchy, on the front page itself.
	Front *site.Front
	Terms []*site.Group
	// TermBase is where the terms' pages live, such as "category/".
	TermBase string
	Year     *site.Year
	Years    []*site.Year
}

// Crumb is one step of a breadcrumb trail; Current marks the page itself.
type Crumb struct {
	Name    string
	Path    string
	Current bool
}

// NavLink is one link of the site's navigation.
type NavLink struct {
	Path, Name string
	// Current marks the link to the page itself, Active the link to the
	// part of the site the page is in.
	Current, Active bool
}

// Nav is the site's navigation as this page shows it: the front page, the
// top sections, every section, topics when there are any, and the archive.
func (p *Page) Nav() []NavLink {
	links := []NavLink{{Path: "", Name: "Home", Active: p.Section == "home"}}
	inTop := false
	for _, g := range p.Site.TopSections() {
		active := p.Category == g.Slug
		inTop = inTop || active
		links = append(links, NavLink{Path: CategoryPath(g.Slug), Name: g.Name, Active: active})
	}
	links = append(links, NavLink{Path: "category/", Name: "All sections", Active: p.Section == "category" && !inTop && p.Article == nil})
	if len(p.Site.Tags) > 0 {
		links = append(links, NavLink{Path: "tag/", Name: "Topics", Active: p.Section == "tag"})
	}
	if len(p.Site.Authors) > 0 {
		links = append(links, NavLink{Path: "author/", Name: "Authors", Active: p.Section == "author"})
	}
	links = append(links, NavLink{Path: "archive/", Name: "Archive", Active: p.Section == "archive"})
	for i := range links {
		links[i].Current = links[i].Path == p.Path
	}
	return links
}

// DateLine is the date the masthead of the front page shows: the newest
// article's, so that the page changes when the news does and not merely
// because a day has passed. It is nil on other pages.
func (p *Page) DateLine() *site.Entry {
	if p.Kind != "home" || p.Path != "" {
		return nil
	}
	return p.Site.Newest()
}

// Feeds are the site's own feeds among the page's alternates, for the
// footer, each with the name of its format.
func (p *Page) Feeds() []Alternate {
	var out []Alternate
	for _, a := range p.Alternates {
		if strings.Contains(a.Path, "/") {
			continue
		}
		out = append(out, a)
	}
	return out
}

// Discovery are the feeds the page announces in its head: one link per
// feed, the first format of each (Atom), so that the site's feed and the
// feed of the page's section or author are found without every page
// repeating the same feed in three formats. The footer names the others.
func (p *Page) Discovery() []Alternate {
	var out []Alternate
	seen := map[string]bool{}
	for _, a := range p.Alternates {
		folder := path.Dir(a.Path)
		if seen[folder] {
			continue
		}
		seen[folder] = true
		out = append(out, a)
	}
	return out
}

// Alternate is a feed announced with <link rel="alternate">.
type Alternate struct {
	Type, Title, Path string
}

// Format names the feed's format for a reader: "Atom", "RSS" or "JSON
// Feed".
func (a Alternate) Format() string {
	switch {
	case strings.Contains(a.Type, "atom"):
		return "Atom"
	case strings.Contains(a.Type, "rss"):
		return "RSS"
	case strings.Contains(a.Type, "json"):
		return "JSON Feed"
	}
	return a.Type
}

// Article is an article page's content.
type Article struct {
	*site.Entry
	Image *content.Image
	HTML  template.HTML
	Words int
	// Prev is the next older article, Next the next newer one.
	Prev, Next *site.Entry
	Related    []*site.Entry
}

// wordsPerMinute is a common adult reading speed for news copy.
const wordsPerMinute = 230

// NewArticle renders an article's body and gathers what its page shows.
func NewArticle(s *site.Site, e *site.Entry, body string) *Article {
	return &Article{
		Entry:   e,
		Image:   e.Image,
		HTML:    template.HTML(Markdown([]byte(body), !e.Imported)),
		Words:   countWords(body),
		Prev:    s.Prev(e),
		Next:    s.Next(e),
		Related: s.Related(e),
	}
}

// ReadingMinutes is how long the article takes to read, at least a minute.
func (a *Article) ReadingMinutes() int {
	return max(1, (a.Words+wordsPerMinute-1)/wordsPerMinute)
}

// ArticlePage is the page of one article.
func ArticlePage(s *site.Site, art *Article) *Page {
	crumbs := []Crumb{{Name: "Home", Path: ""}}
	if art.Category.Slug != "" {
		crumbs = append(crumbs, Crumb{Name: art.Category.Name, Path: CategoryPath(art.Category.Slug)})
	}
	crumbs = append(crumbs, Crumb{Name: art.Title, Path: art.Path(), Current: true})
	return &Page{
		Category:    art.Category.Slug,
		Kind:        "article",
		Path:        art.Path(),
		Section:     "category",
		Title:       art.Title,
		Description: art.Summary,
		Canonical:   true,
		Crumbs:      crumbs,
		Site:        s,
		Article:     art,
	}
}

// CategoryPath is the path of a category's page.
func CategoryPath(slug string) string { return "category/" + slug + "/" }

// TagPath is the path of a tag's page.
func TagPath(slug string) string { return "tag/" + slug + "/" }

// AuthorPath is the path of an author's page.
func AuthorPath(slug string) string { return "author/" + slug + "/" }

// countWords counts runs of characters between white space. It looks at
// bytes, not runes: every byte of a multi-byte letter is above ASCII and
// counts as part of a word, which is what reading time needs, at a tenth
// of the cost of strings.Fields on text with curly quotes.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\n', '\t', '\r', '\v', '\f':
			in = false
		default:
			if !in {
				n++
			}
			in = true
		}
	}
	return n
}
