package pipeline

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"newsgen/generator/config"
	"newsgen/generator/feed"
	"newsgen/generator/site"
)

// warn records a line the build went on despite.
func (r *Report) warn(line string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Warnings = append(r.Warnings, line)
}

// forbiddenWarning names the first character of a content file that XML
// forbids, by file and line, and how many there are: the feeds are
// written with U+FFFD in their place, and the editor should know where
// to look.
func forbiddenWarning(root, name string) string {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		return fmt.Sprintf("%s: has characters XML forbids; the feeds show U+FFFD in their place", name)
	}
	text := string(data)
	off, bad := feed.FirstForbidden(text)
	if !bad {
		return "" // changed since it was read; the next build looks again
	}
	line := 1 + strings.Count(text[:off], "\n")
	what := "a byte that is not UTF-8"
	if r, size := utf8.DecodeRuneInString(text[off:]); r != utf8.RuneError || size > 1 {
		what = fmt.Sprintf("character U+%04X", r)
	}
	more := ""
	if n := countForbidden(text[off:]) - 1; n > 0 {
		more = fmt.Sprintf(" (and %d more in the file)", n)
	}
	return fmt.Sprintf("%s:%d: %s cannot go into a feed (XML forbids it)%s; the feeds show U+FFFD in its place", name, line, what, more)
}

func countForbidden(s string) int {
	n := 0
	for {
		off, bad := feed.FirstForbidden(s)
		if !bad {
			return n
		}
		n++
		_, size := utf8.DecodeRuneInString(s[off:])
		s = s[off+size:]
	}
}

// warnBaseURL says, once a build, that a site without an absolute base
// URL publishes relative URLs where the specifications want absolute
// ones: the canonical link and Open Graph URLs, JSON-LD, sitemaps,
// robots.txt and every feed. The site still builds, for a local preview;
// `newsgen check` fails it.
func (r *Report) warnBaseURL(cfg *config.Config, log io.Writer) {
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Scheme != "" && u.Host != "" {
		return
	}
	w := fmt.Sprintf("%s: base_url is %q, not an absolute URL: feeds, sitemaps, robots.txt and canonical links need one; "+
		"set base_url = \"https://example.org/\" (where the site is published) in %s, or pass -base-url",
		config.FileName, cfg.BaseURL, config.FileName)
	r.warn(w)
	fmt.Fprintln(log, w)
}

// metaWarnings names the articles of the feeds about to be made whose
// title, summary, category or tags hold characters XML forbids (a YAML
// escape such as "\0" puts them there): the XML feeds show U+FFFD in
// their place.
func (r *renderer) metaWarnings(todo map[string]string) {
	seen := map[*site.Entry]bool{}
	for _, f := range feed.Folders(r.site) {
		if _, ok := todo[f.Base]; !ok {
			continue
		}
		for _, e := range f.Entries {
			if seen[e] {
				continue
			}
			seen[e] = true
			if field := forbiddenField(e); field != "" {
				r.feedWarning(fmt.Sprintf("%s:%d: the %s holds a character XML forbids; the feeds show U+FFFD in its place",
					e.Source, fieldLine(r.opts.Root, e.Source, field), field))
			}
		}
	}
}

// forbiddenField names the first front-matter field of e that a feed
// cannot hold as it is, or "".
func forbiddenField(e *site.Entry) string {
	fields := [][2]string{{"title", e.Title}, {"summary", e.Summary}, {"category", e.Category.Name}}
	for _, t := range e.Tags {
		fields = append(fields, [2]string{"tags", t.Name})
	}
	for _, f := range fields {
		if _, bad := feed.FirstForbidden(f[1]); bad {
			return f[0]
		}
	}
	return ""
}

// fieldLine is the line of a content file on which a front-matter key
// starts, or 1 when it cannot be found.
func fieldLine(root, name, key string) int {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		return 1
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, key+":") {
			return i + 1
		}
	}
	return 1
}
