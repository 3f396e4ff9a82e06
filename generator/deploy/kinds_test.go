package deploy

import (
	"testing"

	"gocloud.dev/blob"

	"newsgen/generator/config"
)

func TestContentTypesAndKinds(t *testing.T) {
	cc := config.Default().Deploy.CacheControl
	cases := []struct {
		name, typ string
		kind      Kind
	}{
		{"index.html", "text/html; charset=utf-8", KindHTML},
		{"2026/06/slug/index.html", "text/html; charset=utf-8", KindHTML},
		{"404.html", "text/html; charset=utf-8", KindHTML},
		{"style.css", "text/css; charset=utf-8", KindAsset},
		{"style.3f2a9c1b.css", "text/css; charset=utf-8", KindHashedAsset},
		{"js/app-5d41402abc4b2a76.js", "text/javascript; charset=utf-8", KindHashedAsset},
		{"favicon.svg", "image/svg+xml", KindAsset},
		{"favicon.ico", "image/vnd.microsoft.icon", KindAsset},
		{"rss.xml", "application/rss+xml; charset=utf-8", KindFeed},
		{"tag/peace/atom.xml", "application/atom+xml; charset=utf-8", KindFeed},
		{"category/world/feed.json", "application/feed+json; charset=utf-8", KindFeed},
		{"sitemap.xml", "application/xml; charset=utf-8", KindSitemap},
		{"news-sitemap.xml", "application/xml; charset=utf-8", KindSitemap},
		{"robots.txt", "text/plain; charset=utf-8", KindOther},
		{"CNAME", "text/plain; charset=utf-8", KindOther},
		{"search/index.json", "application/json", KindOther},
		{"data.bin", "application/octet-stream", KindOther},
		{"PHOTO.JPG", "image/jpeg", KindAsset},
	}
	for _, c := range cases {
		if got := ContentType(c.name); got != c.typ {
			t.Errorf("ContentType(%q) = %q, want %q", c.name, got, c.typ)
		}
		if got := KindOf(c.name); got != c.kind {
			t.Errorf("KindOf(%q) = %q, want %q", c.name, got, c.kind)
		}
	}
	if CacheControlFor(cc, KindHTML) == CacheControlFor(cc, KindHashedAsset) || CacheControlFor(cc, KindAsset) != "public, no-cache" {
		t.Errorf("default cache control: html %q, hashed %q, asset %q", cc.HTML, cc.HashedAsset, cc.Asset)
	}
}

func TestPlanOrdersUploadsAndGuardsDeletes(t *testing.T) {
	site := &localSite{files: map[string]*localFile{}}
	for _, k := range []string{"index.html", "2026/06/a/index.html", "style.css", "rss.xml", "sitemap.xml", "page/2/index.html", "robots.txt", "same.html"} {
		site.files[k] = &localFile{key: k, obj: Object{Size: 1, MD5: "aa", Type: ContentType(k)}}
	}
	remote := newManifest()
	remote.Objects["same.html"] = Object{Size: 1, MD5: "aa", Type: ContentType("same.html")}
	remote.Objects["index.html"] = Object{Size: 1, MD5: "bb"}
	remote.Objects["gone/index.html"] = Object{Size: 1, MD5: "cc"}
	remote.Objects["gone.css"] = Object{Size: 1, MD5: "dd"}
	p := makePlan(site, remote)
	want := []string{"style.css", "robots.txt", "2026/06/a/index.html", "page/2/index.html", "index.html", "rss.xml", "sitemap.xml"}
	if len(p.uploads) != len(want) {
		t.Fatalf("uploads %q, want %q", p.uploads, want)
	}
	for i := range want {
		if p.uploads[i] != want[i] {
			t.Fatalf("uploads %q, want %q", p.uploads, want)
		}
	}
	if p.unchanged != 1 || len(p.deletes) != 2 || p.added["index.html"] || !p.added["style.css"] {
		t.Errorf("plan %+v", p)
	}
	if err := p.guard(1); err == nil || err.Error() != "deploy: refusing to delete 2 objects, more than -max-deletes 1 allows; if the site really lost them, run again with -max-deletes 2" {
		t.Errorf("guard(1) = %v", err)
	}
	if p.guard(2) != nil || p.guard(-1) != nil {
		t.Error("the guard refused an allowed number of deletions")
	}
}

func TestObjectWithOtherHeadersIsUploadedAgain(t *testing.T) {
	o := Object{Size: 3, MD5: "ab", Type: "text/html; charset=utf-8", Cache: "public, max-age=300"}
	cases := map[string]struct {
		remote Object
		same   bool
	}{
		"identical":        {o, true},
		"listed, no heads": {Object{Size: 3, MD5: "ab"}, true},
		"other bytes":      {Object{Size: 3, MD5: "cd", Type: o.Type, Cache: o.Cache}, false},
		"other size":       {Object{Size: 4, MD5: "ab", Type: o.Type, Cache: o.Cache}, false},
		"other cache":      {Object{Size: 3, MD5: "ab", Type: o.Type, Cache: "no-store"}, false},
		"other type":       {Object{Size: 3, MD5: "ab", Type: "text/plain", Cache: o.Cache}, false},
		"unknown upload":   {Object{}, false},
	}
	for name, c := range cases {
		if got := o.same(c.remote); got != c.same {
			t.Errorf("%s: same = %v, want %v", name, got, c.same)
		}
	}
}

func TestEveryDocumentedSchemeHasADriver(t *testing.T) {
	for _, scheme := range []string{"s3", "gs", "azblob", "file"} {
		if !blob.DefaultURLMux().ValidBucketScheme(scheme) {
			t.Errorf("no blob driver for %s://", scheme)
		}
	}
}
