package site

import (
	"sort"
	"time"
)

// maxRelated is how many related articles an article page shows.
const maxRelated = 3

// nearby is how many neighbours on each side of an article, in a group
// ordered by date, are considered for its related articles. It bounds the
// work per article however large a category or tag grows.
const nearby = 8

// Related returns up to three articles related to e: those sharing the most
// tags first, then those of the same category, then the closest in time,
// then by slug, so that the choice is the same on every build.
func (s *Site) Related(e *Entry) []*Entry {
	cand := map[*Entry]int{}
	for _, t := range e.Tags {
		if g := s.Tag(t.Slug); g != nil {
			for _, o := range g.around(e) {
				cand[o]++
			}
		}
	}
	if g := s.Category(e.Category.Slug); g != nil {
		for _, o := range g.around(e) {
			if _, ok := cand[o]; !ok {
				cand[o] = 0
			}
		}
	}
	delete(cand, e)
	list := make([]*Entry, 0, len(cand))
	for o := range cand {
		list = append(list, o)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if cand[a] != cand[b] {
			return cand[a] > cand[b]
		}
		if sa, sb := a.Category.Slug == e.Category.Slug, b.Category.Slug == e.Category.Slug; sa != sb {
			return sa
		}
		if da, db := distance(a, e), distance(b, e); da != db {
			return da < db
		}
		return a.Slug < b.Slug
	})
	if len(list) > maxRelated {
		list = list[:maxRelated]
	}
	return list
}

func distance(a, b *Entry) time.Duration {
	d := a.Date.Sub(b.Date)
	if d < 0 {
		return -d
	}
	return d
}

// around returns the group's entries nearest to e in date order.
func (g *Group) around(e *Entry) []*Entry {
	i := sort.Search(len(g.Entries), func(i int) bool { return !newer(g.Entries[i], e) })
	lo, hi := max(0, i-nearby), min(len(g.Entries), i+nearby+1)
	return g.Entries[lo:hi]
}

// Category returns the group of a category slug, or nil.
func (s *Site) Category(slug string) *Group { return find(s.Categories, slug) }

// Tag returns the group of a tag slug, or nil.
func (s *Site) Tag(slug string) *Group { return find(s.Tags, slug) }

func find(groups []*Group, slug string) *Group {
	i := sort.Search(len(groups), func(i int) bool { return groups[i].Slug >= slug })
	if i < len(groups) && groups[i].Slug == slug {
		return groups[i]
	}
	return nil
}
