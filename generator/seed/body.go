package seed

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type kind int

const (
	paragraph kind = iota
	heading
	list
	note // a correction, a clarification or an editor's note
)

// unit is one block of the article body.
type unit struct {
	kind    kind
	text    string   // paragraph or heading
	wrapped []string // the lines of a hard-wrapped paragraph, text the last; nil for one line
	items   []item   // list
	ordered bool
}

type item struct {
	text, raw string
	num       int
}

var tagsLine = regexp.MustCompile(`^(?i:tags|topics|tagged|tagged with|keywords)\s*:\s*(.*)$`)

// isTags reports whether a line gives the tags. Such a line has a colon,
// which spares the regexp almost every paragraph.
func isTags(s string) bool { return strings.IndexByte(s, ':') >= 0 && tagsLine.MatchString(s) }

// splitTags reads "Tags: a, b; c" into its tags, in order, once each.
func splitTags(s string) []string {
	m := tagsLine.FindStringSubmatch(s)
	var tags []string
	seen := map[string]bool{}
	for _, t := range strings.FieldsFunc(m[1], func(r rune) bool { return strings.ContainsRune(",;|•·", r) }) {
		t = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t), "#"))
		if t != "" && !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			tags = append(tags, t)
		}
	}
	return tags
}

// closingLines is how many lines from the end of the body (tags lines
// aside) a closing "Reporting by" line may stand.
const closingLines = 3

// takeReporting removes the closing "Reporting by ...; Editing by ..."
// lines and returns the names of their "Reporting by" part.
func takeReporting(ls []line) ([]line, []string) {
	var authors []string
	seen := 0
	for i := len(ls) - 1; i >= 0 && seen < closingLines; i-- {
		if isTags(ls[i].text) {
			continue
		}
		seen++
		if names, ok := reporting(ls[i].text); ok {
			if len(names) > 0 {
				authors = names
			}
			if i+1 < len(ls) {
				ls[i+1].gap = true
			}
			ls = append(ls[:i:i], ls[i+1:]...)
		}
	}
	return ls, authors
}

// bodyUnits groups the body's lines into paragraphs, lists and headings,
// and takes out the tags line.
func bodyUnits(ls []line) ([]unit, []string) {
	var us []unit
	var tags []string
	for _, l := range ls {
		if isTags(l.text) {
			tags = append(tags, splitTags(l.text)...)
			continue
		}
		us = addLine(us, l)
	}
	joinWrapped(us)
	us = loneOrdered(us)
	markHeadings(us)
	return us, tags
}

func addLine(us []unit, l line) []unit {
	last := len(us) - 1
	if text, ordered, num, ok := listItem(l.text); ok {
		it := item{text: text, raw: l.text, num: num}
		if last >= 0 && us[last].kind == list && us[last].ordered == ordered {
			us[last].items = append(us[last].items, it)
			return us
		}
		return append(us, unit{kind: list, items: []item{it}, ordered: ordered})
	}
	if !l.gap && last >= 0 && (us[last].kind == paragraph || us[last].kind == note) && hardWrapped(us[last].text, l.text) {
		u := &us[last]
		if u.wrapped == nil {
			u.wrapped = []string{u.text}
		}
		u.wrapped = append(u.wrapped, l.text)
		u.text = l.text // the last line decides whether the next one joins
		return us
	}
	if isNote(l.text) {
		return append(us, unit{kind: note, text: l.text})
	}
	return append(us, unit{kind: paragraph, text: l.text})
}

// joinWrapped makes each hard-wrapped paragraph one line, once, so that a
// long one costs no more than a short one.
func joinWrapped(us []unit) {
	for i := range us {
		if len(us[i].wrapped) > 1 {
			us[i].text = strings.Join(us[i].wrapped, " ")
		}
		us[i].wrapped = nil
	}
}

// hardWrapped reports whether next continues the sentence of prev, as in
// a seed saved with its paragraphs wrapped: prev stops mid-sentence, and
// either next starts in lower case or prev is too long for a heading.
func hardWrapped(prev, next string) bool {
	if endsSentence(prev) || strings.ContainsAny(prev[len(prev)-1:], "?!") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r) || wordCount(prev) > 10
}

// loneOrdered turns a one-item numbered "list" back into a paragraph: a
// paragraph may well start with "1)" or "3." without being a list.
func loneOrdered(us []unit) []unit {
	for i, u := range us {
		if u.kind == list && u.ordered && len(u.items) == 1 {
			us[i] = unit{kind: paragraph, text: u.items[0].raw}
		}
	}
	return us
}

// markHeadings turns short paragraphs that stand between paragraphs into
// subheadings.
func markHeadings(us []unit) {
	for i := range us {
		if us[i].kind != paragraph || !headingLike(us[i].text) || i == 0 || i+1 == len(us) {
			continue
		}
		prev, next := us[i-1], us[i+1]
		if prev.kind == heading || (next.kind == paragraph && headingLike(next.text)) {
			continue
		}
		us[i].kind = heading
	}
}

// headingLike reports whether a block reads as a subheading: about ten
// words at most, no sentence-ending period (a question mark is fine),
// starting with a capital or a digit, and not a quotation.
func headingLike(s string) bool {
	if len(s) > 120 || wordCount(s) > 10 || endsSentence(s) || sentences(s) > 1 || isOrderedItem(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// markdown writes the body units as Markdown, every text escaped.
func markdown(us []unit) string {
	parts := make([]string, 0, len(us))
	for _, u := range us {
		switch u.kind {
		case heading:
			parts = append(parts, "## "+escapeInline(u.text))
		case list:
			parts = append(parts, listMarkdown(u))
		case note:
			parts = append(parts, "> "+escapeBlock(u.text))
		default:
			parts = append(parts, escapeBlock(u.text))
		}
	}
	return strings.Join(parts, "\n\n")
}

func listMarkdown(u unit) string {
	lines := make([]string, len(u.items))
	for i, it := range u.items {
		marker := "- "
		if u.ordered {
			marker = strconv.Itoa(it.num) + ". "
		}
		lines[i] = marker + escapeBlock(it.text)
	}
	return strings.Join(lines, "\n")
}

// texts is the article's words as the seed gave them, for finding dates.
func texts(us []unit) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.text)
		for _, it := range u.items {
			out = append(out, it.text)
		}
	}
	return out
}
