package feed

import (
	"time"

	"newsgen/generator/config"
	"newsgen/generator/site"
)

// channel is one feed, whatever its format: the page it follows and its
// newest articles.
type channel struct {
	cfg         *config.Config
	title       string
	description string
	// base is the site path of the page the feed follows, such as "" for
	// home or "category/war/"; the feed files live in that folder.
	base    string
	items   []item
	updated time.Time
}

// item is one article in a feed, with its HTML body when the feed carries
// full content.
type item struct {
	*site.Entry
	html string
}

// channels lists the site's feed, each category's and each author's, in
// slug order.
func channels(s *site.Site) []*channel {
	chs := []*channel{newChannel(s, "", s.Config.Title, s.Config.Description, s.Entries)}
	for _, g := range s.Categories {
		desc := "The latest " + g.Name + " articles from " + s.Config.Title + "."
		chs = append(chs, newChannel(s, categoryBase(g.Slug), s.Config.Title+": "+g.Name, desc, g.Entries))
	}
	for _, g := range s.Authors {
		desc := "The latest articles by " + g.Name + " in " + s.Config.Title + "."
		chs = append(chs, newChannel(s, authorBase(g.Slug), s.Config.Title+": "+g.Name, desc, g.Entries))
	}
	return chs
}

func categoryBase(slug string) string {
	return "category/" + slug + "/"
}

// authorBase is the folder of an author's page and feeds.
func authorBase(slug string) string {
	return "author/" + slug + "/"
}

func newChannel(s *site.Site, base, title, desc string, entries []*site.Entry) *channel {
	ch := &channel{cfg: s.Config, title: title, description: desc, base: base, updated: s.BuildTime}
	entries = entries[:min(len(entries), limit(s.Config))]
	for i, e := range entries {
		ch.items = append(ch.items, item{Entry: e})
		if m := e.Modified(); i == 0 || m.After(ch.updated) {
			ch.updated = m
		}
	}
	return ch
}

func limit(cfg *config.Config) int {
	if cfg.Feeds.Limit > 0 {
		return cfg.Feeds.Limit
	}
	return DefaultLimit
}

// fill gives each item its HTML body when the feed carries full content:
// the site's feed does unless Feeds.Summary is set, the feeds of
// sections and authors only when Feeds.SectionContent is.
func (ch *channel) fill(b *bodies) {
	if ch.base != "" && !ch.cfg.Feeds.SectionContent {
		return
	}
	for i := range ch.items {
		ch.items[i].html = b.get(ch.items[i].Entry)
	}
}

// url is the absolute URL of a file in the channel's folder.
func (ch *channel) url(name string) string {
	return ch.cfg.AbsURL(ch.base + name)
}

// home is the absolute URL of the page the channel follows.
func (ch *channel) home() string {
	return ch.cfg.AbsURL(ch.base)
}

// terms are an article's category and tags, category first, each name
// once.
func terms(e *site.Entry) []string {
	var names []string
	seen := map[string]bool{}
	add := func(t site.Term) {
		if t.Name != "" && !seen[t.Name] {
			seen[t.Name] = true
			names = append(names, t.Name)
		}
	}
	add(e.Category)
	for _, t := range e.Tags {
		add(t)
	}
	return names
}
