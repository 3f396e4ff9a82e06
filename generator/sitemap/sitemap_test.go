package sitemap

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"newsgen/generator/site"
)

func day(d int) time.Time {
	return time.Date(2026, 6, d, 9, 0, 0, 0, time.UTC)
}

func TestSitemapListsEveryPageOnceWithLastmod(t *testing.T) {
	pages := []Page{
		{Path: "", Modified: day(3)},
		{Path: "2026/06/a/", Modified: day(1)},
		{Path: "category/war/", Modified: day(2)},
		{Path: "2026/06/a/", Modified: day(4)}, // listed twice: kept once, latest date
		{Path: "404.html"},
	}
	fs := files(t, newSite(t, "https://example.org/news/"), pages, MaxURLs)
	var doc urlsetDoc
	decode(t, fs, IndexName, &doc)
	var got []string
	for _, u := range doc.URLs {
		got = append(got, u.Loc+" "+u.LastMod)
	}
	want := []string{
		"https://example.org/news/ 2026-06-03T09:00:00Z",
		"https://example.org/news/2026/06/a/ 2026-06-04T09:00:00Z",
		"https://example.org/news/category/war/ 2026-06-02T09:00:00Z",
		"https://example.org/news/404.html ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("urls =\n%q\nwant\n%q", got, want)
	}
	if strings.Contains(string(fs[IndexName]), "<lastmod></lastmod>") {
		t.Errorf("a page without a date has an empty lastmod")
	}
}

func manyPages(n int) []Page {
	pages := make([]Page, n)
	for i := range pages {
		pages[i] = Page{Path: fmt.Sprintf("p/%d/", i), Modified: day(1 + i%28)}
	}
	return pages
}

func TestSitemapAtLimitStaysOneFile(t *testing.T) {
	fs := files(t, newSite(t, "https://example.org/"), manyPages(3), 3)
	var doc urlsetDoc
	decode(t, fs, IndexName, &doc)
	if len(doc.URLs) != 3 {
		t.Errorf("%d urls, want 3", len(doc.URLs))
	}
	if _, ok := fs["sitemap-1.xml"]; ok {
		t.Errorf("sitemap split at the limit, want it only past the limit")
	}
}

func TestSitemapPastLimitBecomesIndex(t *testing.T) {
	pages := manyPages(7)
	fs := files(t, newSite(t, "https://example.org/news/"), pages, 3)
	var idx indexDoc
	decode(t, fs, IndexName, &idx)
	if len(idx.Sitemaps) != 3 {
		t.Fatalf("index lists %d sitemaps, want 3", len(idx.Sitemaps))
	}
	seen := map[string]int{}
	for i, sm := range idx.Sitemaps {
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		if want := "https://example.org/news/" + name; sm.Loc != want {
			t.Errorf("index entry %d = %q, want %q", i, sm.Loc, want)
		}
		var part urlsetDoc
		decode(t, fs, name, &part)
		if wantN := min(3, 7-3*i); len(part.URLs) != wantN {
			t.Errorf("%s has %d urls, want %d", name, len(part.URLs), wantN)
		}
		latest := ""
		for _, u := range part.URLs {
			seen[u.Loc]++
			latest = max(latest, u.LastMod)
		}
		if sm.LastMod != latest {
			t.Errorf("index lastmod of %s = %q, want its latest page %q", name, sm.LastMod, latest)
		}
	}
	for _, p := range pages {
		if u := "https://example.org/news/" + p.Path; seen[u] != 1 {
			t.Errorf("%s appears %d times across the parts, want once", u, seen[u])
		}
	}
	if len(seen) != len(pages) {
		t.Errorf("parts hold %d urls, want %d", len(seen), len(pages))
	}
}

func TestBuildSplitsPastFiftyThousand(t *testing.T) {
	fs := map[string][]byte{}
	for _, f := range Build(newSite(t, "https://example.org/"), manyPages(MaxURLs+1)) {
		fs[f.Name] = f.Data
	}
	var idx indexDoc
	decode(t, fs, IndexName, &idx)
	var last urlsetDoc
	decode(t, fs, "sitemap-2.xml", &last)
	if len(idx.Sitemaps) != 2 || len(last.URLs) != 1 {
		t.Errorf("index of %d sitemaps, last with %d urls; want 2 and 1", len(idx.Sitemaps), len(last.URLs))
	}
}

func TestEmptySiteGivesEmptyValidFiles(t *testing.T) {
	fs := files(t, newSite(t, "https://example.org/"), nil, MaxURLs)
	var doc urlsetDoc
	decode(t, fs, IndexName, &doc)
	var news newsDoc
	decode(t, fs, NewsName, &news)
	if len(doc.URLs) != 0 || len(news.URLs) != 0 {
		t.Errorf("empty site: %d urls, %d news urls; want none", len(doc.URLs), len(news.URLs))
	}
}

func TestArticlesListsEveryArticleWithItsLastChange(t *testing.T) {
	a := &site.Entry{Title: "A", Slug: "a", Date: day(1), Updated: day(5)}
	b := &site.Entry{Title: "B", Slug: "b", Date: day(2)}
	got := Articles(newSite(t, "https://example.org/", a, b))
	want := []Page{{Path: "2026/06/b/", Modified: day(2)}, {Path: "2026/06/a/", Modified: day(5)}}
	if !slices.Equal(got, want) {
		t.Errorf("Articles = %v, want %v", got, want)
	}
}

func TestRobotsNamesAbsoluteSitemapURLs(t *testing.T) {
	fs := files(t, newSite(t, "https://example.org/news/"), nil, MaxURLs)
	var sitemaps []string
	for _, line := range strings.Split(string(fs[RobotsName]), "\n") {
		if u, ok := strings.CutPrefix(line, "Sitemap: "); ok {
			sitemaps = append(sitemaps, u)
		}
	}
	want := []string{"https://example.org/news/sitemap.xml", "https://example.org/news/news-sitemap.xml"}
	if !slices.Equal(sitemaps, want) {
		t.Errorf("robots.txt sitemaps = %q, want %q\n%s", sitemaps, want, fs[RobotsName])
	}
	if !strings.HasPrefix(string(fs[RobotsName]), "User-agent: *\n") {
		t.Errorf("robots.txt has no User-agent group:\n%s", fs[RobotsName])
	}
}

func TestDocumentsDeclareXML(t *testing.T) {
	fs := files(t, newSite(t, "https://example.org/"), manyPages(2), MaxURLs)
	for _, name := range []string{IndexName, NewsName} {
		if !strings.HasPrefix(string(fs[name]), xml.Header) {
			t.Errorf("%s does not start with the XML declaration", name)
		}
	}
}

// Stream makes the files Build makes of the site's articles followed by
// its list pages: in one sitemap or in parts, with a list page repeated
// and one on an article's path, changed later than the article.
func TestStreamMakesWhatBuildMakes(t *testing.T) {
	var entries []*site.Entry
	for i := range 7 {
		entries = append(entries, &site.Entry{Title: fmt.Sprint("T", i), Slug: fmt.Sprint("s", i), Date: day(1 + i)})
	}
	s := newSite(t, "https://example.org/news/", entries...)
	lists := []Page{{Path: "category/war/", Modified: day(4)}, {Path: "", Modified: day(7)},
		{Path: "category/war/", Modified: day(6)}, {Path: "2026/06/s2/", Modified: day(20)}}
	for _, limit := range []int{3, 50} {
		want := files(t, s, append(Articles(s), lists...), limit)
		got := map[string][]byte{}
		Stream(s, lists, limit, func(f File) {
			if _, dup := got[f.Name]; dup {
				t.Fatalf("limit %d: %s made twice", limit, f.Name)
			}
			got[f.Name] = f.Data
		})
		if len(got) != len(want) {
			t.Fatalf("limit %d: %d files, want %d", limit, len(got), len(want))
		}
		for name, data := range want {
			if string(got[name]) != string(data) {
				t.Errorf("limit %d: %s differs:\n%s\nwant:\n%s", limit, name, got[name], data)
			}
		}
	}
}
