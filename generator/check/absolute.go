package check

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// The specifications behind canonical links, Open Graph, JSON-LD,
// sitemaps, robots.txt and feeds want absolute URLs, and search engines
// and feed readers take a relative one as an error or drop it. A site
// built without an absolute base URL has only relative ones there; these
// checks name each, with the way out.

// absoluteHint ends every message about a relative URL.
const absoluteHint = "needs an absolute URL (set base_url in newsgen.toml, or build with -base-url)"

// robotsFile is where crawlers look for the site's rules and sitemaps.
const robotsFile = "robots.txt"

// isAbsolute says whether raw is an absolute URL with a host, such as
// https://example.org/x/. "//example.org/x/" is not: it depends on the
// page's scheme, which a feed or sitemap does not have.
func isAbsolute(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	return err == nil && u.Scheme != "" && (u.Host != "" || u.Opaque != "")
}

// absoluteProblems checks the files whose URLs the page and XML readers
// do not see: robots.txt and JSON Feeds.
func absoluteProblems(name string, data []byte) []Problem {
	switch {
	case name == robotsFile:
		return robotsAbsolute(data)
	case path.Ext(name) == ".json":
		return jsonFeedAbsolute(data)
	}
	return nil
}

// robotsAbsolute checks the Sitemap lines of robots.txt (RFC 9309, and
// sitemaps.org: "the complete URL of the sitemap").
func robotsAbsolute(data []byte) []Problem {
	var probs []Problem
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		key, val, ok := strings.Cut(sc.Text(), ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(key), "sitemap") {
			continue
		}
		val = strings.TrimSpace(val)
		if !isAbsolute(val) {
			probs = append(probs, Problem{Line: line, Msg: fmt.Sprintf("Sitemap: %q %s", shorten(val), absoluteHint)})
		}
	}
	return probs
}

// htmlAbsolute checks a page's canonical link, its Open Graph and
// Twitter URLs and the URLs of its JSON-LD, from the tokens readPage
// reads.
type htmlAbsolute struct {
	probs  []Problem
	inLD   bool
	ldLine int
	ld     strings.Builder
}

func (h *htmlAbsolute) start(tok html.Token, line, off int) {
	if desc, val, ok := headURL(tok); ok && !isAbsolute(val) {
		h.probs = append(h.probs, Problem{Line: line, off: off, Msg: fmt.Sprintf("%s %q %s", desc, shorten(val), absoluteHint)})
	}
	if t, _ := attr(tok, "type"); tok.Data == "script" && strings.EqualFold(strings.TrimSpace(t), "application/ld+json") {
		h.inLD, h.ldLine = true, line
		h.ld.Reset()
	}
}

func (h *htmlAbsolute) text(data string) {
	if h.inLD {
		h.ld.WriteString(data)
	}
}

func (h *htmlAbsolute) end() {
	if h.inLD {
		h.inLD = false
		h.probs = append(h.probs, jsonLDAbsolute(h.ld.String(), h.ldLine)...)
	}
}

// headURL returns the URL of an element that must hold an absolute one:
// the canonical link and the Open Graph and Twitter card URLs.
func headURL(tok html.Token) (desc, val string, ok bool) {
	switch tok.Data {
	case "link":
		rel, _ := attr(tok, "rel")
		for _, r := range strings.Fields(rel) {
			if strings.EqualFold(r, "canonical") {
				href, ok := attr(tok, "href")
				return "canonical link", href, ok
			}
		}
	case "meta":
		prop, _ := attr(tok, "property")
		if prop == "" {
			prop, _ = attr(tok, "name")
		}
		switch prop {
		case "og:url", "og:image", "og:image:url", "og:image:secure_url", "og:video", "og:audio", "twitter:image":
			content, ok := attr(tok, "content")
			return prop, content, ok
		}
	}
	return "", "", false
}

// jsonLDKeys are the schema.org properties whose text is a URL.
var jsonLDKeys = map[string]bool{
	"@id": true, "url": true, "image": true, "logo": true, "sameAs": true,
	"thumbnailUrl": true, "contentUrl": true, "embedUrl": true, "mainEntityOfPage": true,
}

// jsonLDAbsolute checks the URLs of one JSON-LD script, reported on the
// script's line. A script that is not JSON is left to other checks.
func jsonLDAbsolute(text string, line int) []Problem {
	var v any
	if json.Unmarshal([]byte(text), &v) != nil {
		return nil
	}
	var probs []Problem
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch t := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(t))
			for k := range t {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(k, t[k])
			}
		case []any:
			for _, e := range t {
				walk(key, e)
			}
		case string:
			if jsonLDKeys[key] && !isAbsolute(t) {
				probs = append(probs, Problem{Line: line, Msg: fmt.Sprintf("JSON-LD %q: %q %s", key, shorten(t), absoluteHint)})
			}
		}
	}
	walk("", v)
	return probs
}

// xmlAbsolute checks a sitemap's <loc>s, an Atom feed's <id>s, links,
// icon and logo, and an RSS feed's links, permalink guids, image and
// enclosures, and the atom:link of either, from the tokens readXML reads.
type xmlAbsolute struct {
	probs  []Problem
	stack  []xml.StartElement
	starts [][2]int // line and offset of each open element
	text   strings.Builder
}

func (x *xmlAbsolute) add(line, off int, desc, val string) {
	if val = strings.TrimSpace(val); !isAbsolute(val) {
		x.probs = append(x.probs, Problem{Line: line, off: off, Msg: fmt.Sprintf("%s %q %s", desc, shorten(val), absoluteHint)})
	}
}

func (x *xmlAbsolute) start(t xml.StartElement, line, off int) {
	x.stack = append(x.stack, t.Copy())
	x.starts = append(x.starts, [2]int{line, off})
	x.text.Reset()
	root := x.stack[0].Name.Local
	for _, a := range t.Attr {
		if (a.Name.Local == "href" && t.Name.Local == "link") || (a.Name.Local == "url" && t.Name.Local == "enclosure" && root == "rss") {
			x.add(line, off, fmt.Sprintf("<%s %s>", t.Name.Local, a.Name.Local), a.Value)
		}
	}
}

func (x *xmlAbsolute) chardata(t xml.CharData) { x.text.Write(t) }

func (x *xmlAbsolute) end() {
	if len(x.stack) == 0 {
		return
	}
	el, at := x.stack[len(x.stack)-1], x.starts[len(x.starts)-1]
	x.stack, x.starts = x.stack[:len(x.stack)-1], x.starts[:len(x.starts)-1]
	if desc, ok := xmlTextURL(x.stack, el); ok {
		x.add(at[0], at[1], desc, x.text.String())
	}
	x.text.Reset()
}

// xmlTextURL says whether the text of element el, inside the open
// elements stack, must be an absolute URL, and names it.
func xmlTextURL(stack []xml.StartElement, el xml.StartElement) (string, bool) {
	if len(stack) == 0 {
		return "", false
	}
	root, parent, name := stack[0].Name.Local, stack[len(stack)-1].Name.Local, el.Name.Local
	switch root {
	case "urlset", "sitemapindex":
		return "<" + name + ">", name == "loc"
	case "feed":
		return "<" + name + ">", name == "id" || (parent == "feed" && (name == "icon" || name == "logo"))
	case "rss":
		switch {
		case name == "link" && el.Name.Space == "":
			return "<link>", true
		case name == "url" && parent == "image":
			return "<image><url>", true
		case name == "guid":
			for _, a := range el.Attr {
				if a.Name.Local == "isPermaLink" && strings.TrimSpace(a.Value) == "false" {
					return "", false
				}
			}
			return "<guid isPermaLink>", true
		}
	}
	return "", false
}

// jsonFeedAbsolute checks the URL fields of a JSON Feed (jsonfeed.org
// 1.1); other JSON files are left alone.
func jsonFeedAbsolute(data []byte) []Problem {
	var f struct {
		Version     string        `json:"version"`
		HomePageURL string        `json:"home_page_url"`
		FeedURL     string        `json:"feed_url"`
		Icon        string        `json:"icon"`
		Favicon     string        `json:"favicon"`
		Authors     []jsonAuthor  `json:"authors"`
		Items       []jsonFeedURL `json:"items"`
	}
	if json.Unmarshal(data, &f) != nil || !strings.HasPrefix(f.Version, "https://jsonfeed.org/version/") {
		return nil
	}
	var probs []Problem
	add := func(desc, val string) {
		if val != "" && !isAbsolute(val) {
			probs = append(probs, Problem{Line: 1, Msg: fmt.Sprintf("%s %q %s", desc, shorten(val), absoluteHint)})
		}
	}
	add("home_page_url", f.HomePageURL)
	add("feed_url", f.FeedURL)
	add("icon", f.Icon)
	add("favicon", f.Favicon)
	for i, a := range f.Authors {
		add(fmt.Sprintf("authors[%d].url", i), a.URL)
		add(fmt.Sprintf("authors[%d].avatar", i), a.Avatar)
	}
	for i, it := range f.Items {
		p := fmt.Sprintf("items[%d].", i)
		add(p+"url", it.URL)
		add(p+"external_url", it.ExternalURL)
		add(p+"image", it.Image)
		add(p+"banner_image", it.BannerImage)
		for j, a := range it.Authors {
			add(fmt.Sprintf("%sauthors[%d].url", p, j), a.URL)
		}
		for j, a := range it.Attachments {
			add(fmt.Sprintf("%sattachments[%d].url", p, j), a.URL)
		}
	}
	return probs
}

type jsonAuthor struct {
	URL    string `json:"url"`
	Avatar string `json:"avatar"`
}

type jsonFeedURL struct {
	URL         string       `json:"url"`
	ExternalURL string       `json:"external_url"`
	Image       string       `json:"image"`
	BannerImage string       `json:"banner_image"`
	Authors     []jsonAuthor `json:"authors"`
	Attachments []struct {
		URL string `json:"url"`
	} `json:"attachments"`
}
