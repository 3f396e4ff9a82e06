package render

import (
	"encoding/json"
	"html/template"
	"strings"
	"time"

	"newsgen/generator/config"
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
		"jsonld":   jsonLD,
		"add":      func(a, b int) int { return a + b },
		"int":      func(m time.Month) int { return int(m) },
		"lower":    strings.ToLower,
	}
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
