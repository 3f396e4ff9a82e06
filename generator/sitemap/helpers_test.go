package sitemap

import (
	"encoding/xml"
	"testing"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/site"
)

var buildTime = time.Date(2026, 6, 30, 12, 0, 0, 0, time.FixedZone("CEST", 2*3600))

// The documents' structs name their namespaces, so that parsing checks
// them too.
type urlsetDoc struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		LastMod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

type indexDoc struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		LastMod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemap"`
}

type newsDoc struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc  string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		News struct {
			Publication struct {
				Name     string `xml:"http://www.google.com/schemas/sitemap-news/0.9 name"`
				Language string `xml:"http://www.google.com/schemas/sitemap-news/0.9 language"`
			} `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication"`
			PublicationDate string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication_date"`
			Title           string `xml:"http://www.google.com/schemas/sitemap-news/0.9 title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

// newSite makes a site under baseURL, built at buildTime, that publishes
// future articles too so that the news window's far edge can be tested.
func newSite(t *testing.T, baseURL string, entries ...*site.Entry) *site.Site {
	t.Helper()
	cfg := config.Default()
	if err := cfg.SetBaseURL(baseURL); err != nil {
		t.Fatal(err)
	}
	cfg.Publisher.Name = "Daily Press"
	return site.New(cfg, entries, site.Options{BuildTime: buildTime, Future: true})
}

// files runs BuildLimit and returns its files by name.
func files(t *testing.T, s *site.Site, pages []Page, limit int) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, f := range BuildLimit(s, pages, limit) {
		if _, dup := m[f.Name]; dup {
			t.Fatalf("file %s written twice", f.Name)
		}
		m[f.Name] = f.Data
	}
	return m
}

// decode parses a file into v, failing when it is missing or not valid.
func decode(t *testing.T, files map[string][]byte, name string, v any) {
	t.Helper()
	data, ok := files[name]
	if !ok {
		t.Fatalf("no file %s", name)
	}
	if err := xml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, data)
	}
}
