package content

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// rawMeta is Meta as YAML spells it: dates stay text until they are checked,
// so that a bad date can be reported with its line.
type rawMeta struct {
	Meta    `yaml:",inline"`
	Date    yaml.Node `yaml:"date"`
	Updated yaml.Node `yaml:"updated"`
	Authors yaml.Node `yaml:"authors"`
	Author  yaml.Node `yaml:"author"`
}

var errNoFrontMatter = errors.New("no front matter: the file must start with a line of three dashes (---)")

// Parse reads an article from the bytes of a content file. name is the
// file's path, used in errors and to derive a missing slug.
func Parse(name string, data []byte) (*Article, error) {
	a, body, err := parse(name, data)
	if err != nil {
		return nil, err
	}
	a.Body = body
	return a, nil
}

// ParseMeta reads only the front matter of a content file, for the stages
// that need an article's place in the archive but not its text.
func ParseMeta(name string, data []byte) (*Article, error) {
	a, _, err := parse(name, data)
	return a, err
}

// Body returns the Markdown after a content file's front matter without
// reading the front matter: a build that has read it already needs only
// the text.
func Body(name string, data []byte) (string, error) {
	_, body, _, err := split(data)
	if err != nil {
		return "", fmt.Errorf("%s:1: %w", name, err)
	}
	return body, nil
}

func parse(name string, data []byte) (*Article, string, error) {
	head, body, bodyLine, err := split(data)
	if err != nil {
		return nil, "", fmt.Errorf("%s:1: %w", name, err)
	}
	a, err := parseMeta(name, head)
	if err != nil {
		return nil, "", err
	}
	a.BodyLine = bodyLine
	return a, body, nil
}

func parseMeta(name string, head []byte) (*Article, error) {
	if len(bytes.TrimSpace(head)) == 0 {
		return nil, fmt.Errorf("%s:1: front matter is empty: it needs at least a title and a date", name)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(head, &doc); err != nil {
		return nil, yamlError(name, err)
	}
	var raw rawMeta
	if err := doc.Decode(&raw); err != nil {
		return nil, yamlError(name, err)
	}
	a := &Article{Meta: raw.Meta, Path: name, Warnings: unknownKeys(name, &doc)}
	var err error
	if a.Date, a.DateHasTime, err = parseDate(name, "date", &raw.Date, true); err != nil {
		return nil, err
	}
	if a.Updated, a.UpdatedHasTime, err = parseDate(name, "updated", &raw.Updated, false); err != nil {
		return nil, err
	}
	if a.Authors, err = names(name, &raw.Authors, &raw.Author); err != nil {
		return nil, err
	}
	if strings.TrimSpace(a.Title) == "" {
		return nil, fmt.Errorf("%s:1: front matter has no title", name)
	}
	if a.Slug == "" {
		a.Slug = strings.TrimSuffix(path.Base(name), path.Ext(name))
	}
	if !validSlug(a.Slug) {
		return nil, fmt.Errorf("%s:1: slug %q may hold only a-z, 0-9 and inner hyphens", name, a.Slug)
	}
	return a, nil
}

// split cuts a content file into its front matter and its body. It keeps
// count of lines so that errors in either part name the file's real line.
func split(data []byte) (head []byte, body string, bodyLine int, err error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	if !strings.HasPrefix(text, "---\n") {
		return nil, "", 0, errNoFrontMatter
	}
	rest := text[len("---\n"):]
	if rest == "---" || strings.HasPrefix(rest, "---\n") {
		// Closed at once: an empty front matter, for parseMeta to name.
		body = strings.TrimPrefix(rest[len("---"):], "\n")
		trimmed := strings.TrimLeft(body, "\n")
		return nil, trimmed, 3 + len(body) - len(trimmed), nil
	}
	end := strings.Index(rest, "\n---\n")
	closeLen := len("\n---\n")
	if end < 0 && strings.HasSuffix(rest, "\n---") {
		end, closeLen = len(rest)-len("\n---"), len("\n---")
	}
	if end < 0 {
		return nil, "", 0, errors.New("front matter is not closed by a line of three dashes (---)")
	}
	head = []byte(rest[:end+1])
	body = rest[end+closeLen:]
	bodyLine = 2 + strings.Count(rest[:end+closeLen], "\n")
	trimmed := strings.TrimLeft(body, "\n")
	bodyLine += len(body) - len(trimmed)
	return head, trimmed, bodyLine, nil
}

var yamlLine = regexp.MustCompile(`^yaml: (?:unmarshal errors:\n\s*)?line (\d+): `)

// yamlError turns the YAML library's error into "file:line: what", counting
// the opening dashes so that the line is the file's own.
func yamlError(name string, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		rest := strings.SplitN(msg[len(m[0]):], "\n", 2)[0]
		return fmt.Errorf("%s:%d: front matter: %s", name, n+1, rest)
	}
	return fmt.Errorf("%s:1: front matter: %s", name, strings.TrimPrefix(msg, "yaml: "))
}

// dateLayouts are the spellings of a date key: a day, then times of day
// with a zone, then times without one.
var dateLayouts = []string{DateLayout, time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04Z07:00",
	"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// zoned is the number of dateLayouts, after the first, that carry a zone.
const zoned = 4

// UTC is the zone of a time written with "Z" or "+00:00": unlike
// time.UTC, which stands for "no zone written", it is never moved into the
// site's time zone.
var UTC = time.FixedZone("UTC", 0)

// parseDate reads a date key and says whether it has a time of day. Dates
// without a zone are taken as time.UTC here; the site model moves them
// into the site's time zone. A time with a zone keeps it.
func parseDate(name, key string, n *yaml.Node, required bool) (time.Time, bool, error) {
	if n.Kind == 0 {
		if required {
			return time.Time{}, false, fmt.Errorf("%s:1: front matter has no %s", name, key)
		}
		return time.Time{}, false, nil
	}
	for i, layout := range dateLayouts {
		t, err := time.Parse(layout, n.Value)
		if err != nil {
			continue
		}
		if i >= 1 && i <= zoned && t.Location() == time.UTC {
			t = t.In(UTC)
		}
		return t, i > 0, nil
	}
	return time.Time{}, false, fmt.Errorf("%s:%d: %s %q is not a date like 2026-06-29 or 2026-06-29T14:05:00+02:00", name, n.Line+1, key, n.Value)
}

// names reads the authors: a list of names or one name under "authors",
// or one name under "author". Empty names are dropped.
func names(file string, authors, author *yaml.Node) ([]string, error) {
	n := authors
	if n.Kind == 0 {
		n = author
	}
	var out []string
	switch n.Kind {
	case 0:
		return nil, nil
	case yaml.ScalarNode:
		if n.Tag != "!!null" {
			out = append(out, n.Value)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("%s:%d: authors: each author is a name", file, c.Line+1)
			}
			out = append(out, c.Value)
		}
	default:
		return nil, fmt.Errorf("%s:%d: authors: a list of names, such as [Jane Doe, John Roe]", file, n.Line+1)
	}
	kept := out[:0]
	for _, s := range out {
		if s = strings.TrimSpace(s); s != "" {
			kept = append(kept, s)
		}
	}
	return kept, nil
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

func validSlug(s string) bool { return slugPattern.MatchString(s) }
