package sitemap

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"newsgen/generator/site"
)

func article(slug string, date time.Time) *site.Entry {
	return &site.Entry{Title: "Story " + slug, Slug: slug, Date: date}
}

func TestNewsHoldsTheLastTwoDaysBothEdgesIncluded(t *testing.T) {
	s := newSite(t, "https://example.org/news/",
		article("future", buildTime.Add(time.Second)),
		article("now", buildTime),
		article("yesterday", buildTime.Add(-24*time.Hour)),
		article("edge", buildTime.Add(-48*time.Hour)),
		article("stale", buildTime.Add(-48*time.Hour-time.Second)),
	)
	var doc newsDoc
	decode(t, files(t, s, nil, MaxURLs), NewsName, &doc)
	var got []string
	for _, u := range doc.URLs {
		got = append(got, u.Loc)
	}
	want := []string{
		"https://example.org/news/2026/06/now/",
		"https://example.org/news/2026/06/yesterday/",
		"https://example.org/news/2026/06/edge/",
	}
	if !slices.Equal(got, want) {
		t.Errorf("news urls =\n%q\nwant\n%q", got, want)
	}
}

func TestNewsEntriesNamePublicationDateAndTitle(t *testing.T) {
	e := article("odd", buildTime.Add(-time.Hour))
	e.Title = `Fish & Chips <b> "quoted"`
	s := newSite(t, "https://example.org/", e)
	s.Config.Language = "en-GB"
	fs := files(t, s, nil, MaxURLs)
	var doc newsDoc
	decode(t, fs, NewsName, &doc)
	if len(doc.URLs) != 1 {
		t.Fatalf("%d news urls, want 1", len(doc.URLs))
	}
	n := doc.URLs[0].News
	if n.Publication.Name != "Daily Press" || n.Publication.Language != "en" ||
		n.PublicationDate != "2026-06-30T11:00:00+02:00" || n.Title != e.Title {
		t.Errorf("news entry = %+v", n)
	}
	if !strings.Contains(string(fs[NewsName]), `xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"`) {
		t.Errorf("news sitemap does not declare the news prefix:\n%s", fs[NewsName])
	}
}

func TestNewsIsEmptyWhenNothingIsRecent(t *testing.T) {
	s := newSite(t, "https://example.org/", article("old", buildTime.Add(-72*time.Hour)))
	var doc newsDoc
	decode(t, files(t, s, nil, MaxURLs), NewsName, &doc)
	if len(doc.URLs) != 0 {
		t.Errorf("%d news urls, want none", len(doc.URLs))
	}
}

func TestNewsLanguageIsISO639(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "en", "en-GB": "en", "pt_BR": "pt", "ZH-CN": "zh-cn", "zh-Hant": "zh-tw", "de": "de",
	} {
		if got := newsLanguage(lang); got != want {
			t.Errorf("newsLanguage(%q) = %q, want %q", lang, got, want)
		}
	}
}

func TestNewsStopsAtItsLimitKeepingTheNewest(t *testing.T) {
	var entries []*site.Entry
	for i := range MaxNews + 1 {
		entries = append(entries, article(fmt.Sprintf("s%d", i), buildTime.Add(-time.Duration(i)*time.Minute)))
	}
	var doc newsDoc
	decode(t, files(t, newSite(t, "https://example.org/", entries...), nil, MaxURLs), NewsName, &doc)
	if len(doc.URLs) != MaxNews || doc.URLs[0].Loc != "https://example.org/2026/06/s0/" {
		t.Errorf("%d news urls starting %q; want %d starting with the newest", len(doc.URLs), doc.URLs[0].Loc, MaxNews)
	}
}
