package feed

import (
	"slices"
	"testing"
)

func hrefs(links []Link) []string {
	var out []string
	for _, l := range links {
		out = append(out, l.Href)
	}
	return out
}

func TestAlternatesNameSiteFeedsAndThePageCategory(t *testing.T) {
	s := newSite(t, "https://example.org/news/", append(threeStories(), entry("loose", 4, ""))...)
	siteFeeds := []string{"atom.xml", "rss.xml", "feed.json"}
	warFeeds := append(slices.Clone(siteFeeds), "category/war/atom.xml", "category/war/rss.xml", "category/war/feed.json")
	tests := []struct {
		name, page string
		want       []string
	}{
		{"home has the site feeds", "", siteFeeds},
		{"home page 2 has the site feeds", "page/2/", siteFeeds},
		{"category page adds its feeds", "category/war/", warFeeds},
		{"category page 3 adds its feeds", "category/war/page/3/", warFeeds},
		{"article adds its category's feeds", "2026/06/newest/", warFeeds},
		{"article without category has the site feeds", "2026/06/loose/", siteFeeds},
		{"unknown category has the site feeds", "category/sport/", siteFeeds},
		{"unknown article has the site feeds", "2026/05/newest/", siteFeeds},
		{"file path has the site feeds", "404.html", siteFeeds},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hrefs(Alternates(s, tt.page)); !slices.Equal(got, tt.want) {
				t.Errorf("Alternates(%q) = %q, want %q", tt.page, got, tt.want)
			}
		})
	}
}

func TestAlternatesTypesAndTitles(t *testing.T) {
	s := newSite(t, "https://example.org/", threeStories()...)
	got := Alternates(s, "category/economy/")
	want := []Link{
		{Type: "application/atom+xml", Title: "Daily Archive (Atom)", Href: "atom.xml"},
		{Type: "application/rss+xml", Title: "Daily Archive (RSS)", Href: "rss.xml"},
		{Type: "application/feed+json", Title: "Daily Archive (JSON Feed)", Href: "feed.json"},
		{Type: "application/atom+xml", Title: "Daily Archive: Economy (Atom)", Href: "category/economy/atom.xml"},
		{Type: "application/rss+xml", Title: "Daily Archive: Economy (RSS)", Href: "category/economy/rss.xml"},
		{Type: "application/feed+json", Title: "Daily Archive: Economy (JSON Feed)", Href: "category/economy/feed.json"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Alternates = %+v\nwant %+v", got, want)
	}
}

func TestAlternatesHrefsAreFilesBuildWrites(t *testing.T) {
	s := newSite(t, "https://example.org/", threeStories()...)
	files := build(t, s, Options{})
	for _, page := range []string{"", "category/war/", "category/economy/", "2026/06/middle/"} {
		for _, l := range Alternates(s, page) {
			if files[l.Href] == nil {
				t.Errorf("page %q announces %s, which Build does not write", page, l.Href)
			}
		}
	}
}
