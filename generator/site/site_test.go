package site

import (
	"fmt"
	"testing"
	"time"

	"newsgen/generator/config"
)

func entries(n int) []*Entry {
	var out []*Entry
	for i := 0; i < n; i++ {
		out = append(out, &Entry{
			Title: fmt.Sprintf("Article %d", i),
			Slug:  fmt.Sprintf("article-%03d", i),
			Date:  time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*10),
		})
	}
	return out
}

func TestPagerNumbersPagesFromTheOldest(t *testing.T) {
	for _, n := range []int{0, 1, 5, 9, 10, 11, 25, 30, 31} {
		s := New(config.Default(), entries(n), Options{})
		p := Pager{Entries: s.Entries, PerPage: 5}
		pages := p.Pages()
		seen := map[*Entry]int{}
		for _, pg := range pages {
			for _, e := range pg.Entries {
				seen[e]++
			}
			if pg.Number > 0 && len(pg.Entries) != 5 {
				t.Errorf("n=%d: page %d holds %d, want a full page", n, pg.Number, len(pg.Entries))
			}
		}
		if len(seen) != n {
			t.Errorf("n=%d: pages hold %d distinct articles", n, len(seen))
		}
		for e, c := range seen {
			if c != 1 {
				t.Errorf("n=%d: %s on %d pages", n, e.Slug, c)
			}
		}
		if front := len(pages[0].Entries); n >= 5 && (front < 5 || front > 9) {
			t.Errorf("n=%d: front page holds %d", n, front)
		}
		if n >= 15 && pages[len(pages)-1].Entries[4].Slug != "article-000" {
			t.Errorf("n=%d: page 1 does not end with the oldest article", n)
		}
	}
}

func TestPagerKeepsOldPagesWhenAnArticleArrives(t *testing.T) {
	before := Pager{Entries: New(config.Default(), entries(23), Options{}).Entries, PerPage: 5}.Pages()
	after := Pager{Entries: New(config.Default(), entries(24), Options{}).Entries, PerPage: 5}.Pages()
	old := map[string][]string{}
	for _, pg := range before {
		old[pg.Path] = slugs(pg.Entries)
	}
	for _, pg := range after[1:] {
		if fmt.Sprint(old[pg.Path]) != fmt.Sprint(slugs(pg.Entries)) {
			t.Errorf("page %s changed: %v -> %v", pg.Path, old[pg.Path], slugs(pg.Entries))
		}
	}
}

func TestPagerLinksNeighbours(t *testing.T) {
	pages := Pager{Base: "category/war/", Entries: New(config.Default(), entries(20), Options{}).Entries, PerPage: 5}.Pages()
	want := []struct{ path, older, newer string }{
		{"category/war/", "category/war/page/3/", ""},
		{"category/war/page/3/", "category/war/page/2/", "category/war/"},
		{"category/war/page/2/", "category/war/page/1/", "category/war/page/3/"},
		{"category/war/page/1/", "", "category/war/page/2/"},
	}
	if len(pages) != len(want) {
		t.Fatalf("%d pages, want %d", len(pages), len(want))
	}
	for i, w := range want {
		if p := pages[i]; p.Path != w.path || p.Older != w.older || p.Newer != w.newer {
			t.Errorf("page %d = %s older %q newer %q, want %+v", i, p.Path, p.Older, p.Newer, w)
		}
	}
}

func slugs(list []*Entry) []string {
	var out []string
	for _, e := range list {
		out = append(out, e.Slug)
	}
	return out
}

func TestNewLeavesOutDraftsAndFutureArticles(t *testing.T) {
	list := entries(3)
	list[0].Draft = true
	now := list[1].Date
	s := New(config.Default(), list, Options{BuildTime: now})
	if got := slugs(s.Entries); fmt.Sprint(got) != "[article-001]" {
		t.Errorf("published %v", got)
	}
	s = New(config.Default(), entries(3), Options{BuildTime: now, Future: true, Drafts: true})
	if len(s.Entries) != 3 {
		t.Errorf("with -future and -drafts, published %d", len(s.Entries))
	}
}

func TestGroupsAndYears(t *testing.T) {
	list := entries(40)
	for i, e := range list {
		e.Category = NewTerm([]string{"Business & Economy", "War"}[i%2])
		if i%5 == 0 {
			e.Tags = []Term{NewTerm("Oil"), NewTerm("Éire")}
		}
	}
	s := New(config.Default(), list, Options{})
	if len(s.Categories) != 2 || s.Categories[0].Slug != "business-economy" || len(s.Categories[1].Entries) != 20 {
		t.Errorf("categories: %+v", s.Categories)
	}
	if len(s.Tags) != 2 || s.Tags[0].Slug != "eire" || len(s.Tags[0].Entries) != 8 {
		t.Errorf("tags: %+v", s.Tags)
	}
	total := 0
	for _, y := range s.Years {
		for _, m := range y.Months {
			total += len(m.Entries)
		}
	}
	if total != 40 || s.Years[0].Year != 2021 || s.Years[len(s.Years)-1].Year != 2020 {
		t.Errorf("years hold %d, first %d", total, s.Years[0].Year)
	}
}

func TestRelatedPrefersSharedTagsThenCategoryThenTime(t *testing.T) {
	list := entries(30)
	for _, e := range list {
		e.Category = NewTerm("War")
	}
	list[2].Tags = []Term{NewTerm("Oil"), NewTerm("Gas")}
	list[25].Tags = []Term{NewTerm("Oil"), NewTerm("Gas")}
	list[20].Tags = []Term{NewTerm("Oil")}
	list[3].Category = NewTerm("Sport")
	s := New(config.Default(), list, Options{})
	got := slugs(s.Related(list[2]))
	want := "[article-025 article-020 article-001]"
	if fmt.Sprint(got) != want {
		t.Errorf("related = %v, want %s", got, want)
	}
	if fmt.Sprint(slugs(s.Related(list[2]))) != fmt.Sprint(got) {
		t.Error("related is not stable")
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Business & Economy": "business-economy",
		"Éire — Ireland":     "eire-ireland",
		"  Science/Tech  ":   "science-tech",
		"¿?":                 "untitled",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}
