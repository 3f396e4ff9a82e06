package check

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// link is one URL found in a page, a feed or a sitemap.
type link struct {
	line, off int
	// tag and key name the element and attribute that hold the URL; desc,
	// when set, names where it was found instead.
	tag, key, desc string
	raw            string
	// from is the URL relative links resolve against: the page's, or its
	// base element's.
	from *url.URL
}

// String names where the link was found, such as `<a href="/x/">`.
func (l link) String() string {
	if l.desc != "" {
		return l.desc
	}
	return fmt.Sprintf("<%s %s=%q>", l.tag, l.key, shorten(l.raw))
}

// problem reports msg about the link, naming where it was found.
func (l link) problem(msg string) Problem {
	return Problem{Line: l.line, off: l.off, Msg: l.String() + ": " + msg}
}

// shorten cuts long values, such as data: URLs, for messages.
func shorten(val string) string {
	if len(val) > 80 {
		cut := 77
		for cut > 0 && !utf8.RuneStart(val[cut]) {
			cut--
		}
		val = val[:cut] + "..."
	}
	return val
}

// resolver decides which URLs are internal and which file of the site
// each one leads to.
type resolver struct {
	// base is the site's base URL, nil when it has none.
	base *url.URL
	// path is the base path, "/" or such as "/news/".
	path string
	ix   *index
}

// target is the file of the site a link leads to, and its fragment.
type target struct {
	file string
	frag string
}

// pageURL is the URL of a file of the site, which its relative links
// resolve against.
func (r *resolver) pageURL(file string) *url.URL {
	return &url.URL{Path: r.path + file}
}

// resolve follows raw as found on a page with URL from. It returns
// internal false for URLs that leave the site, and a message when the
// link is broken.
func (r *resolver) resolve(from *url.URL, raw string) (t target, internal bool, msg string) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return t, true, fmt.Sprintf("malformed URL: %v", unwrapURLError(err))
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
	case "javascript":
		return t, true, "javascript: URL (use a button and a script instead)"
	default:
		return t, false, ""
	}
	abs := from.ResolveReference(u)
	if abs.Host != "" && !r.ownHost(abs) {
		return t, false, ""
	}
	rel, ok := r.sitePath(abs.Path)
	if !ok {
		return t, true, fmt.Sprintf("link outside the base path %s", r.path)
	}
	file, ok := r.ix.lookup(rel)
	if !ok {
		return t, true, "broken link: " + r.missing(rel)
	}
	return target{file: file, frag: abs.Fragment}, true, ""
}

func (r *resolver) ownHost(u *url.URL) bool {
	return r.base != nil && strings.EqualFold(u.Host, r.base.Host)
}

// sitePath turns a URL path into a path inside the site, or reports that
// it lies outside the base path.
func (r *resolver) sitePath(p string) (string, bool) {
	if p == "" || p+"/" == r.path {
		return "", true
	}
	rel, ok := strings.CutPrefix(p, r.path)
	return rel, ok
}

func (r *resolver) missing(rel string) string {
	if rel == "" || strings.HasSuffix(rel, "/") {
		return fmt.Sprintf("no file %s", rel+"index.html")
	}
	return fmt.Sprintf("no file %s or %s/index.html", rel, rel)
}

func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// srcsetURLs returns the URLs of an img or source srcset attribute: a
// comma-separated list of "URL [descriptor]" candidates.
func srcsetURLs(v string) []string {
	var urls []string
	for {
		v = strings.TrimLeft(v, " \t\n\f\r,")
		if v == "" {
			return urls
		}
		end := strings.IndexAny(v, " \t\n\f\r")
		if end < 0 {
			end = len(v)
		}
		u := v[:end]
		v = v[end:]
		if trimmed := strings.TrimRight(u, ","); trimmed != u {
			urls = append(urls, trimmed)
			continue
		}
		urls = append(urls, u)
		v = skipDescriptor(v)
	}
}

// skipDescriptor skips a srcset candidate's descriptor, up to the comma
// that ends it; commas inside parentheses do not count.
func skipDescriptor(v string) string {
	depth := 0
	for i, c := range v {
		switch {
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == ',' && depth == 0:
			return v[i+1:]
		}
	}
	return ""
}

// refreshURL returns the URL of a meta refresh's content, such as
// "0; url=/news/x/", or "" when it has none.
func refreshURL(content string) string {
	_, rest, ok := strings.Cut(content, ";")
	if !ok {
		_, rest, ok = strings.Cut(content, ",")
	}
	if !ok {
		return ""
	}
	rest = strings.TrimSpace(rest)
	if len(rest) >= 3 && strings.EqualFold(rest[:3], "url") {
		rest = strings.TrimSpace(rest[3:])
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "="))
	}
	if len(rest) > 1 && (rest[0] == '\'' || rest[0] == '"') {
		if end := strings.IndexByte(rest[1:], rest[0]); end >= 0 {
			rest = rest[1 : end+1]
		}
	}
	return rest
}
