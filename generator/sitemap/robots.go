package sitemap

import (
	"fmt"

	"newsgen/generator/site"
)

// robots writes robots.txt: every crawler welcome, and the absolute URLs
// of both sitemaps, which is the only form the Sitemap line accepts.
// Crawlers read robots.txt only at a host's root, so a site published
// under a sub-path has its lines copied there by whoever owns the root.
func robots(s *site.Site) []byte {
	return fmt.Appendf(nil, "User-agent: *\nDisallow:\n\nSitemap: %s\nSitemap: %s\n",
		s.Config.AbsURL(IndexName), s.Config.AbsURL(NewsName))
}
