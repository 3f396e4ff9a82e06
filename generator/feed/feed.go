// Package feed writes the archive's syndication feeds: Atom 1.0, RSS 2.0
// and JSON Feed 1.1, for the whole site at its root and for each category
// under category/SLUG/. Each feed holds the newest Config.Feeds.Limit
// articles.
//
// Feeds are a pure function of the archive model: the same site gives the
// same bytes. Nothing reads the clock; a feed's update time is the latest
// change among its articles, or the build time when it has none. The model
// keeps no article text, so a full-content feed takes each article's HTML
// from the Options.Content callback; the build renders only the few
// articles that feeds hold.
package feed

import (
	"errors"

	"newsgen/generator/site"
)

// File names a feed's bytes by their site path, such as "atom.xml" or
// "category/war/feed.json".
type File struct {
	Name string
	Data []byte
}

// Options tunes a feed build.
type Options struct {
	// Content returns an article's body as HTML for full-content feeds.
	// Feeds hold summaries when it is nil or when Config.Feeds.Summary is
	// set. Its errors are returned as they are, so they should name the
	// article's file.
	Content func(e *site.Entry) (string, error)
	// Only, when set, chooses the feed folders to build by their base
	// (see Folders); a build that knows which feeds changed makes just
	// those.
	Only func(base string) bool
}

// Folder is one feed folder: the page it follows and the articles its
// feeds hold, newest first.
type Folder struct {
	Base    string
	Entries []*site.Entry
}

// Folders lists the site's feed folders in the order Build writes them.
func Folders(s *site.Site) []Folder {
	var out []Folder
	for _, ch := range channels(s) {
		f := Folder{Base: ch.base}
		for _, it := range ch.items {
			f.Entries = append(f.Entries, it.Entry)
		}
		out = append(out, f)
	}
	return out
}

// DefaultLimit is how many articles a feed holds when the configuration
// does not say.
const DefaultLimit = 50

// Feed file names, in each feed folder.
const (
	AtomName = "atom.xml"
	RSSName  = "rss.xml"
	JSONName = "feed.json"
)

// Build returns the site's feeds and every category's, in a fixed order.
// An article whose content fails is given its summary instead, and its
// error joins the returned one, so that one bad article costs one feed
// entry and not the feeds.
func Build(s *site.Site, opts Options) ([]File, error) {
	bodies := newBodies(s, opts)
	var files []File
	for _, ch := range channels(s) {
		if opts.Only != nil && !opts.Only(ch.base) {
			continue
		}
		ch.fill(bodies)
		files = append(files, ch.files()...)
	}
	return files, errors.Join(bodies.errs...)
}

// files writes one channel in every format.
func (ch *channel) files() []File {
	return []File{
		{Name: ch.base + AtomName, Data: ch.atom()},
		{Name: ch.base + RSSName, Data: ch.rss()},
		{Name: ch.base + JSONName, Data: ch.jsonFeed()},
	}
}
