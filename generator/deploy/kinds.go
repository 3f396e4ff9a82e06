package deploy

import (
	"path"
	"regexp"
	"strings"

	"newsgen/generator/config"
)

// Kind is what a file is to a browser or a CDN; it decides the file's
// Cache-Control.
type Kind string

// The kinds of file a site holds.
const (
	KindHTML        Kind = "html"
	KindFeed        Kind = "feed"
	KindSitemap     Kind = "sitemap"
	KindAsset       Kind = "asset"
	KindHashedAsset Kind = "hashed_asset"
	KindOther       Kind = "other"
)

// types maps a file extension to its Content-Type. The table is the
// project's own rather than the machine's MIME database, so that every
// machine uploads the same headers.
var types = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".xml":         "application/xml; charset=utf-8",
	".xsl":         "application/xslt+xml",
	".txt":         "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".ico":         "image/vnd.microsoft.icon",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".pdf":         "application/pdf",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	".pf_meta":     "application/octet-stream",
	".pf_index":    "application/octet-stream",
	".pf_fragment": "application/octet-stream",
}

// feedTypes are the types of the feeds a site writes, by file name.
var feedTypes = map[string]string{
	"rss.xml":   "application/rss+xml; charset=utf-8",
	"atom.xml":  "application/atom+xml; charset=utf-8",
	"feed.json": "application/feed+json; charset=utf-8",
}

// hashedName matches names that carry a hash of their content, such as
// style.3f2a9c1b.css or app-5d41402abc4b2a76.js: their bytes never change
// under that name.
var hashedName = regexp.MustCompile(`[.-][0-9a-fA-F]{8,}\.[a-z0-9]+$`)

// ContentType returns the Content-Type of a file by its name.
func ContentType(name string) string {
	base := path.Base(name)
	if t, ok := feedTypes[base]; ok {
		return t
	}
	ext := strings.ToLower(path.Ext(base))
	if t, ok := types[ext]; ok {
		return t
	}
	if ext == "" || base == "CNAME" {
		return "text/plain; charset=utf-8"
	}
	return "application/octet-stream"
}

// KindOf returns the kind of a file by its name.
func KindOf(name string) Kind {
	base := path.Base(name)
	ext := strings.ToLower(path.Ext(base))
	switch {
	case ext == ".html" || ext == ".htm":
		return KindHTML
	case feedTypes[base] != "":
		return KindFeed
	case ext == ".xml" && strings.Contains(base, "sitemap"):
		return KindSitemap
	case isAsset(ext) && hashedName.MatchString(base):
		return KindHashedAsset
	case isAsset(ext):
		return KindAsset
	}
	return KindOther
}

func isAsset(ext string) bool {
	switch ext {
	case ".css", ".js", ".mjs", ".svg", ".ico", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff", ".woff2", ".wasm":
		return true
	}
	return false
}

// CacheControlFor returns the Cache-Control the table gives a kind.
func CacheControlFor(cc config.CacheControl, k Kind) string {
	switch k {
	case KindHTML:
		return cc.HTML
	case KindFeed:
		return cc.Feed
	case KindSitemap:
		return cc.Sitemap
	case KindAsset:
		return cc.Asset
	case KindHashedAsset:
		return cc.HashedAsset
	}
	return cc.Other
}
