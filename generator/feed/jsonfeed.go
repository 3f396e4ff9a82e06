package feed

import (
	"bytes"
	"encoding/json"
)

// JSONFeedVersion is the JSON Feed version the feeds follow.
const JSONFeedVersion = "https://jsonfeed.org/version/1.1"

type jsonFeed struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url"`
	FeedURL     string       `json:"feed_url"`
	Description string       `json:"description,omitempty"`
	Language    string       `json:"language,omitempty"`
	Authors     []jsonAuthor `json:"authors,omitempty"`
	Items       []jsonItem   `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// jsonItem is one article. JSON Feed wants content_html or content_text:
// a summary-only item carries its summary as content_text.
type jsonItem struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	ContentHTML   string   `json:"content_html,omitempty"`
	ContentText   *string  `json:"content_text,omitempty"`
	Summary       string   `json:"summary,omitempty"`
	DatePublished string   `json:"date_published"`
	DateModified  string   `json:"date_modified"`
	Tags          []string `json:"tags,omitempty"`
	// Authors are the byline's; an item without them has the feed's.
	Authors []jsonAuthor `json:"authors,omitempty"`
}

// jsonFeed writes the channel as a JSON Feed 1.1 document.
func (ch *channel) jsonFeed() []byte {
	f := jsonFeed{
		Version:     JSONFeedVersion,
		Title:       ch.title,
		HomePageURL: ch.home(),
		FeedURL:     ch.url(JSONName),
		Description: ch.description,
		Language:    ch.cfg.Language,
		Items:       []jsonItem{},
	}
	if p := ch.cfg.Publisher; p.Name != "" {
		f.Authors = []jsonAuthor{{Name: p.Name, URL: p.URL}}
	}
	for _, it := range ch.items {
		f.Items = append(f.Items, ch.jsonItem(it))
	}
	return marshalJSON(f)
}

func (ch *channel) jsonItem(it item) jsonItem {
	u := ch.cfg.AbsURL(it.Path())
	j := jsonItem{
		ID:            u,
		URL:           u,
		Title:         it.Title,
		ContentHTML:   it.html,
		Summary:       it.Summary,
		DatePublished: stamp(it.Date),
		DateModified:  stamp(it.Modified()),
		Tags:          terms(it.Entry),
	}
	for _, a := range it.Authors {
		j.Authors = append(j.Authors, jsonAuthor{Name: a.Name, URL: ch.cfg.AbsURL(authorBase(a.Slug))})
	}
	if it.html == "" {
		j.ContentText = &it.Summary
	}
	return j
}

// marshalJSON writes a document without escaping <, > and &, which JSON
// does not need and which would make HTML content unreadable.
func marshalJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic("feed: " + err.Error())
	}
	return buf.Bytes()
}
