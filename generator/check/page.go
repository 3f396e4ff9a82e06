package check

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// page is what one read of an HTML page finds: its anchors, its links,
// and what is wrong with its markup.
type page struct {
	// anchors holds the element ids and a names a fragment can name.
	anchors map[string]bool
	links   []link
	// probs have Line, off and Msg set; File is filled in later.
	probs []Problem

	ids      map[string]int
	nest     nesting
	doctype  bool
	html     bool
	title    bool
	inTitle  bool
	titleTxt strings.Builder
	from     *url.URL
	// abs checks the URLs that must be absolute.
	abs htmlAbsolute
}

// linkAttrs names the attribute that holds a URL in each element.
var linkAttrs = map[string]string{
	"a": "href", "area": "href", "link": "href",
	"img": "src", "script": "src", "source": "src", "iframe": "src",
	"audio": "src", "video": "src", "track": "src", "embed": "src",
}

// metaURLs are the meta properties whose content is a URL of the site.
var metaURLs = map[string]bool{"og:url": true, "og:image": true, "twitter:image": true}

// readPage reads an HTML page with URL from. Only the tokenizer is used,
// one token at a time: html.Parse repairs every error silently, and the
// errors are what we want to see.
func readPage(data []byte, from *url.URL) *page {
	p := &page{anchors: map[string]bool{}, ids: map[string]int{}, from: from}
	p.nest.report = p.problem
	z := html.NewTokenizer(bytes.NewReader(data))
	line, off := 1, 0
	for {
		tt := z.Next()
		raw := z.Raw()
		at, atOff := line, off
		line += bytes.Count(raw, []byte{'\n'})
		off += len(raw)
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				p.problem(at, atOff, fmt.Sprintf("reading HTML: %v", z.Err()))
			}
			break
		}
		p.token(tt, z.Token(), at, atOff)
	}
	p.finish(line, off)
	p.probs = append(p.probs, p.abs.probs...)
	return p
}

func (p *page) problem(line, off int, msg string) {
	p.probs = append(p.probs, Problem{Line: line, off: off, Msg: msg})
}

func (p *page) token(tt html.TokenType, tok html.Token, line, off int) {
	switch tt {
	case html.DoctypeToken:
		p.doctypeToken(tok, line, off)
	case html.StartTagToken, html.SelfClosingTagToken:
		p.needDoctype(line, off)
		p.startTag(tok, tt == html.SelfClosingTagToken, line, off)
	case html.EndTagToken:
		p.needDoctype(line, off)
		p.endTag(tok, line, off)
		p.abs.end()
	case html.TextToken:
		p.abs.text(tok.Data)
		if p.inTitle {
			p.titleTxt.WriteString(tok.Data)
		} else if strings.TrimSpace(tok.Data) != "" {
			p.needDoctype(line, off)
		}
	}
}

func (p *page) doctypeToken(tok html.Token, line, off int) {
	switch {
	case p.doctype:
		p.problem(line, off, "stray doctype")
	case !strings.EqualFold(tok.Data, "html"):
		p.problem(line, off, fmt.Sprintf("doctype %q is not <!doctype html>", tok.Data))
	}
	p.doctype = true
}

// needDoctype reports a page whose first tag or text comes before any
// doctype, which puts browsers in quirks mode.
func (p *page) needDoctype(line, off int) {
	if !p.doctype {
		p.problem(line, off, "missing <!doctype html>")
		p.doctype = true
	}
}

func (p *page) startTag(tok html.Token, selfClosing bool, line, off int) {
	p.attrs(tok, line, off)
	p.nest.start(tok.Data, selfClosing, line, off)
	switch tok.Data {
	case "html":
		p.htmlTag(tok, line, off)
	case "title":
		p.inTitle = !selfClosing
		p.title = true
		p.titleTxt.Reset()
	case "base":
		p.baseTag(tok)
	}
	p.collectLinks(tok, line, off)
	p.abs.start(tok, line, off)
}

func (p *page) endTag(tok html.Token, line, off int) {
	if tok.Data == "title" && p.inTitle {
		p.inTitle = false
		if strings.TrimSpace(p.titleTxt.String()) == "" {
			p.problem(line, off, "empty <title>")
		}
	}
	p.nest.end(tok.Data, line, off)
}

func (p *page) htmlTag(tok html.Token, line, off int) {
	p.html = true
	if lang, ok := attr(tok, "lang"); !ok || strings.TrimSpace(lang) == "" {
		p.problem(line, off, "<html> has no lang attribute")
	}
}

// baseTag makes a base element's href the URL later links resolve
// against.
func (p *page) baseTag(tok html.Token) {
	if href, ok := attr(tok, "href"); ok {
		if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
			p.from = p.from.ResolveReference(u)
		}
	}
}

func (p *page) finish(line, off int) {
	if !p.doctype {
		p.problem(line, off, "missing <!doctype html>")
	}
	if !p.html {
		p.problem(line, off, "missing <html lang>")
	}
	if !p.title {
		p.problem(line, off, "missing <title>")
	}
	p.nest.eof(line, off)
}

// attrs records ids and a names.
func (p *page) attrs(tok html.Token, line, off int) {
	for _, a := range tok.Attr {
		switch {
		case a.Key == "id":
			p.id(a.Val, line, off)
		case a.Key == "name" && tok.Data == "a" && a.Val != "":
			p.anchors[a.Val] = true
		}
	}
}

func (p *page) id(id string, line, off int) {
	switch {
	case id == "":
		p.problem(line, off, "empty id")
		return
	case strings.ContainsAny(id, " \t\n\f\r"):
		p.problem(line, off, fmt.Sprintf("id %q contains white space", id))
	}
	if first, dup := p.ids[id]; dup {
		p.problem(line, off, fmt.Sprintf("duplicate id %q (first on line %d)", id, first))
		return
	}
	p.ids[id] = line
	p.anchors[id] = true
}

func (p *page) collectLinks(tok html.Token, line, off int) {
	add := func(key, raw string) {
		p.links = append(p.links, link{line: line, off: off, tag: tok.Data, key: key, raw: raw, from: p.from})
	}
	if key, ok := linkAttrs[tok.Data]; ok {
		if v, ok := attr(tok, key); ok {
			add(key, v)
		}
	}
	if tok.Data == "img" || tok.Data == "source" {
		if v, ok := attr(tok, "srcset"); ok {
			for _, u := range srcsetURLs(v) {
				add("srcset", u)
			}
		}
	}
	if tok.Data == "video" {
		if v, ok := attr(tok, "poster"); ok {
			add("poster", v)
		}
	}
	if tok.Data == "meta" {
		p.metaLink(tok, add)
	}
}

// metaLink collects the URL of a meta refresh and of the Open Graph
// properties that name a page or image of the site.
func (p *page) metaLink(tok html.Token, add func(key, raw string)) {
	content, ok := attr(tok, "content")
	if !ok {
		return
	}
	if eq, _ := attr(tok, "http-equiv"); strings.EqualFold(eq, "refresh") {
		if u := refreshURL(content); u != "" {
			add("content", u)
		}
	}
	prop, _ := attr(tok, "property")
	name, _ := attr(tok, "name")
	if metaURLs[prop] || metaURLs[name] {
		add("content", content)
	}
}

func attr(tok html.Token, key string) (string, bool) {
	for _, a := range tok.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}
