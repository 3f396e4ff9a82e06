// Package seed turns seeds, news articles saved from a site's pages as
// plain text, into articles (see SEED-FORMAT.md for the contract).
//
// A seed is read top to bottom: site chrome is dropped wherever it
// stands; a dateline near the top gives the date; then come an optional
// breadcrumb (which names the category), the title, an optional lead image
// (caption and credit), an optional dek (the summary), and the body, whose
// short blocks between paragraphs are subheadings and whose runs of
// "-", "•", "*", "1." or "1)" lines are lists. A "Tags:" or "Topics:" line
// gives the tags.
//
// The date comes from the first of three rules that gives one, recorded
// in date_source: "seed" (the dateline), "inferred" (the latest date the
// text mentions that is not after the seed file's time; a date without a
// year takes the first year that puts it at or after the latest dated
// event the text mentions, so "June 28" after "August 2025" is in 2026),
// and "file" (the seed file's modification time).
//
// Parse is pure: text in, article out. Package importer runs it over a
// folder of seeds and writes the content files.
package seed

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"newsgen/generator/content"
)

// Options tunes Parse.
type Options struct {
	// Rules tells site chrome from text; nil means the built-in rules.
	Rules *Rules
	// MaxBytes is the largest seed accepted; 0 means no limit.
	MaxBytes int64
	// Location is the time zone of dates; nil means UTC.
	Location *time.Location
}

// Parse turns one seed into an article. name is the seed's path as
// messages should show it; its base name becomes the article's seed key.
// modTime is the seed file's modification time, the date of last resort.
// The notes say what was repaired on the way (such as an encoding).
// A seed that is not an article is an error that says why.
func Parse(name string, data []byte, modTime time.Time, opts Options) (*content.Article, []string, error) {
	if opts.MaxBytes > 0 && int64(len(data)) > opts.MaxBytes {
		return nil, nil, fmt.Errorf("%s: %w", name, TooLarge(int64(len(data)), opts.MaxBytes))
	}
	text, notes, err := decode(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	a, err := parseText(text, modTime, opts.withDefaults())
	if err != nil {
		return nil, notes, fmt.Errorf("%s: %w", name, err)
	}
	a.Seed = path.Base(strings.ReplaceAll(name, "\\", "/"))
	a.Path = name
	if a.Slug == "" {
		a.Slug = fallbackSlug(a.Seed)
	}
	return a, notes, nil
}

func (o Options) withDefaults() Options {
	if o.Rules == nil {
		o.Rules = defaultRules
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	return o
}

// TooLarge is the error for a seed over the size limit, which import
// reports without reading the file.
func TooLarge(size, limit int64) error {
	return fmt.Errorf("too large: %d bytes, the limit is %d (import.max_seed_bytes)", size, limit)
}

var errOnlyChrome = errors.New("no article in it: only site chrome (ads, promos, share prompts)")

// parseText reads clean seed text, top to bottom.
func parseText(text string, modTime time.Time, opts Options) (*content.Article, error) {
	ls := splitLines(text, opts.Rules)
	if len(ls) == 0 {
		if strings.TrimSpace(text) == "" {
			return nil, errors.New("no text in it, only white space or control characters")
		}
		return nil, errOnlyChrome
	}
	var h head
	ls = takeDateline(ls, &h)
	if len(ls) == 0 {
		return nil, errors.New("no article in it, only a date")
	}
	a := &content.Article{Meta: content.Meta{Tags: []string{}, Authors: []string{}}}
	if len(ls) > 1 {
		if cat, ok := breadcrumb(ls[0].text, ls[1].text); ok {
			a.Category, ls = cat, ls[1:]
		}
	}
	a.Title, a.Slug = ls[0].text, Slugify(ls[0].text)
	ls = takeMeta(ls[1:], &h)
	if len(ls) > 0 {
		ls[0].gap = true
	}
	ls, a.Image = takeImage(ls)
	ls, a.Summary = takeDek(ls)
	ls, closing := takeReporting(ls)
	if !h.byline {
		h.authors = closing
	}
	a.Authors = append(a.Authors, h.authors...)
	us, tags := bodyUnits(ls)
	a.Tags = append(a.Tags, tags...)
	a.Body = markdown(us)
	all := append([]string{a.Title, a.Summary}, texts(us)...)
	if a.Image != nil {
		all = append(all, a.Image.Caption)
	}
	setDates(a, &h, all, modTime, opts.Location)
	return a, nil
}

// fallbackSlug names an article whose title gives no slug after its seed
// file.
func fallbackSlug(seedName string) string {
	if s := Slugify(strings.TrimSuffix(seedName, path.Ext(seedName))); s != "" {
		return s
	}
	return "article"
}
