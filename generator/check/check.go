// Package check reads a built site the way a browser and a validator
// would, and reports what is broken: internal links and images that lead
// to no file, fragments that name no element, pages that are not sound
// HTML, duplicate ids, feeds or sitemaps that do not parse, and relative
// URLs where a specification requires an absolute one (see absolute.go).
//
// A link is internal when it is relative, when it starts with the site's
// base path, or when it is an absolute URL on the site's own host; it
// resolves the way a static host serves it: "x/" is "x/index.html", and
// "x" is the file x or, when x is a folder, "x/index.html".
//
// The check runs in two passes so that memory holds the site's file names
// and a page per worker, not the archive. The first pass reads every file
// once, in parallel, and checks all that needs only the file itself and
// the list of files. It keeps only the links whose fragment names an
// element of another page; the second pass reads just those target pages
// again for their ids.
package check

import (
	"cmp"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// Options says where the site is published.
type Options struct {
	// BaseURL is the URL the site is published at, such as
	// "https://example.org/news/", as in the site's config. Absolute URLs
	// on its host are internal; a path such as "/news/", or "", makes
	// every absolute URL external.
	BaseURL string
	// BasePath is the path the site is served under, such as "/news/";
	// "" means the path of BaseURL, or "/" without one.
	BasePath string
	// Workers bounds the files read at once; 0 means one per core.
	Workers int
}

// Problem is one thing wrong with one file of the site.
type Problem struct {
	// File is the file's path: the site folder joined with its path in it.
	File string
	// Line is the 1-based line, or 0 when the problem has none.
	Line int
	Msg  string
	// off is the byte offset, which orders problems on one long line.
	off int
}

// String formats the problem as "file:line: msg", or "file: msg" when it
// has no line.
func (p Problem) String() string {
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
}

// Site checks the built site in folder dir and returns its problems,
// sorted by file and position. The error is for a site that cannot be
// read at all, or options that do not parse.
func Site(dir string, o Options) ([]Problem, error) {
	r, err := newResolver(o)
	if err != nil {
		return nil, err
	}
	ix, err := scan(dir)
	if err != nil {
		return nil, err
	}
	r.ix = ix
	c := &checker{dir: dir, r: r, workers: o.Workers}
	if c.workers <= 0 {
		c.workers = runtime.GOMAXPROCS(0)
	}
	probs, pending, err := c.files()
	if err != nil {
		return nil, err
	}
	more, err := c.fragments(pending)
	if err != nil {
		return nil, err
	}
	probs = append(probs, more...)
	sortProblems(probs)
	return probs, nil
}

func newResolver(o Options) (*resolver, error) {
	r := &resolver{path: o.BasePath}
	if o.BaseURL != "" {
		u, err := url.Parse(o.BaseURL)
		if err != nil || u.Host == "" && !strings.HasPrefix(o.BaseURL, "/") {
			return nil, fmt.Errorf("check: base URL %q is neither an absolute URL such as https://example.org/news/ nor a path such as /news/", o.BaseURL)
		}
		if u.Host != "" {
			r.base = u
		}
		if r.path == "" {
			r.path = u.Path
		}
	}
	if !strings.HasPrefix(r.path, "/") {
		r.path = "/" + r.path
	}
	if !strings.HasSuffix(r.path, "/") {
		r.path += "/"
	}
	return r, nil
}

func sortProblems(ps []Problem) {
	slices.SortFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(filepath.ToSlash(a.File), filepath.ToSlash(b.File)),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.off, b.off),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}
