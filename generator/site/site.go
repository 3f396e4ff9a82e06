package site

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"

	"newsgen/generator/config"
)

// Site is the archive: every published entry, newest first, and the groups
// that list pages are made of.
type Site struct {
	Config *config.Config
	// Entries are the published articles, newest first.
	Entries    []*Entry
	Categories []*Group
	Tags       []*Group
	// Authors are the people named in bylines, by slug.
	Authors []*Group
	Years   []*Year
	// BuildTime is when the build happens: articles dated after it wait.
	BuildTime time.Time
	// top are the sections of the masthead and the front page.
	top []*Group
}

// Group is a category's, tag's or author's articles, newest first.
type Group struct {
	Term
	Entries []*Entry
}

// Options says which entries a build publishes.
type Options struct {
	BuildTime time.Time
	// Drafts publishes articles marked draft.
	Drafts bool
	// Future publishes articles dated after the build time.
	Future bool
}

// New orders the entries into an archive. Drafts and articles dated after
// the build time are left out unless the options ask for them. The order
// is total (date, then slug), so that the same articles always make the
// same site.
func New(cfg *config.Config, entries []*Entry, opts Options) *Site {
	s := &Site{Config: cfg, BuildTime: opts.BuildTime}
	for _, e := range entries {
		if e.Draft && !opts.Drafts {
			continue
		}
		if !opts.Future && !opts.BuildTime.IsZero() && e.Date.After(opts.BuildTime) {
			continue
		}
		s.Entries = append(s.Entries, e)
	}
	sortNewestFirst(s.Entries)
	for i, e := range s.Entries {
		e.Index = i
	}
	s.Categories = groupBy(s.Entries, func(e *Entry) []Term {
		if e.Category.Slug == "" {
			return nil
		}
		return []Term{e.Category}
	})
	s.Tags = groupBy(s.Entries, func(e *Entry) []Term { return e.Tags })
	s.Authors = groupBy(s.Entries, func(e *Entry) []Term { return e.Authors })
	s.Years = byYear(s.Entries)
	s.top = s.topSections()
	return s
}

// sortNewestFirst orders entries by date, newest first, then by slug. It
// compares precomputed Unix times: an archive of many articles is sorted
// on every build.
func sortNewestFirst(entries []*Entry) {
	type item struct {
		t int64
		e *Entry
	}
	items := make([]item, len(entries))
	for i, e := range entries {
		items[i] = item{e.Date.UnixNano(), e}
	}
	slices.SortFunc(items, func(a, b item) int {
		if a.t != b.t {
			return cmp.Compare(b.t, a.t)
		}
		return strings.Compare(a.e.Slug, b.e.Slug)
	})
	for i, it := range items {
		entries[i] = it.e
	}
}

func newer(a, b *Entry) bool {
	if !a.Date.Equal(b.Date) {
		return a.Date.After(b.Date)
	}
	return a.Slug < b.Slug
}

// groupBy collects entries under each of their terms, keeping newest
// first, and orders the groups by slug. Two spellings of one slug share a
// group under the first spelling seen.
func groupBy(entries []*Entry, terms func(*Entry) []Term) []*Group {
	bySlug := map[string]*Group{}
	var groups []*Group
	for _, e := range entries {
		for _, t := range terms(e) {
			g := bySlug[t.Slug]
			if g == nil {
				g = &Group{Term: t}
				bySlug[t.Slug] = g
				groups = append(groups, g)
			}
			if n := len(g.Entries); n == 0 || g.Entries[n-1] != e {
				g.Entries = append(g.Entries, e)
			}
		}
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].Slug < groups[j].Slug })
	return groups
}

// Prev is the next older entry, or nil.
func (s *Site) Prev(e *Entry) *Entry {
	if e.Index+1 < len(s.Entries) {
		return s.Entries[e.Index+1]
	}
	return nil
}

// Next is the next newer entry, or nil.
func (s *Site) Next(e *Entry) *Entry {
	if e.Index > 0 {
		return s.Entries[e.Index-1]
	}
	return nil
}
