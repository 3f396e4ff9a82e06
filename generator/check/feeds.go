package check

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// readXML checks that a feed or sitemap is well-formed XML with one root
// element, and collects the URLs it lists: a sitemap's loc, an RSS
// link's text, an Atom link's href.
func readXML(data []byte, from *url.URL) (links []link, probs []Problem) {
	d := xml.NewDecoder(bytes.NewReader(data))
	x := xmlLinks{from: from}
	var abs xmlAbsolute
	depth, roots := 0, 0
	for {
		line, _ := d.InputPos()
		off := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, append(probs, xmlProblem(err, line, int(d.InputOffset())))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if roots++; roots == 2 {
					probs = append(probs, Problem{Line: line, off: off, Msg: fmt.Sprintf("not well-formed XML: second root element <%s>", t.Name.Local)})
				}
			}
			depth++
			x.start(t, line, off)
			abs.start(t, line, off)
		case xml.EndElement:
			depth--
			x.end()
			abs.end()
		case xml.CharData:
			abs.chardata(t)
			if depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				probs = append(probs, Problem{Line: line, off: off, Msg: "not well-formed XML: text outside the root element"})
			}
			x.text.Write(t)
		}
	}
	if roots == 0 {
		probs = append(probs, Problem{Line: 1, Msg: "not well-formed XML: no root element"})
	}
	return x.links, append(probs, abs.probs...)
}

func xmlProblem(err error, line, off int) Problem {
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line, msg = se.Line, se.Msg
	}
	return Problem{Line: line, off: off, Msg: "not well-formed XML: " + msg}
}

// xmlLinks collects the URLs of a feed or sitemap as its elements go by.
type xmlLinks struct {
	from  *url.URL
	links []link
	// name is the element whose text is a URL, while it is open.
	name      string
	line, off int
	text      strings.Builder
	capturing bool
}

func (x *xmlLinks) start(t xml.StartElement, line, off int) {
	x.capturing = false
	if t.Name.Local != "loc" && t.Name.Local != "link" {
		return
	}
	for _, a := range t.Attr {
		if a.Name.Local == "href" && a.Name.Space == "" {
			x.links = append(x.links, link{line: line, off: off, tag: t.Name.Local, key: "href", raw: a.Value, from: x.from})
			return
		}
	}
	x.name, x.line, x.off, x.capturing = t.Name.Local, line, off, true
	x.text.Reset()
}

func (x *xmlLinks) end() {
	if !x.capturing {
		return
	}
	x.capturing = false
	raw := strings.TrimSpace(x.text.String())
	if raw != "" {
		desc := fmt.Sprintf("<%s>%s</%s>", x.name, shorten(raw), x.name)
		x.links = append(x.links, link{line: x.line, off: x.off, desc: desc, raw: raw, from: x.from})
	}
}

// readJSON checks that a file is valid JSON and, when it is a JSON Feed,
// collects the URLs of the feed, its home page and its items.
func readJSON(data []byte, from *url.URL) (links []link, probs []Problem) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		line, off := 1, 0
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset)
			line += bytes.Count(data[:min(off, len(data))], []byte{'\n'})
		}
		return nil, []Problem{{Line: line, off: off, Msg: "not valid JSON: " + err.Error()}}
	}
	feed, _ := v.(map[string]any)
	if version, _ := feed["version"].(string); !strings.HasPrefix(version, "https://jsonfeed.org/version/") {
		return nil, nil
	}
	add := func(desc string, v any) {
		if s, ok := v.(string); ok && s != "" {
			links = append(links, link{desc: fmt.Sprintf("%s %q", desc, shorten(s)), raw: s, from: from})
		}
	}
	add("home_page_url", feed["home_page_url"])
	add("feed_url", feed["feed_url"])
	items, _ := feed["items"].([]any)
	for i, it := range items {
		item, _ := it.(map[string]any)
		add(fmt.Sprintf("items[%d].url", i), item["url"])
	}
	return links, nil
}
