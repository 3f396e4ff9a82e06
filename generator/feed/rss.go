package feed

import (
	"encoding/xml"
	"html"
	"time"
)

// rssFeed is an RSS 2.0 document. encoding/xml writes the prefixed names
// as they are, so the namespaces are declared by hand on the root.
type rssFeed struct {
	XMLName   xml.Name   `xml:"rss"`
	Version   string     `xml:"version,attr"`
	AtomNS    string     `xml:"xmlns:atom,attr"`
	ContentNS string     `xml:"xmlns:content,attr"`
	DCNS      string     `xml:"xmlns:dc,attr"`
	Channel   rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	Copyright     string    `xml:"copyright,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate"`
	Generator     string    `xml:"generator"`
	Self          rssSelf   `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	ID          string `xml:",chardata"`
}

type rssContent struct {
	HTML string `xml:",cdata"`
}

type rssItem struct {
	Title       string      `xml:"title"`
	Link        string      `xml:"link"`
	GUID        rssGUID     `xml:"guid"`
	PubDate     string      `xml:"pubDate"`
	Creators    []string    `xml:"dc:creator"`
	Description string      `xml:"description,omitempty"`
	Categories  []string    `xml:"category"`
	Content     *rssContent `xml:"content:encoded,omitempty"`
}

// rss writes the channel as an RSS 2.0 feed: the summary in description,
// the full article, when there is one, in content:encoded.
func (ch *channel) rss() []byte {
	c := rssChannel{
		Title:         ch.title,
		Link:          ch.home(),
		Description:   ch.description,
		Language:      ch.cfg.Language,
		LastBuildDate: ch.updated.Format(time.RFC1123Z),
		Generator:     "newsgen",
		Self:          rssSelf{Href: ch.url(RSSName), Rel: "self", Type: "application/rss+xml"},
	}
	if c.Description == "" {
		c.Description = ch.title
	}
	if p := ch.cfg.Publisher.Name; p != "" {
		c.Copyright = "© " + p
	}
	for _, it := range ch.items {
		c.Items = append(c.Items, ch.rssItem(it))
	}
	return marshalXML(rssFeed{
		Version:   "2.0",
		AtomNS:    "http://www.w3.org/2005/Atom",
		ContentNS: "http://purl.org/rss/1.0/modules/content/",
		DCNS:      "http://purl.org/dc/elements/1.1/",
		Channel:   c,
	})
}

func (ch *channel) rssItem(it item) rssItem {
	u := ch.cfg.AbsURL(it.Path())
	r := rssItem{
		Title:      it.Title,
		Link:       u,
		GUID:       rssGUID{IsPermaLink: true, ID: u},
		PubDate:    it.Date.Format(time.RFC1123Z),
		Categories: terms(it.Entry),
		// Readers take description as HTML; the summary is plain text.
		Description: html.EscapeString(it.Summary),
	}
	for _, a := range it.Authors {
		r.Creators = append(r.Creators, a.Name)
	}
	if it.html != "" {
		r.Content = &rssContent{HTML: it.html}
	}
	return r
}
