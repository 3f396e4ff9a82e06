package check

import (
	"fmt"
	"maps"
	"net/url"
	"newsgen/generator/workers"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// checker runs the two passes over one site.
type checker struct {
	dir     string
	r       *resolver
	workers int
}

// result is what the first pass finds in one file.
type result struct {
	probs []Problem
	// pending are the links whose fragment names an element of another
	// page, for the second pass.
	pending []pending
	err     error
}

// pending is a link to an element of another page.
type pending struct {
	file string
	link link
	to   target
}

// files is the first pass: it checks every file on its own, against the
// list of files, and returns the links left for the second pass.
func (c *checker) files() ([]Problem, []pending, error) {
	names := c.r.ix.names
	results := make([]result, len(names))
	workers.Each(c.workers, len(names), func(i int) {
		results[i] = c.file(names[i])
	})
	var probs []Problem
	var rest []pending
	for _, res := range results {
		if res.err != nil {
			return nil, nil, res.err
		}
		probs = append(probs, res.probs...)
		rest = append(rest, res.pending...)
	}
	return probs, rest, nil
}

func (c *checker) file(name string) result {
	ext := path.Ext(name)
	if !isHTML(name) && ext != ".xml" && ext != ".json" && name != robotsFile {
		return result{}
	}
	data, err := c.read(name)
	if err != nil {
		return result{err: err}
	}
	from := c.r.pageURL(name)
	var res result
	switch {
	case name == robotsFile:
	case ext == ".xml":
		links, probs := readXML(data, from)
		res = c.links(name, links, nil, probs)
	case ext == ".json":
		links, probs := readJSON(data, from)
		res = c.links(name, links, nil, probs)
	default:
		p := readPage(data, from)
		res = c.links(name, p.links, p.anchors, p.probs)
	}
	res.probs = append(res.probs, absoluteProblems(name, data)...)
	for i := range res.probs {
		res.probs[i].File = c.path(name)
	}
	return res
}

// links resolves the links of file name. Fragments are followed only from
// pages, which pass their anchors; a feed's links need only lead to a
// file.
func (c *checker) links(name string, links []link, anchors map[string]bool, probs []Problem) result {
	res := result{probs: probs}
	seen := map[target]bool{}
	for _, l := range links {
		to, internal, msg := c.r.resolve(l.from, l.raw)
		if msg == "" && name == notFoundPage && isPathRelative(l.raw) {
			msg = fmt.Sprintf("%s is served at every missing path, so its links must start with %s", notFoundPage, c.r.path)
		}
		switch {
		case msg != "":
			res.probs = append(res.probs, l.problem(msg))
		case !internal || anchors == nil || to.frag == "" || !isHTML(to.file):
		case to.file == name:
			if !hasAnchor(anchors, to.frag) {
				res.probs = append(res.probs, l.problem(fmt.Sprintf("no element with id %q on this page", to.frag)))
			}
		case !seen[to]:
			// One link per page to each element of another page is
			// enough to report it, and keeps the second pass small.
			seen[to] = true
			res.pending = append(res.pending, pending{file: name, link: l, to: to})
		}
	}
	return res
}

// fragments is the second pass: it reads each page that a link names an
// element of, and reports the names it lacks.
func (c *checker) fragments(links []pending) ([]Problem, error) {
	byTarget := map[string][]pending{}
	for _, l := range links {
		byTarget[l.to.file] = append(byTarget[l.to.file], l)
	}
	targets := slices.Sorted(maps.Keys(byTarget))
	results := make([]result, len(targets))
	workers.Each(c.workers, len(targets), func(i int) {
		results[i] = c.target(targets[i], byTarget[targets[i]])
	})
	var probs []Problem
	for _, res := range results {
		if res.err != nil {
			return nil, res.err
		}
		probs = append(probs, res.probs...)
	}
	return probs, nil
}

func (c *checker) target(name string, links []pending) result {
	data, err := c.read(name)
	if err != nil {
		return result{err: err}
	}
	anchors := readPage(data, c.r.pageURL(name)).anchors
	var res result
	for _, l := range links {
		if !hasAnchor(anchors, l.to.frag) {
			p := l.link.problem(fmt.Sprintf("no element with id %q in %s", l.to.frag, name))
			p.File = c.path(l.file)
			res.probs = append(res.probs, p)
		}
	}
	return res
}

// hasAnchor reports whether a fragment names an element. "top" needs
// none, and neither does a text fragment (":~:text=").
func hasAnchor(anchors map[string]bool, frag string) bool {
	return anchors[frag] || strings.EqualFold(frag, "top") || strings.HasPrefix(frag, ":~:")
}

// notFoundPage is the page static hosts serve for any missing path.
const notFoundPage = "404.html"

// isPathRelative reports whether a URL is a path relative to the page,
// which breaks on a page served at more than one path.
func isPathRelative(raw string) bool {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, "#") || strings.HasPrefix(raw, "?") {
		return false
	}
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == ""
}

func isHTML(name string) bool {
	ext := path.Ext(name)
	return ext == ".html" || ext == ".htm"
}

func (c *checker) read(name string) ([]byte, error) {
	data, err := os.ReadFile(c.path(name))
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	return data, nil
}

func (c *checker) path(name string) string {
	return filepath.Join(c.dir, filepath.FromSlash(name))
}
