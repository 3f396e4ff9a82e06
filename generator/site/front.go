package site

import (
	"slices"
	"strings"
)

// The front page's shape: one lead story, a second tier under it, then a
// block per top section with its latest few.
const (
	tierSize     = 4
	sectionBlock = 3
	// TopSections is how many sections the navigation and the front page
	// show when the configuration names none.
	TopSections = 6
)

// Front is the front page's hierarchy, worked out from the archive alone:
// no editor has to pick anything, and an editor who wants to can pin a
// story with `featured: true`.
type Front struct {
	// Lead is the top story: the newest featured article, else the newest.
	Lead *Entry
	// Tier are the next stories: other featured articles first, then the
	// newest.
	Tier []*Entry
	// Sections are the top sections, each with its latest articles that
	// are not already above.
	Sections []*SectionBlock
	// Latest are the rest of the front page's list, newest first.
	Latest []*Entry
}

// SectionBlock is one section's block on the front page.
type SectionBlock struct {
	Term
	// Count is the section's number of articles.
	Count   int
	Entries []*Entry
}

// Front arranges the front page's list (newest first, as the pager cut
// it) into a hierarchy. Every entry of the list appears once on the page;
// featured articles and the section blocks may come from further back.
func (s *Site) Front(list []*Entry) *Front {
	f := &Front{}
	if len(list) == 0 {
		return f
	}
	shown := map[*Entry]bool{}
	top := s.featured(1 + tierSize)
	for _, e := range list {
		if len(top) == 1+tierSize {
			break
		}
		if !slices.Contains(top, e) {
			top = append(top, e)
		}
	}
	f.Lead, f.Tier = top[0], top[1:]
	for _, e := range top {
		shown[e] = true
	}
	for _, g := range s.TopSections() {
		b := &SectionBlock{Term: g.Term, Count: len(g.Entries)}
		for _, e := range g.Entries {
			if len(b.Entries) == sectionBlock {
				break
			}
			if !shown[e] {
				b.Entries = append(b.Entries, e)
				shown[e] = true
			}
		}
		if len(b.Entries) > 0 {
			f.Sections = append(f.Sections, b)
		}
	}
	for _, e := range list {
		if !shown[e] {
			f.Latest = append(f.Latest, e)
		}
	}
	return f
}

// featured returns up to n featured entries, newest first.
func (s *Site) featured(n int) []*Entry {
	var out []*Entry
	for _, e := range s.Entries {
		if len(out) == n {
			break
		}
		if e.Featured {
			out = append(out, e)
		}
	}
	return out
}

// TopSections are the sections the masthead and the front page show: those
// the configuration's [menu] names, in its order, else the sections with
// the most articles (ties by slug), in the order of their slugs: a new
// article then changes every page's masthead only when it brings a
// section into the top few, not whenever one overtakes another.
func (s *Site) TopSections() []*Group { return s.top }

// topSections works out TopSections once, when the site is made.
func (s *Site) topSections() []*Group {
	var top []*Group
	if names := s.Config.Menu.Sections; len(names) > 0 {
		for _, name := range names {
			if g := s.Category(Slugify(name)); g != nil && !slices.Contains(top, g) {
				top = append(top, g)
			}
		}
		return top
	}
	n := s.Config.Menu.Count
	if n <= 0 {
		n = TopSections
	}
	byCount := slices.Clone(s.Categories)
	slices.SortStableFunc(byCount, func(a, b *Group) int { return len(b.Entries) - len(a.Entries) })
	top = byCount[:min(n, len(byCount))]
	slices.SortFunc(top, func(a, b *Group) int { return strings.Compare(a.Slug, b.Slug) })
	return top
}

// MissingMenuSections are the names in the configuration's [menu] that
// match no section of the archive.
func (s *Site) MissingMenuSections() []string {
	var out []string
	for _, name := range s.Config.Menu.Sections {
		if s.Category(Slugify(name)) == nil {
			out = append(out, name)
		}
	}
	return out
}

// Newest is the archive's newest entry, or nil.
func (s *Site) Newest() *Entry {
	if len(s.Entries) == 0 {
		return nil
	}
	return s.Entries[0]
}
