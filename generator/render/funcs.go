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
		"abs":     cfg.AbsURL,
		"isodate": isoDate,
		// stamp and when write a date for a datetime attribute and for
		// the reader, with its time of day when it has one.
		"stamp":    stamp,
		"when":     when,
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

// stamp writes a date for a datetime attribute: RFC 3339 when it has a
// time of day, else the day alone.
func stamp(t time.Time, hasTime bool) string {
	if hasTime {
		return t.Format(time.RFC3339)
	}
	return t.Format("2006-01-02")
}

// when writes a date for the reader: "3 November 2026", and ", 14:05"
// when it has a time of day.
func when(t time.Time, hasTime bool) string {
	if hasTime {
		return t.Format("2 January 2006, 15:04")
	}
	return t.Format("2 January 2006")
}
