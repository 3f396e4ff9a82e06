package config

import (
	"fmt"
	"net/url"
)

// Deploy tunes `newsgen deploy`, which copies the built site to object
// storage. Credentials never come from here: each cloud's own environment
// supplies them.
type Deploy struct {
	// To is the bucket URL deployed to when the command line names none,
	// such as "s3://bucket?region=eu-west-1" or "file:///srv/www".
	To string `toml:"to"`
	// MaxDeletes refuses a deploy that would delete more objects than
	// this, so that a broken build cannot empty the bucket. Unset or 0
	// means DefaultMaxDeletes; a negative number means no limit.
	MaxDeletes int `toml:"max_deletes"`
	// CacheControl is the Cache-Control header of each kind of file.
	CacheControl CacheControl `toml:"cache_control"`
}

// CacheControl holds a Cache-Control value per kind of file. HTML, feeds
// and sitemaps change with every new article, so browsers and CDNs keep
// them briefly; assets are revalidated unless their names carry a content
// hash, in which case they never change and are kept for a year.
type CacheControl struct {
	HTML    string `toml:"html"`
	Feed    string `toml:"feed"`
	Sitemap string `toml:"sitemap"`
	// Asset is a stylesheet, script, icon, image or font whose name does
	// not change with its content.
	Asset string `toml:"asset"`
	// HashedAsset is one whose name carries a hash of its content, such
	// as style.3f2a9c1b.css.
	HashedAsset string `toml:"hashed_asset"`
	// Other is every other file (robots.txt, JSON, text).
	Other string `toml:"other"`
}

// DefaultMaxDeletes is how many objects a deploy may delete unless the
// config or the command line says otherwise.
const DefaultMaxDeletes = 256

func (d *Deploy) fill() {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	if d.MaxDeletes == 0 {
		d.MaxDeletes = DefaultMaxDeletes
	}
	cc := &d.CacheControl
	def(&cc.HTML, "public, max-age=300")
	def(&cc.Feed, "public, max-age=300")
	def(&cc.Sitemap, "public, max-age=3600")
	def(&cc.Asset, "public, no-cache")
	def(&cc.HashedAsset, "public, max-age=31536000, immutable")
	def(&cc.Other, "public, max-age=3600")
}

func (d *Deploy) check() error {
	if d.To == "" {
		return nil
	}
	u, err := url.Parse(d.To)
	if err != nil || u.Scheme == "" {
		return fmt.Errorf("%s: deploy.to %q must be a bucket URL such as s3://bucket?region=us-east-1, gs://bucket, azblob://container or file:///path", FileName, d.To)
	}
	if u.User != nil {
		return fmt.Errorf("%s: deploy.to must not hold credentials; set them in the environment of the cloud instead", FileName)
	}
	return nil
}
