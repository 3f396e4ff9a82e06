package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"html"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"newsgen/generator/site"
)

func threeStories() []*site.Entry {
	return []*site.Entry{
		entry("oldest", 1, "War", "Ukraine"),
		entry("middle", 2, "Economy", "Oil", "Ukraine"),
		entry("newest", 3, "War"),
	}
}

func TestBuildWritesEachFeedAtSiteRootAndPerCategory(t *testing.T) {
	s := newSite(t, "https://example.org/", threeStories()...)
	files, err := Build(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	want := []string{
		"atom.xml", "rss.xml", "feed.json",
		"category/economy/atom.xml", "category/economy/rss.xml", "category/economy/feed.json",
		"category/war/atom.xml", "category/war/rss.xml", "category/war/feed.json",
	}
	if !slices.Equal(names, want) {
		t.Fatalf("files = %q, want %q", names, want)
	}
}

func TestFeedsHoldNewestEntriesUpToLimit(t *testing.T) {
	var entries []*site.Entry
	for day := 1; day <= 5; day++ {
		entries = append(entries, entry("d"+string(rune('0'+day)), day, "War"))
	}
	tests := []struct {
		name  string
		limit int
		want  []string
	}{
		{"limit cuts to newest", 3, []string{"Story d5", "Story d4", "Story d3"}},
		{"fewer than limit keeps all", 10, []string{"Story d5", "Story d4", "Story d3", "Story d2", "Story d1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t, "https://example.org/", entries...)
			s.Config.Feeds.Limit = tt.limit
			files := build(t, s, Options{})
			for _, dir := range []string{"", "category/war/"} {
				for _, name := range formats {
					f := parse(t, dir+name, files[dir+name])
					if got := titles(f); !slices.Equal(got, tt.want) {
						t.Errorf("%s%s titles = %q, want %q", dir, name, got, tt.want)
					}
				}
			}
		})
	}
}

func TestCategoryFeedsHoldOnlyTheirCategory(t *testing.T) {
	files := build(t, newSite(t, "https://example.org/", threeStories()...), Options{})
	for _, name := range formats {
		f := parse(t, name, files["category/war/"+name])
		if got, want := titles(f), []string{"Story newest", "Story oldest"}; !slices.Equal(got, want) {
			t.Errorf("war %s titles = %q, want %q", name, got, want)
		}
		if !strings.Contains(f.Title, "War") {
			t.Errorf("war %s title = %q, want it to name the category", name, f.Title)
		}
	}
}

func TestLinksAreAbsoluteUnderSubPathBaseURL(t *testing.T) {
	files := build(t, newSite(t, "https://example.org/news/", threeStories()...), Options{})
	for _, dir := range []string{"", "category/war/"} {
		for _, name := range formats {
			f := parse(t, dir+name, files[dir+name])
			if want := "https://example.org/news/" + dir + name; f.FeedLink != want {
				t.Errorf("%s%s self link = %q, want %q", dir, name, f.FeedLink, want)
			}
			if want := "https://example.org/news/" + dir; f.Link != want {
				t.Errorf("%s%s home link = %q, want %q", dir, name, f.Link, want)
			}
			it := f.Items[0]
			want := "https://example.org/news/2026/06/newest/"
			if it.Link != want || it.GUID != want {
				t.Errorf("%s%s item link %q, id %q, want both %q", dir, name, it.Link, it.GUID, want)
			}
		}
	}
}

func TestRSSGuidIsPermaLink(t *testing.T) {
	files := build(t, newSite(t, "https://example.org/", threeStories()...), Options{})
	if !bytes.Contains(files[RSSName], []byte(`<guid isPermaLink="true">https://example.org/2026/06/newest/</guid>`)) {
		t.Errorf("rss.xml lacks a permalink guid:\n%s", files[RSSName])
	}
}

func TestDatesArePublicationAndModification(t *testing.T) {
	e := entry("edited", 2, "War")
	e.Updated = time.Date(2026, 6, 4, 15, 30, 0, 0, zone)
	files := build(t, newSite(t, "https://example.org/", e), Options{})
	for _, name := range formats {
		it := parse(t, name, files[name]).Items[0]
		if it.PublishedParsed == nil || !it.PublishedParsed.Equal(e.Date) {
			t.Errorf("%s published = %v, want %v", name, it.PublishedParsed, e.Date)
		}
		if name == RSSName {
			continue // RSS has no modification date.
		}
		if it.UpdatedParsed == nil || !it.UpdatedParsed.Equal(e.Updated) {
			t.Errorf("%s updated = %v, want %v", name, it.UpdatedParsed, e.Updated)
		}
	}
	if !bytes.Contains(files[RSSName], []byte("<pubDate>Tue, 02 Jun 2026 09:00:00 +0200</pubDate>")) {
		t.Errorf("rss.xml pubDate is not RFC 1123 with numeric zone:\n%s", files[RSSName])
	}
}

func TestFeedUpdatedIsLatestChangeNotBuildTime(t *testing.T) {
	old := entry("old", 1, "")
	old.Updated = time.Date(2026, 6, 20, 8, 0, 0, 0, zone)
	entries := []*site.Entry{old, entry("new", 10, "")}
	s := newSite(t, "https://example.org/", entries...)
	first := build(t, s, Options{})
	f := parse(t, AtomName, first[AtomName])
	if f.UpdatedParsed == nil || !f.UpdatedParsed.Equal(old.Updated) {
		t.Errorf("atom updated = %v, want the latest change %v", f.UpdatedParsed, old.Updated)
	}
	s.BuildTime = s.BuildTime.Add(72 * time.Hour)
	again := build(t, s, Options{})
	for _, name := range formats {
		if !bytes.Equal(first[name], again[name]) {
			t.Errorf("%s changed with the build time alone", name)
		}
	}
}

func TestCategoriesAndTagsAreItemTerms(t *testing.T) {
	files := build(t, newSite(t, "https://example.org/", threeStories()...), Options{})
	for _, name := range formats {
		f := parse(t, name, files[name])
		if got, want := f.Items[1].Categories, []string{"Economy", "Oil", "Ukraine"}; !slices.Equal(got, want) {
			t.Errorf("%s terms = %q, want %q", name, got, want)
		}
	}
}

func TestAuthorIsPublisher(t *testing.T) {
	files := build(t, newSite(t, "https://example.org/", threeStories()...), Options{})
	for _, name := range []string{AtomName, JSONName} {
		f := parse(t, name, files[name])
		if len(f.Authors) != 1 || f.Authors[0].Name != "Daily Press" {
			t.Errorf("%s authors = %+v, want Daily Press", name, f.Authors)
		}
	}
}

// The site's feeds carry whole articles, a section's feeds summaries,
// unless the configuration says otherwise.
func TestSummaryOrFullContent(t *testing.T) {
	body := func(e *site.Entry) (string, error) { return "<p>Body of " + e.Slug + "</p>", nil }
	tests := []struct {
		name                    string
		summary, sectionContent bool
		content                 func(*site.Entry) (string, error)
		wantBody, wantSection   bool
	}{
		{"full content from the callback, summaries in sections", false, false, body, true, false},
		{"full content in sections when configured so", false, true, body, true, true},
		{"summary when configured so", true, false, body, false, false},
		{"summary wins over section content", true, true, body, false, false},
		{"summary without a callback", false, true, nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t, "https://example.org/", entry("one", 1, "War"))
			s.Config.Feeds.Summary = tt.summary
			s.Config.Feeds.SectionContent = tt.sectionContent
			files := build(t, s, Options{Content: tt.content})
			for _, name := range formats {
				checkItem(t, name, files[name], tt.wantBody)
				checkItem(t, "category/war/"+name, files["category/war/"+name], tt.wantSection)
			}
		})
	}
}

// checkItem checks the one item of a feed: its summary always, and its
// content, the article's body or nothing (JSON Feed: the summary).
func checkItem(t *testing.T, name string, data []byte, wantBody bool) {
	t.Helper()
	it := parse(t, name, data).Items[0]
	if got := html.UnescapeString(it.Description); got != "Summary of one." {
		t.Errorf("%s summary = %q", name, got)
	}
	want := ""
	if wantBody {
		want = "<p>Body of one</p>"
	} else if strings.HasSuffix(name, JSONName) {
		want = "Summary of one." // content_text
	}
	if it.Content != want {
		t.Errorf("%s content = %q, want %q", name, it.Content, want)
	}
}

func TestContentIsFetchedOncePerArticle(t *testing.T) {
	calls := map[string]int{}
	content := func(e *site.Entry) (string, error) {
		calls[e.Slug]++
		return "<p>x</p>", nil
	}
	if _, err := Build(newSite(t, "https://example.org/", threeStories()...), Options{Content: content}); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"oldest": 1, "middle": 1, "newest": 1}
	if len(calls) != len(want) || calls["oldest"] != 1 || calls["middle"] != 1 || calls["newest"] != 1 {
		t.Errorf("content calls = %v, want %v", calls, want)
	}
}

func TestFailedContentFallsBackToSummary(t *testing.T) {
	content := func(e *site.Entry) (string, error) {
		if e.Slug == "middle" {
			return "", errors.New("content/middle.md:7: bad table")
		}
		return "<p>ok</p>", nil
	}
	files, err := Build(newSite(t, "https://example.org/", threeStories()...), Options{Content: content})
	if err == nil || !strings.Contains(err.Error(), "content/middle.md:7: bad table") {
		t.Fatalf("err = %v, want the article's error", err)
	}
	f := parse(t, AtomName, byName(t, files)[AtomName])
	if len(f.Items) != 3 || f.Items[0].Content != "<p>ok</p>" || f.Items[1].Content != "" || f.Items[1].Description != "Summary of middle." {
		t.Errorf("items after a failed article: %+v", f.Items)
	}
}

func TestSpecialCharactersSurviveEveryFormat(t *testing.T) {
	e := entry("odd", 1, "R&D", `Q&A "live"`)
	e.Title = `Fish & Chips <b>not bold</b> "quoted" 'single'`
	e.Summary = `Less < more & "so" on`
	body := `<p>Tom &amp; Jerry</p><pre>]]&gt; ]]></pre>`
	files := build(t, newSite(t, "https://example.org/", e), Options{Content: func(*site.Entry) (string, error) { return body, nil }})
	for _, name := range formats {
		it := parse(t, name, files[name]).Items[0]
		if it.Title != e.Title {
			t.Errorf("%s title = %q, want %q", name, it.Title, e.Title)
		}
		if got := html.UnescapeString(it.Description); got != e.Summary {
			t.Errorf("%s summary = %q, want %q", name, got, e.Summary)
		}
		if it.Content != body {
			t.Errorf("%s content = %q, want %q", name, it.Content, body)
		}
		if got, want := it.Categories, []string{"R&D", `Q&A "live"`}; !slices.Equal(got, want) {
			t.Errorf("%s terms = %q, want %q", name, got, want)
		}
	}
}

func TestEmptySiteGivesValidEmptyFeeds(t *testing.T) {
	files := build(t, newSite(t, "https://example.org/"), Options{})
	if len(files) != 3 {
		t.Errorf("empty site wrote %d files, want the 3 site feeds", len(files))
	}
	for _, name := range formats {
		f := parse(t, name, files[name])
		if len(f.Items) != 0 || f.Title != "Daily Archive" {
			t.Errorf("%s: title %q, %d items; want the site title and none", name, f.Title, len(f.Items))
		}
	}
	f := parse(t, AtomName, files[AtomName])
	if f.UpdatedParsed == nil || !f.UpdatedParsed.Equal(buildTime) {
		t.Errorf("empty atom updated = %v, want the build time", f.UpdatedParsed)
	}
	var doc map[string]any
	if err := json.Unmarshal(files[JSONName], &doc); err != nil {
		t.Fatal(err)
	}
	if items, ok := doc["items"].([]any); !ok || len(items) != 0 {
		t.Errorf("empty JSON feed items = %#v, want []", doc["items"])
	}
}

func TestJSONFeedIsVersion11(t *testing.T) {
	s := newSite(t, "https://example.org/news/", threeStories()...)
	s.Config.Language = "de"
	files := build(t, s, Options{})
	var doc struct {
		Version     string `json:"version"`
		HomePageURL string `json:"home_page_url"`
		FeedURL     string `json:"feed_url"`
		Language    string `json:"language"`
		Authors     []struct {
			Name string `json:"name"`
			URL  string `json:"url"`
		} `json:"authors"`
		Items []struct {
			ID            string   `json:"id"`
			ContentText   *string  `json:"content_text"`
			DatePublished string   `json:"date_published"`
			DateModified  string   `json:"date_modified"`
			Tags          []string `json:"tags"`
		} `json:"items"`
	}
	if err := json.Unmarshal(files[JSONName], &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "https://jsonfeed.org/version/1.1" || doc.Language != "de" ||
		doc.HomePageURL != "https://example.org/news/" || doc.FeedURL != "https://example.org/news/feed.json" {
		t.Errorf("feed head = %+v", doc)
	}
	if len(doc.Authors) != 1 || doc.Authors[0].Name != "Daily Press" || doc.Authors[0].URL != "https://press.example/" {
		t.Errorf("authors = %+v", doc.Authors)
	}
	it := doc.Items[0]
	if it.ID != "https://example.org/news/2026/06/newest/" || it.ContentText == nil ||
		it.DatePublished != "2026-06-03T09:00:00+02:00" || it.DateModified != "2026-06-03T09:00:00+02:00" {
		t.Errorf("first item = %+v", it)
	}
}

func TestOnlyBuildsTheChosenFolders(t *testing.T) {
	s := newSite(t, "https://example.org/", entry("a", 1, "War"), entry("b", 2, "Sport"), entry("c", 3, "War"))
	folders := Folders(s)
	if len(folders) < 2 || folders[0].Base != "" {
		t.Fatalf("folders: %+v", folders)
	}
	want := folders[1].Base
	files, err := Build(s, Options{Only: func(base string) bool { return base == want }})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 {
		t.Fatalf("%d files", len(files))
	}
	for _, f := range files {
		if !strings.HasPrefix(f.Name, want) {
			t.Errorf("built %s outside %s", f.Name, want)
		}
	}
}

// A body with characters XML forbids still gives feeds every reader can
// parse, with U+FFFD in their place, in every format alike.
func TestForbiddenCharactersAreReplacedAndFeedsStillParse(t *testing.T) {
	s := newSite(t, "https://example.org/", threeStories()...)
	s.Config.Feeds.SectionContent = true
	body := "<p>A NUL \x00, a bell \a, a vertical tab \v, a bad byte \xff, U+FFFE \uFFFE and a café.</p>"
	files := build(t, s, Options{Content: func(e *site.Entry) (string, error) { return body, nil }})
	withContent := 0
	for name, data := range files {
		if bytes.ContainsAny(data, "\x00\a\v") || bytes.Contains(data, []byte("\xff")) || bytes.Contains(data, []byte("\uFFFE")) {
			t.Errorf("%s holds a character XML forbids", name)
		}
		f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s does not parse: %v", name, err)
			continue
		}
		for _, it := range f.Items {
			if it.Content == "" {
				continue // a feed of summaries
			}
			withContent++
			if !strings.Contains(it.Content, "and a café.") {
				t.Errorf("%s: %q lost the body's good text: %q", name, it.Title, it.Content)
			}
			if n := strings.Count(it.Content, "\uFFFD"); n != 5 {
				t.Errorf("%s: %q has %d replacement characters, want 5: %q", name, it.Title, n, it.Content)
			}
		}
	}
	if withContent < 3*3 {
		t.Errorf("%d entries with content, want the 3 articles in each format of the site's feed at least", withContent)
	}
}

func TestXMLSafe(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":         "plain text",
		"tab\tnl\ncr\r":      "tab\tnl\ncr\r",
		"nul\x00":            "nul\uFFFD",
		"\x1f\x7f":           "\uFFFD\x7f",
		"bad \xc3(":          "bad \uFFFD(",
		"\uFFFF\U0001F600":   "\uFFFD\U0001F600",
		"\u00e9\u2028\uE000": "\u00e9\u2028\uE000",
	} {
		if got := XMLSafe(in); got != want {
			t.Errorf("XMLSafe(%q) = %q, want %q", in, got, want)
		}
		_, bad := FirstForbidden(in)
		if bad != (in != want) {
			t.Errorf("FirstForbidden(%q) says %v", in, bad)
		}
	}
	if i, _ := FirstForbidden("ab\x00c"); i != 2 {
		t.Errorf("FirstForbidden offset = %d, want 2", i)
	}
}
