package feed

import (
	"encoding/xml"
	"time"
)

// atomFeed is an Atom 1.0 document (RFC 4287).
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr,omitempty"`
	Title     atomText    `xml:"title"`
	Subtitle  *atomText   `xml:"subtitle,omitempty"`
	ID        string      `xml:"id"`
	Links     []atomLink  `xml:"link"`
	Updated   string      `xml:"updated"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// atomHTML is HTML content, written as CDATA so that it stays readable.
type atomHTML struct {
	Type string `xml:"type,attr"`
	HTML string `xml:",cdata"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	Title      atomText       `xml:"title"`
	Links      []atomLink     `xml:"link"`
	ID         string         `xml:"id"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Content    *atomHTML      `xml:"content,omitempty"`
}

// atom writes the channel as an Atom feed. Ids are the articles' absolute
// URLs, which never change once published.
func (ch *channel) atom() []byte {
	f := atomFeed{
		Lang:  ch.cfg.Language,
		Title: atomText{Type: "text", Text: ch.title},
		ID:    ch.home(),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: ch.url(AtomName)},
			{Rel: "alternate", Type: "text/html", Href: ch.home()},
		},
		Updated:   stamp(ch.updated),
		Author:    atomPerson{Name: ch.cfg.Publisher.Name, URI: ch.cfg.Publisher.URL},
		Generator: "newsgen",
	}
	if ch.description != "" {
		f.Subtitle = &atomText{Type: "text", Text: ch.description}
	}
	for _, it := range ch.items {
		f.Entries = append(f.Entries, ch.atomEntry(it))
	}
	return marshalXML(f)
}

func (ch *channel) atomEntry(it item) atomEntry {
	u := ch.cfg.AbsURL(it.Path())
	e := atomEntry{
		Title:     atomText{Type: "text", Text: it.Title},
		Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: u}},
		ID:        u,
		Published: stamp(it.Date),
		Updated:   stamp(it.Modified()),
	}
	for _, a := range it.Authors {
		e.Authors = append(e.Authors, atomPerson{Name: a.Name, URI: ch.cfg.AbsURL(authorBase(a.Slug))})
	}
	for _, t := range terms(it.Entry) {
		e.Categories = append(e.Categories, atomCategory{Term: t})
	}
	if it.Summary != "" {
		e.Summary = &atomText{Type: "text", Text: it.Summary}
	}
	if it.html != "" {
		e.Content = &atomHTML{Type: "html", HTML: it.html}
	}
	return e
}

// stamp writes a time as RFC 3339, the form Atom and JSON Feed use.
func stamp(t time.Time) string {
	return t.Format(time.RFC3339)
}

// marshalXML writes a document with its declaration. The structs here
// hold only strings, which always marshal.
func marshalXML(v any) []byte {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		panic("feed: " + err.Error())
	}
	return append(append([]byte(xml.Header), out...), '\n')
}
