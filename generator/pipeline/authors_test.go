package pipeline

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"newsgen/generator/check"
)

// bylines are the authors of the authored seeds, by turn: one, two and
// three authors, an agency, particles, accents and another script.
var bylines = []string{
	"By Jane Doe",
	"By Jane Doe and John Roe | Reuters",
	"By Zoë Müller, J. R. Okafor and Jane Doe",
	"By Ana de la Cruz for The Courier",
	"By Олена Коваль in Kyiv",
}

// authoredSeeds writes n seeds with bylines into root's seeds folder,
// one a day from June 1, 2026; every third has an update and a
// correction.
func authoredSeeds(t *testing.T, root string, n int) {
	t.Helper()
	dir := filepath.Join(root, SeedDir)
	os.MkdirAll(dir, 0o755)
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Home Local Council votes on bridge plan number %d...\n\n", i)
		fmt.Fprintf(&b, "Council votes on bridge plan number %d\n\n", i)
		fmt.Fprintf(&b, "%s\n\n", bylines[i%len(bylines)])
		fmt.Fprintf(&b, "Published: June %d, 2026, 09:%02d\n\n", 1+i%28, i%60)
		if i%3 == 0 {
			fmt.Fprintf(&b, "Updated: July %d, 2026, 14:05\n\n", 1+i%28)
		}
		b.WriteString("The plan divides residents\n\n")
		fmt.Fprintf(&b, "The council voted %d to %d on Tuesday night for a new bridge across the river, after a debate that ran past midnight and drew the largest public gallery in years.\n\n", 20+i%7, 3+i%5)
		b.WriteString("Work is due to start next spring and to last two years, the council said.\n\n")
		if i%3 == 0 {
			b.WriteString("Correction: An earlier version of this article gave the wrong number of votes.\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d_bridge.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func authoredSite(t *testing.T, n int) (root, out string) {
	t.Helper()
	root = corpusSite(t, 20)
	authoredSeeds(t, root, n)
	os.WriteFile(filepath.Join(root, "newsgen.toml"), []byte("per_page = 4\nbase_url = \"https://example.org/news/\"\n"), 0o644)
	build(t, Options{Root: root})
	return root, filepath.Join(root, OutDir)
}

func read(t *testing.T, out, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Authors get pages, paginated from the oldest, an index with counts and
// feeds; articles name their authors with links, their update and their
// notes; every link resolves.
func TestAuthorPages(t *testing.T) {
	_, out := authoredSite(t, 30)
	// Jane Doe writes 3 of every 5: 18 articles, 4 a page.
	index := read(t, out, "author/index.html")
	for _, want := range []string{`href="/news/author/jane-doe/">Jane Doe</a> <span class="count">18</span>`,
		`href="/news/author/zoe-muller/">Zoë Müller</a> <span class="count">6</span>`,
		`href="/news/author/j-r-okafor/">J. R. Okafor</a>`, `href="/news/author/ana-de-la-cruz/">Ana de la Cruz</a>`,
		`href="/news/author/olena-koval/">Олена Коваль</a>`} {
		if !strings.Contains(index, want) {
			t.Errorf("author index lacks %s", want)
		}
	}
	for _, bad := range []string{"Reuters", "Courier", "Kyiv"} {
		if strings.Contains(index, bad) {
			t.Errorf("author index names %s, an agency, outlet or place", bad)
		}
	}
	// 18 articles at 4 a page: pages 1 to 3 hold 12, the front page 6.
	front := read(t, out, "author/jane-doe/index.html")
	// Author pages list articles as briefs: a linked headline each.
	const brief = `<li><a href="/news/20`
	if n := strings.Count(front, brief); n != 6 {
		t.Errorf("Jane Doe's front page lists %d articles, want 6", n)
	}
	page1 := read(t, out, "author/jane-doe/page/1/index.html")
	if !strings.Contains(page1, "Council votes on bridge plan number 0<") || strings.Count(page1, brief) != 4 {
		t.Error("Jane Doe's page 1 does not hold her four oldest articles")
	}
	exists(t, out, "author/jane-doe/page/3/index.html")
	if _, err := os.Stat(filepath.Join(out, "author/jane-doe/page/4/index.html")); err == nil {
		t.Error("Jane Doe has a fourth page")
	}
	for _, f := range []string{"atom.xml", "rss.xml", "feed.json"} {
		exists(t, out, "author/jane-doe/"+f)
	}
	if !strings.Contains(front, `href="/news/author/jane-doe/atom.xml"`) {
		t.Error("an author's page does not announce the author's feed")
	}

	art := read(t, out, "2026/06/council-votes-on-bridge-plan-number-2/index.html")
	for _, want := range []string{
		`<p class="story-authors">By <a rel="author" href="/news/author/zoe-muller/">Zoë Müller</a>, <a rel="author" href="/news/author/j-r-okafor/">J. R. Okafor</a> and <a rel="author" href="/news/author/jane-doe/">Jane Doe</a></p>`,
		`<time datetime="2026-06-03T09:02:00Z">3 June 2026, 09:02</time>`,
		`<meta property="article:author" content="https://example.org/news/author/zoe-muller/">`,
	} {
		if !strings.Contains(art, want) {
			t.Errorf("three-author article lacks %s", want)
		}
	}
	upd := read(t, out, "2026/06/council-votes-on-bridge-plan-number-3/index.html")
	for _, want := range []string{
		`By <a rel="author" href="/news/author/ana-de-la-cruz/">Ana de la Cruz</a></p>`,
		`Updated <time datetime="2026-07-04T14:05:00Z">4 July 2026, 14:05</time>`,
		`<meta property="article:modified_time" content="2026-07-04T14:05:00Z">`,
		`<blockquote class="note"><p>Correction: An earlier version`,
	} {
		if !strings.Contains(upd, want) {
			t.Errorf("updated article lacks %s", want)
		}
	}
	if strings.Contains(art, "Updated") {
		t.Error("an article without an update says Updated")
	}
	home := read(t, out, "index.html")
	if !strings.Contains(home, `<p class="teaser-authors">By <a rel="author" href="/news/author/`) {
		t.Error("teasers do not name their authors")
	}
	probs, err := check.Site(out, check.Options{BaseURL: "https://example.org/news/", BasePath: "/news/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Error(p)
	}
}

// NewsArticle names its authors as Persons with their pages, or the
// publisher without a byline; dateModified is the update.
func TestAuthorsInStructuredData(t *testing.T) {
	_, out := authoredSite(t, 6)
	ld := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)
	article := func(page string) map[string]any {
		m := ld.FindStringSubmatch(read(t, out, page))
		var v map[string]any
		if m == nil || json.Unmarshal([]byte(m[1]), &v) != nil {
			t.Fatalf("%s: no NewsArticle", page)
		}
		return v
	}
	a := article("2026/06/council-votes-on-bridge-plan-number-1/index.html")
	people, _ := a["author"].([]any)
	if len(people) != 2 {
		t.Fatalf("author = %v, want two Persons", a["author"])
	}
	for i, want := range []string{"Jane Doe", "John Roe"} {
		p, _ := people[i].(map[string]any)
		if p["@type"] != "Person" || p["name"] != want || !strings.HasPrefix(fmt.Sprint(p["url"]), "https://example.org/news/author/") {
			t.Errorf("author %d = %v", i, p)
		}
	}
	if a["datePublished"] != "2026-06-02T09:01:00Z" || a["dateModified"] != "2026-06-02T09:01:00Z" {
		t.Errorf("dates %v %v", a["datePublished"], a["dateModified"])
	}
	u := article("2026/06/council-votes-on-bridge-plan-number-0/index.html")
	if u["dateModified"] != "2026-07-01T14:05:00Z" {
		t.Errorf("dateModified %v, want the update", u["dateModified"])
	}
	var plain string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if plain == "" && err == nil && !d.IsDir() && strings.HasSuffix(p, "index.html") && !strings.Contains(p, "bridge-plan") && regexp.MustCompile(`/\d{4}/\d{2}/[^/]+/index.html$`).MatchString(filepath.ToSlash(p)) {
			plain, _ = filepath.Rel(out, p)
		}
		return nil
	})
	org, _ := article(filepath.ToSlash(plain))["author"].(map[string]any)
	if org["@type"] != "Organization" {
		t.Errorf("%s: author %v, want the publisher", plain, org)
	}
}

// Feeds carry the authors: Atom <author>, RSS <dc:creator>, JSON Feed
// authors, read back with gofeed.
func TestAuthorsInFeeds(t *testing.T) {
	_, out := authoredSite(t, 6)
	parser := gofeed.NewParser()
	for _, name := range []string{"atom.xml", "rss.xml", "feed.json", "author/jane-doe/atom.xml"} {
		f, err := parser.ParseString(read(t, out, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found := false
		for _, it := range f.Items {
			if !strings.Contains(it.Title, "number 2") {
				continue
			}
			found = true
			var names []string
			for _, a := range it.Authors {
				names = append(names, a.Name)
			}
			if it.DublinCoreExt != nil { // gofeed keeps RSS's first dc:creator as the author
				names = it.DublinCoreExt.Creator
			}
			if got := strings.Join(names, "|"); got != "Zoë Müller|J. R. Okafor|Jane Doe" {
				t.Errorf("%s: authors %q", name, got)
			}
		}
		if !found {
			t.Errorf("%s: no item for article 2", name)
		}
	}
	jane, _ := parser.ParseString(read(t, out, "author/jane-doe/atom.xml"))
	if len(jane.Items) != 4 { // articles 0, 1, 2 and 5
		t.Errorf("Jane Doe's feed has %d items, want 4", len(jane.Items))
	}
}

// Changing an article's byline re-renders the author pages it leaves
// and joins, and a cached build equals a cold one.
func TestAuthorPagesFollowChanges(t *testing.T) {
	root, out := authoredSite(t, 10)
	for _, name := range []string{"004_bridge.txt", "009_bridge.txt"} { // Олена Коваль's
		seed := filepath.Join(root, SeedDir, name)
		data, _ := os.ReadFile(seed)
		os.WriteFile(seed, []byte(strings.Replace(string(data), "By Олена Коваль in Kyiv", "By Jane Doe and Ann Lee", 1)), 0o644)
	}
	build(t, Options{Root: root})
	if _, err := os.Stat(filepath.Join(out, "author/olena-koval/index.html")); err == nil {
		t.Error("an author with no articles left keeps a page")
	}
	if !strings.Contains(read(t, out, "author/ann-lee/index.html"), "plan number 4<") {
		t.Error("a new author's page lacks the article")
	}
	if !strings.Contains(read(t, out, "author/jane-doe/page/1/index.html"), "plan number 4<") {
		t.Error("an author's page lacks the article that joined it")
	}
	cold := filepath.Join(root, "cold")
	os.RemoveAll(filepath.Join(root, ".newsgen-cache"))
	build(t, Options{Root: root, Out: cold})
	a, b := snapshot(t, out), snapshot(t, cold)
	for name, sum := range b {
		if a[name] != sum {
			t.Errorf("%s differs between the cached and the cold build", name)
		}
	}
	if len(a) != len(b) {
		t.Errorf("cached build has %d files, cold %d", len(a), len(b))
	}
}
