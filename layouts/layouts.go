// Package layouts is newsgen's default theme: the HTML templates and the
// stylesheet that a site gets when its own layouts/ folder does not
// override them. They are embedded, so that a site root holding only
// seeds/ builds with nothing else installed.
package layouts

import "embed"

// FS holds the default layouts, with paths such as "article.html" and
// "partials/head.html", and the search page's script, search.js.
//
//go:embed *.html *.css *.js *.svg partials/*.html
var FS embed.FS
