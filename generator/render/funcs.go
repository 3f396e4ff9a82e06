package render

import (
	"encoding/json"
	"html/template"
	"strings"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/content"
	"newsgen/generator/site"
)

// funcs are the helpers every layout may call.
func funcs(cfg *config.Config) template.FuncMap {
	base := cfg.BasePath()
	return template.FuncMap{
		// site is the configuration: site.Title, site.Language...
		"site": func() *config.Config { return cfg },
		// rel is a site path as an in-page link, under the base path.
		"rel": func(p string) string { return base + p },
		// abs is a site path as an absolute URL.
		"abs":      cfg.AbsURL,
		"isodate":  isoDate,
		"longdate": func(t time.Time) string { return t.Format("January 2, 2006") },
		// fulldate is a date line's date, with its weekday.
		"fulldate": func(t time.Time) string { return t.Format("Monday, January 2, 2006") },
		// isoday is a date's day alone, for a datetime attribute.
		"isoday": func(t time.Time) string { return t.Format("2006-01-02") },
		// days splits a list of articles, newest first, by day.
		"days": site.ByDay,
		// imageurl is a lead image's in-page address, imageabs its
		// absolute one, for a file under static/ or a URL alike.
		"imageurl": func(i *content.Image) string { return imageURL(i, func(p string) string { return base + p }) },
		"imageabs": func(i *content.Image) string { return imageURL(i, cfg.AbsURL) },
		"jsonld":   jsonLD,
		"add":      func(a, b int) int { return a + b },
		"int":      func(m time.Month) int { return int(m) },
		"lower":    strings.ToLower,
	}
}

// imageURL is a lead image's URL: a remote one as it is, a file under
// static/ at its place in the site.
func imageURL(i *content.Image, local func(string) string) string {
	if i == nil || i.Src == "" {
		return ""
	}
	if i.Remote() {
		return i.Src
	}
	return local(strings.TrimPrefix(i.Src, "/"))
}

// jsonLD marshals structured data for a <script type="application/ld+json">
// block. html/template escapes it for the script context.
func jsonLD(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	return template.JS(b), err
}

// isoDate writes a time for a datetime attribute: the day alone when the
// article has no time of day, as imported articles have not.
func isoDate(t time.Time) string {
	if h, m, s := t.Clock(); h == 0 && m == 0 && s == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}
