package feed

import (
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"newsgen/generator/config"
	"newsgen/generator/site"
)

// formats are the feed file names, one per format.
var formats = []string{AtomName, RSSName, JSONName}

var (
	zone      = time.FixedZone("CEST", 2*3600)
	buildTime = time.Date(2026, 6, 30, 12, 0, 0, 0, zone)
)

// newSite makes a site under baseURL from entries, built at buildTime.
func newSite(t *testing.T, baseURL string, entries ...*site.Entry) *site.Site {
	t.Helper()
	cfg := config.Default()
	if err := cfg.SetBaseURL(baseURL); err != nil {
		t.Fatal(err)
	}
	cfg.Title = "Daily Archive"
	cfg.Description = "Every story we ran."
	cfg.Publisher = config.Publisher{Name: "Daily Press", URL: "https://press.example/"}
	return site.New(cfg, entries, site.Options{BuildTime: buildTime})
}

// entry makes an article published on a day of June 2026 at 09:00.
func entry(slug string, day int, category string, tags ...string) *site.Entry {
	e := &site.Entry{
		Title:   "Story " + slug,
		Slug:    slug,
		Summary: "Summary of " + slug + ".",
		Date:    time.Date(2026, 6, day, 9, 0, 0, 0, zone),
	}
	if category != "" {
		e.Category = site.NewTerm(category)
	}
	for _, t := range tags {
		e.Tags = append(e.Tags, site.NewTerm(t))
	}
	return e
}

// build runs Build and returns its files by name.
func build(t *testing.T, s *site.Site, opts Options) map[string][]byte {
	t.Helper()
	files, err := Build(s, opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return byName(t, files)
}

func byName(t *testing.T, files []File) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, f := range files {
		if _, dup := m[f.Name]; dup {
			t.Fatalf("file %s written twice", f.Name)
		}
		m[f.Name] = f.Data
	}
	return m
}

// parse reads a feed back as a feed reader would.
func parse(t *testing.T, name string, data []byte) *gofeed.Feed {
	t.Helper()
	if data == nil {
		t.Fatalf("no file %s", name)
	}
	f, err := gofeed.NewParser().ParseString(string(data))
	if err != nil {
		t.Fatalf("%s does not parse: %v\n%s", name, err, data)
	}
	want := map[string]string{AtomName: "atom", RSSName: "rss", JSONName: "json"}[name[strings.LastIndex(name, "/")+1:]]
	if f.FeedType != want {
		t.Fatalf("%s parses as %q, want %q", name, f.FeedType, want)
	}
	return f
}

func titles(f *gofeed.Feed) []string {
	var out []string
	for _, it := range f.Items {
		out = append(out, it.Title)
	}
	return out
}
