package site

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"newsgen/generator/config"
)

// sectioned makes n entries, a day apart, newest last, spread over the
// given sections in turn.
func sectioned(n int, sections ...string) []*Entry {
	es := entries(n)
	for i, e := range es {
		e.Date = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		if len(sections) > 0 {
			e.Category = NewTerm(sections[i%len(sections)])
		}
	}
	return es
}

func TestFrontPageShowsEveryListedArticleOnce(t *testing.T) {
	for _, n := range []int{1, 2, 5, 12, 40} {
		for _, secs := range [][]string{nil, {"War"}, {"War", "Sport", "Health", "Politics", "Climate", "World", "Opinion", "Culture"}} {
			s := New(config.Default(), sectioned(n, secs...), Options{})
			list := s.Entries[:min(len(s.Entries), 20)]
			f := s.Front(list)
			if f.Lead != s.Entries[0] {
				t.Errorf("n=%d %v: lead is %v, want the newest", n, secs, f.Lead.Slug)
			}
			seen := map[*Entry]int{f.Lead: 1}
			for _, e := range f.Tier {
				seen[e]++
			}
			for _, b := range f.Sections {
				if len(b.Entries) == 0 || len(b.Entries) > sectionBlock {
					t.Errorf("n=%d: block %s holds %d", n, b.Name, len(b.Entries))
				}
				for _, e := range b.Entries {
					if e.Category.Slug != b.Slug {
						t.Errorf("block %s shows %s of %s", b.Name, e.Slug, e.Category.Name)
					}
					seen[e]++
				}
			}
			for _, e := range f.Latest {
				seen[e]++
			}
			for e, c := range seen {
				if c != 1 {
					t.Errorf("n=%d %v: %s shown %d times", n, secs, e.Slug, c)
				}
			}
			for _, e := range list {
				if seen[e] != 1 {
					t.Errorf("n=%d %v: listed %s not on the front page", n, secs, e.Slug)
				}
			}
			if !slices.IsSortedFunc(f.Latest, func(a, b *Entry) int { return b.Date.Compare(a.Date) }) {
				t.Errorf("n=%d: latest not newest first", n)
			}
		}
	}
}

func TestFeaturedArticlesLeadTheFrontPage(t *testing.T) {
	es := sectioned(30, "War", "Sport")
	es[3].Featured, es[10].Featured = true, true // old ones, off the list
	s := New(config.Default(), es, Options{})
	f := s.Front(s.Entries[:5])
	if f.Lead != es[10] || len(f.Tier) == 0 || f.Tier[0] != es[3] {
		t.Fatalf("lead %s, tier %v: want the newest featured, then the other", f.Lead.Slug, f.Tier)
	}
	if f.Tier[1] != s.Entries[0] {
		t.Errorf("after the featured, the tier takes the newest; got %s", f.Tier[1].Slug)
	}
}

func TestTopSectionsByCountOrByMenu(t *testing.T) {
	var es []*Entry
	counts := map[string]int{"Alpha": 1, "Bravo": 5, "Charlie": 3, "Delta": 7, "Echo": 2, "Foxtrot": 4, "Golf": 6, "Hotel": 8}
	i := 0
	for name, c := range counts {
		for k := 0; k < c; k++ {
			es = append(es, &Entry{Slug: fmt.Sprintf("e%03d", i), Category: NewTerm(name), Date: time.Date(2024, 1, 1+i, 0, 0, 0, 0, time.UTC)})
			i++
		}
	}
	names := func(gs []*Group) (out []string) {
		for _, g := range gs {
			out = append(out, g.Name)
		}
		return out
	}
	s := New(config.Default(), es, Options{})
	if got, want := names(s.TopSections()), []string{"Bravo", "Charlie", "Delta", "Foxtrot", "Golf", "Hotel"}; !slices.Equal(got, want) {
		t.Errorf("top sections %v, want the six largest by slug %v", got, want)
	}
	cfg := config.Default()
	cfg.Menu.Count = 2
	if got := names(New(cfg, es, Options{}).TopSections()); !slices.Equal(got, []string{"Delta", "Hotel"}) {
		t.Errorf("count 2: %v", got)
	}
	cfg = config.Default()
	cfg.Menu.Sections = []string{"echo", "Alpha", "Nowhere", "Echo"}
	s = New(cfg, es, Options{})
	if got := names(s.TopSections()); !slices.Equal(got, []string{"Echo", "Alpha"}) {
		t.Errorf("menu: %v, want Echo, Alpha", got)
	}
	if got := s.MissingMenuSections(); !slices.Equal(got, []string{"Nowhere"}) {
		t.Errorf("missing: %v", got)
	}
}

func TestByDaySplitsWhereTheDayChanges(t *testing.T) {
	loc := time.FixedZone("X", -5*3600)
	at := func(d, h int) *Entry { return &Entry{Date: time.Date(2026, 3, d, h, 0, 0, 0, loc)} }
	es := []*Entry{at(5, 23), at(5, 1), at(4, 12), at(2, 0), at(2, 0)}
	days := ByDay(es)
	var sizes []int
	for _, d := range days {
		sizes = append(sizes, len(d.Entries))
	}
	if !slices.Equal(sizes, []int{2, 1, 2}) {
		t.Errorf("day sizes %v, want [2 1 2]", sizes)
	}
	if len(ByDay(nil)) != 0 {
		t.Error("no entries, some days")
	}
}
