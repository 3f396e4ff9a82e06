// Package minifiers minifies every file newsgen writes, chosen by the
// file's extension. It is the one place where output is minified.
package minifiers

import (
	"bytes"
	"fmt"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Minifier minifies by file name. It is safe for concurrent use.
type Minifier struct {
	m *minify.M
}

var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "text/xml",
}

// New returns a minifier for HTML, CSS, JS, JSON, SVG and XML. HTML keeps
// its document tags and quotes where dropping them would make the page
// harder to check; everything else is minified as far as it goes.
func New() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	// The types newsgen writes, named as well: a name is looked up before
	// the patterns are tried, and every page holds structured data.
	for _, t := range []string{"application/javascript", "text/javascript"} {
		m.AddFunc(t, js.Minify)
	}
	for _, t := range []string{"application/json", "application/ld+json"} {
		m.AddFunc(t, json.Minify)
	}
	m.AddFunc("text/xml", xml.Minify)
	return &Minifier{m: m}
}

// Minify returns data minified for the type its name implies; files of
// other types come back as they are.
func (m *Minifier) Minify(name string, data []byte) ([]byte, error) {
	var out bytes.Buffer
	if err := m.MinifyTo(&out, name, data); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// MinifyTo appends data, minified for the type its name implies, to out;
// a caller that reuses out spares the garbage collector a page's worth of
// bytes per file.
func (m *Minifier) MinifyTo(out *bytes.Buffer, name string, data []byte) error {
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		out.Write(data)
		return nil
	}
	out.Grow(len(data))
	if err := m.m.Minify(mt, out, bytes.NewReader(data)); err != nil {
		return fmt.Errorf("%s: minifying: %w", name, err)
	}
	return nil
}
