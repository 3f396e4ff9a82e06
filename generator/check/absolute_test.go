package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A site whose every place that needs an absolute URL has a relative
// one, beside the same places done right: every relative one is named,
// and none of the absolute ones.
func TestRelativeURLsWhereAbsoluteOnesAreRequired(t *testing.T) {
	site := map[string]string{
		"story/index.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>S</title>
<link rel="canonical" href="/story/">
<link rel="alternate" type="application/atom+xml" href="/atom.xml">
<meta property="og:url" content="/story/">
<meta property="og:image" content="/img/a.jpg">
<meta name="twitter:image" content="../img/a.jpg">
<meta property="og:title" content="/not/a/url">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","@id":"/story/#article",
"url":"/story/","image":["/img/a.jpg","https://example.org/img/ok.jpg"],
"publisher":{"@type":"Organization","url":"https://example.org/","logo":{"@type":"ImageObject","url":"/logo.svg"}},
"headline":"/not/a/url"}</script>
</head><body><a href="/story/">self</a><img src="/img/a.jpg" alt=""></body></html>`,
		"index.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>H</title>
<link rel="canonical" href="https://example.org/">
<meta property="og:url" content="https://example.org/">
<script type="application/ld+json">{"@type":"WebSite","url":"https://example.org/"}</script>
</head><body><a href="story/">story</a></body></html>`,
		"img/a.jpg":  "jpeg",
		"logo.svg":   "<svg/>",
		"robots.txt": "User-agent: *\nAllow: /\n\nSitemap: /sitemap.xml\nsitemap: https://example.org/news-sitemap.xml\n",
		"sitemap.xml": `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>https://example.org/</loc></url>
<url><loc>/story/</loc><image:image><image:loc>/img/a.jpg</image:loc></image:image></url>
</urlset>`,
		"news-sitemap.xml": `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>sitemap.xml</loc></sitemap></sitemapindex>`,
		"atom.xml": `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>/</id>
<link rel="self" href="/atom.xml"/><link rel="alternate" href="https://example.org/"/>
<icon>/img/a.jpg</icon>
<entry><title>S</title><id>https://example.org/story/</id><link href="/story/"/></entry>
<entry><title>S2</title><id>/story/</id><link href="https://example.org/story/"/></entry>
</feed>`,
		"rss.xml": `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title><link>/</link>
<atom:link href="/rss.xml" rel="self" type="application/rss+xml"/>
<image><url>/img/a.jpg</url><title>T</title><link>https://example.org/</link></image>
<item><title>A</title><link>/story/</link><guid>/story/</guid><enclosure url="/img/a.jpg" type="image/jpeg" length="4"/></item>
<item><title>B</title><link>https://example.org/story/</link><guid isPermaLink="true">story</guid></item>
<item><title>C</title><link>https://example.org/story/</link><guid isPermaLink="false">tag:example.org,2026:c</guid></item>
</channel></rss>`,
		"feed.json": `{"version":"https://jsonfeed.org/version/1.1","title":"T","home_page_url":"/","feed_url":"https://example.org/feed.json",
"icon":"/img/a.jpg","authors":[{"name":"A","url":"/about/"}],
"items":[{"id":"1","url":"/story/","image":"https://example.org/img/a.jpg"},{"id":"2","url":"https://example.org/story/","external_url":"//other.example/x"}]}`,
		"other.json": `{"url":"/not/a/feed/"}`,
	}
	dir := t.TempDir()
	for name, text := range site {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	probs, err := Site(dir, Options{BaseURL: "/"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range probs {
		if strings.Contains(p.Msg, "needs an absolute URL") {
			rel, _ := filepath.Rel(dir, p.File)
			got = append(got, filepath.ToSlash(rel)+": "+strings.TrimSuffix(p.Msg, " "+absoluteHint))
		} else {
			t.Errorf("other problem: %s", p)
		}
	}
	want := []string{
		`atom.xml: <id> "/"`,
		`atom.xml: <link href> "/atom.xml"`,
		`atom.xml: <icon> "/img/a.jpg"`,
		`atom.xml: <link href> "/story/"`,
		`atom.xml: <id> "/story/"`,
		`feed.json: home_page_url "/"`,
		`feed.json: icon "/img/a.jpg"`,
		`feed.json: authors[0].url "/about/"`,
		`feed.json: items[0].url "/story/"`,
		`feed.json: items[1].external_url "//other.example/x"`,
		`news-sitemap.xml: <loc> "sitemap.xml"`,
		`robots.txt: Sitemap: "/sitemap.xml"`,
		`rss.xml: <link> "/"`,
		`rss.xml: <link href> "/rss.xml"`,
		`rss.xml: <image><url> "/img/a.jpg"`,
		`rss.xml: <link> "/story/"`,
		`rss.xml: <guid isPermaLink> "/story/"`,
		`rss.xml: <enclosure url> "/img/a.jpg"`,
		`rss.xml: <guid isPermaLink> "story"`,
		`sitemap.xml: <loc> "/story/"`,
		`sitemap.xml: <loc> "/img/a.jpg"`,
		`story/index.html: canonical link "/story/"`,
		`story/index.html: og:url "/story/"`,
		`story/index.html: og:image "/img/a.jpg"`,
		`story/index.html: twitter:image "../img/a.jpg"`,
		`story/index.html: JSON-LD "@id": "/story/#article"`,
		`story/index.html: JSON-LD "image": "/img/a.jpg"`,
		`story/index.html: JSON-LD "url": "/logo.svg"`,
		`story/index.html: JSON-LD "url": "/story/"`,
	}
	seen := map[string]int{}
	for _, g := range got {
		seen[g]++
	}
	for _, w := range want {
		if seen[w] == 0 {
			t.Errorf("not reported: %s", w)
		}
		delete(seen, w)
	}
	for g := range seen {
		t.Errorf("reported, but absolute or not a URL: %s", g)
	}
	if t.Failed() {
		t.Logf("all reported:\n%s", strings.Join(got, "\n"))
	}
}

func TestIsAbsolute(t *testing.T) {
	for raw, want := range map[string]bool{
		"https://example.org/": true, "http://example.org": true, " https://example.org/x ": true,
		"mailto:desk@example.org": true, "/": false, "/x/": false, "x/": false, "//example.org/": false,
		"": false, "#top": false, "https://": false,
	} {
		if got := isAbsolute(raw); got != want {
			t.Errorf("isAbsolute(%q) = %v, want %v", raw, got, want)
		}
	}
}
