package check

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
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

// absoluteProblems checks the places in one file of the site that must
// hold absolute URLs, by the kind of file.
func absoluteProblems(name string, data []byte) []Problem {
	switch {
	case name == robotsFile:
		return robotsAbsolute(data)
	case isHTML(name):
		return pageAbsolute(data)
	case path.Ext(name) == ".xml":
		return xmlAbsolute(data)
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

// pageAbsolute checks a page's canonical link, its Open Graph and Twitter
// URLs and the URLs of its JSON-LD.
func pageAbsolute(data []byte) []Problem {
	var probs []Problem
	z := html.NewTokenizer(bytes.NewReader(data))
	line, off := 1, 0
	ldLine, inLD := 0, false
	var ld strings.Builder
	for {
		tt := z.Next()
		raw := z.Raw()
		at, atOff := line, off
		line += bytes.Count(raw, []byte{'\n'})
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			return probs
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if desc, val, ok := headURL(tok); ok && !isAbsolute(val) {
				probs = append(probs, Problem{Line: at, off: atOff, Msg: fmt.Sprintf("%s %q %s", desc, shorten(val), absoluteHint)})
			}
			if t, _ := attr(tok, "type"); tok.Data == "script" && strings.EqualFold(strings.TrimSpace(t), "application/ld+json") {
				inLD, ldLine = true, at
				ld.Reset()
			}
		case html.TextToken:
			if inLD {
				ld.Write(z.Text())
			}
		case html.EndTagToken:
			if inLD {
				inLD = false
				probs = append(probs, jsonLDAbsolute(ld.String(), ldLine)...)
			}
		}
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
// enclosures, and the atom:link of either.
func xmlAbsolute(data []byte) []Problem {
	d := xml.NewDecoder(bytes.NewReader(data))
	var probs []Problem
	var stack []xml.StartElement
	var text strings.Builder
	add := func(line, off int, desc, val string) {
		if val = strings.TrimSpace(val); !isAbsolute(val) {
			probs = append(probs, Problem{Line: line, off: off, Msg: fmt.Sprintf("%s %q %s", desc, shorten(val), absoluteHint)})
		}
	}
	type open struct{ line, off int }
	var starts []open
	for {
		line, _ := d.InputPos()
		off := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF || err != nil {
			return probs // a file that does not parse is reported by readXML
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t)
			starts = append(starts, open{line, off})
			text.Reset()
			root := stack[0].Name.Local
			for _, a := range t.Attr {
				if (a.Name.Local == "href" && t.Name.Local == "link") || (a.Name.Local == "url" && t.Name.Local == "enclosure" && root == "rss") {
					add(line, off, fmt.Sprintf("<%s %s>", t.Name.Local, a.Name.Local), a.Value)
				}
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			el, at := stack[len(stack)-1], starts[len(starts)-1]
			stack, starts = stack[:len(stack)-1], starts[:len(starts)-1]
			if desc, ok := xmlTextURL(stack, el); ok {
				add(at.line, at.off, desc, text.String())
			}
			text.Reset()
		}
	}
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
