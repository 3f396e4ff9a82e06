package pipeline

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"newsgen/generator/check"
	"newsgen/generator/render"
	"newsgen/generator/site"
)

// archiveSite builds a few hundred generated seeds under a base URL and
// returns the root, the output folder and the archive model.
func archiveSite(t *testing.T, n int, baseURL string) (string, string, *site.Site) {
	t.Helper()
	root := corpusSite(t, n)
	os.WriteFile(filepath.Join(root, "newsgen.toml"), []byte(fmt.Sprintf("base_url = %q\nper_page = 12\n", baseURL)), 0o644)
	build(t, Options{Root: root})
	b := NewBuilder(Options{Root: root, Now: fixedNow})
	cfg, err := LoadConfig(b.opts)
	if err != nil {
		t.Fatal(err)
	}
	b.prepareCache(cfg)
	s := site.New(cfg, b.loadContent(cfg, &Report{}), site.Options{BuildTime: fixedNow})
	return root, filepath.Join(root, OutDir), s
}

// Every internal link, anchor and src of a generated archive resolves, at
// the root of a host and under a sub-path.
func TestArchiveLinksResolve(t *testing.T) {
	for _, base := range []string{"https://example.org/", "https://example.org/news/"} {
		t.Run(base, func(t *testing.T) {
			_, out, s := archiveSite(t, 240, base)
			probs, err := check.Site(out, check.Options{BaseURL: s.Config.BaseURL, BasePath: s.Config.BasePath()})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range probs {
				t.Error(p)
			}
		})
	}
}

// The archive has the pages its pagination promises, and every article
// can be reached from the front page and its older pages.
func TestArchivePagesMatchPagination(t *testing.T) {
	_, out, s := archiveSite(t, 240, "https://example.org/news/")
	per := s.Config.PerPage
	wantHome := max(1, len(s.Entries)/per-1+1)
	if len(s.Entries) < 2*per {
		wantHome = 1
	}
	homes := 1 + countDirs(t, filepath.Join(out, "page"))
	if homes != wantHome {
		t.Errorf("%d front pages, want %d for %d articles at %d a page", homes, wantHome, len(s.Entries), per)
	}
	linked := map[string]bool{}
	href := regexp.MustCompile(`href="/news/(\d{4}/\d{2}/[a-z0-9-]+/)"`)
	pages := []string{filepath.Join(out, "index.html")}
	for k := 1; k < homes; k++ {
		pages = append(pages, filepath.Join(out, "page", fmt.Sprint(k), "index.html"))
	}
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range href.FindAllStringSubmatch(string(data), -1) {
			linked[m[1]] = true
		}
	}
	for _, e := range s.Entries {
		if !linked[e.Path()] {
			t.Errorf("%s is on no front page", e.Path())
		}
	}
	for _, g := range s.Categories {
		exists(t, out, render.CategoryPath(g.Slug)+"index.html")
	}
	for _, g := range s.Tags {
		exists(t, out, render.TagPath(g.Slug)+"index.html")
	}
	months := 0
	for _, y := range s.Years {
		exists(t, out, fmt.Sprintf("%04d/index.html", y.Year))
		for _, m := range y.Months {
			exists(t, out, fmt.Sprintf("%04d/%02d/index.html", m.Year, int(m.Month)))
			months++
		}
	}
	if len(s.Categories) < 8 || len(s.Years) < 8 || months < 50 {
		t.Errorf("a thin archive: %d categories, %d years, %d months", len(s.Categories), len(s.Years), months)
	}
}

// Every feed reads back with a real feed parser: the right number of
// entries, newest first, with titles, absolute links to real pages and
// dates.
func TestArchiveFeedsParse(t *testing.T) {
	_, out, s := archiveSite(t, 150, "https://example.org/news/")
	byURL := map[string]*site.Entry{}
	for _, e := range s.Entries {
		byURL[s.Config.AbsURL(e.Path())] = e
	}
	folders := map[string][]*site.Entry{"": s.Entries}
	for _, g := range s.Categories {
		folders[render.CategoryPath(g.Slug)] = g.Entries
	}
	parser := gofeed.NewParser()
	for base, entries := range folders {
		for _, name := range []string{"atom.xml", "rss.xml", "feed.json"} {
			f, err := os.Open(filepath.Join(out, base, name))
			if err != nil {
				t.Fatal(err)
			}
			feed, err := parser.Parse(f)
			f.Close()
			if err != nil {
				t.Fatalf("%s%s: %v", base, name, err)
			}
			want := min(len(entries), s.Config.Feeds.Limit)
			if len(feed.Items) != want {
				t.Errorf("%s%s: %d items, want %d", base, name, len(feed.Items), want)
			}
			for i, it := range feed.Items {
				e := byURL[it.Link]
				if e == nil || e != entries[i] || it.Title != e.Title || it.PublishedParsed == nil || !it.PublishedParsed.Equal(e.Date) {
					t.Errorf("%s%s item %d: %q %s at %v", base, name, i, it.Title, it.Link, it.PublishedParsed)
					break
				}
			}
		}
	}
}

// Every sitemap is XML and lists every article exactly once; every JSON-LD
// block is JSON with the fields search engines read.
func TestArchiveSitemapsAndStructuredData(t *testing.T) {
	_, out, s := archiveSite(t, 120, "https://example.org/news/")
	var urlset struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	data, _ := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err := xml.Unmarshal(data, &urlset); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, u := range urlset.URLs {
		seen[u.Loc]++
	}
	for _, e := range s.Entries {
		if n := seen[s.Config.AbsURL(e.Path())]; n != 1 {
			t.Errorf("%s is in the sitemap %d times", e.Path(), n)
		}
	}
	news, _ := os.ReadFile(filepath.Join(out, "news-sitemap.xml"))
	if err := xml.Unmarshal(news, new(struct{})); err != nil {
		t.Errorf("news sitemap: %v", err)
	}
	ld := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)
	page, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(s.Entries[3].Path()), "index.html"))
	blocks := ld.FindAllSubmatch(page, -1)
	if len(blocks) != 2 {
		t.Fatalf("%d JSON-LD blocks on an article", len(blocks))
	}
	var article map[string]any
	if err := json.Unmarshal(blocks[0][1], &article); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"headline", "datePublished", "dateModified", "articleSection", "author", "publisher", "mainEntityOfPage"} {
		if article[key] == nil {
			t.Errorf("NewsArticle has no %s", key)
		}
	}
	if article["@type"] != "NewsArticle" || article["headline"] != s.Entries[3].Title {
		t.Errorf("NewsArticle: %v", article)
	}
	var crumbs map[string]any
	if err := json.Unmarshal(blocks[1][1], &crumbs); err != nil || crumbs["@type"] != "BreadcrumbList" {
		t.Errorf("BreadcrumbList: %v %v", crumbs, err)
	}
	home, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(home), `"@type":"WebSite"`) {
		t.Error("the front page has no WebSite block")
	}
}

func countDirs(t *testing.T, dir string) int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return len(entries)
}

func exists(t *testing.T, out, name string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil {
		t.Errorf("no %s", name)
	}
}
