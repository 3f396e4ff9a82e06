package seed

import (
	"regexp"
	"strings"
	"unicode"

	"newsgen/generator/content"
)

// headLines is how far down the seed a dateline may stand, and
// metaLines how far below the title a byline, a dateline or an updated
// line may.
const (
	headLines = 6
	metaLines = 7
)

// head is what the top of a seed says about the article rather than in
// it: its datelines and its byline.
type head struct {
	published, updated *stamp
	authors            []string
	byline             bool
}

// add records a dateline: the first published one and the first updated
// one count.
func (h *head) add(st stamp) {
	switch {
	case st.updated && h.updated == nil:
		h.updated = &st
	case !st.updated && h.published == nil:
		h.published = &st
	}
}

// datelines reads a block as one or more datelines: "Published: June 29,
// 2026 | Updated: June 30, 2026, 14:05" is two.
func datelines(s string) ([]stamp, bool) {
	if st, ok := readStamp(s); ok {
		if loc := updatedLabel.FindStringIndex(s); loc != nil && loc[0] > 0 && !st.updated {
			if a, ok := readStamp(s[:loc[0]]); ok {
				if b, ok := readStamp(s[loc[0]:]); ok {
					return []stamp{a, b}, true
				}
			}
		}
		return []stamp{st}, true
	}
	return nil, false
}

// takeDateline removes the datelines among the first lines ("Published"
// and "Updated" may both stand there) and records them.
func takeDateline(ls []line, h *head) []line {
	var out []line
	gap := false
	for i, l := range ls {
		if i < headLines {
			if h.addDatelines(l.text) {
				gap = true
				continue
			}
		}
		l.gap = l.gap || gap
		gap = false
		out = append(out, l)
	}
	return out
}

// addDatelines records the dates of a block that is only datelines, and
// says whether it was one.
func (h *head) addDatelines(text string) bool {
	sts, ok := datelines(text)
	if !ok {
		return false
	}
	for _, st := range sts {
		h.add(st)
	}
	return true
}

// takeMeta removes from the lines below the title the byline, the
// datelines and the updated lines, and records them. The first byline
// gives the authors; a date after its separator ("By Jane Doe | June 29,
// 2026") is a dateline.
func takeMeta(ls []line, h *head) []line {
	var out []line
	gap := false
	for i, l := range ls {
		if i < metaLines {
			if h.addDatelines(l.text) {
				gap = true
				continue
			}
			if authors, tail, ok := byline(l.text); ok {
				if !h.byline {
					h.authors, h.byline = authors, true
				}
				for _, t := range tail {
					h.addDatelines(t)
				}
				gap = true
				continue
			}
		}
		l.gap = l.gap || gap
		gap = false
		out = append(out, l)
	}
	return out
}

var (
	homeWord   = regexp.MustCompile(`^(?i:homepage|home)\b\s*`)
	crumbStart = regexp.MustCompile(`^[›»>/|]\s+`)
	crumbSep   = regexp.MustCompile(`\s+[›»>/|]\s+`)
)

// maxCrumb is the longest line read as a breadcrumb.
const maxCrumb = 400

// breadcrumb reads a line such as "Homepage War Putin finally admits..."
// against the title that follows it and returns the category. The
// category is what stands between the home word and the start of the
// title; a line that does not fit is not a breadcrumb.
func breadcrumb(s, title string) (string, bool) {
	if len(s) > maxCrumb {
		return "", false
	}
	loc := homeWord.FindStringIndex(s)
	if loc == nil {
		return "", false
	}
	rest := s[loc[1]:]
	if crumbStart.MatchString(rest) {
		return crumbParts(crumbSep.Split(crumbStart.ReplaceAllString(rest, ""), -1), title)
	}
	words := strings.Fields(trimEllipsis(rest))
	titleLetters := letters(title)
	for i := 1; i < len(words); i++ {
		if letterPrefix(letters(strings.Join(words[i:], " ")), titleLetters) {
			return strings.Join(words[:i], " "), true
		}
	}
	// "Homepage War" above a title it does not start: the word Homepage
	// is no way to begin a headline, so the rest is the category.
	if len(words) > 0 && len(words) <= 3 && strings.EqualFold(strings.TrimSpace(s[:loc[1]]), "homepage") && !hasEllipsis(s) {
		return rest, true
	}
	return "", false
}

// hasEllipsis reports whether s ends with an ellipsis, as a title cut
// short does.
func hasEllipsis(s string) bool {
	return strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…")
}

// trimEllipsis drops the ellipsis at the end of s and the white space
// before it (what the pattern \s*(\.\.\.|…)$ matches).
func trimEllipsis(s string) string {
	t, ok := strings.CutSuffix(s, "...")
	if !ok {
		t, ok = strings.CutSuffix(s, "…")
	}
	if !ok {
		return s
	}
	return strings.TrimRight(t, " \t\n\f\r")
}

// crumbParts reads a breadcrumb with separators: "Home › World › Europe ›
// Title…". The category is the last section before the title.
func crumbParts(parts []string, title string) (string, bool) {
	if n := len(parts); n > 1 && titlePrefix(trimEllipsis(parts[n-1]), title) {
		parts = parts[:n-1]
	}
	for i := len(parts) - 1; i >= 0; i-- {
		if p := strings.TrimSpace(parts[i]); p != "" {
			return p, true
		}
	}
	return "", false
}

// titlePrefix reports whether p starts the title, letters and digits
// compared without case, punctuation and quotes aside.
func titlePrefix(p, title string) bool {
	return letterPrefix(letters(p), letters(title))
}

// letterPrefix is titlePrefix for the letters of both.
func letterPrefix(p, title string) bool {
	return p != "" && strings.HasPrefix(title, p)
}

func letters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// creditMarker tells a photo credit by what it names: a licence, a label
// at its start, a picture agency or a news agency. Each alternative is a
// separate pattern for speed (see anyOf); a line matches if one does.
var creditMarker = mustAnyOf(
	`(?i:wikimedia|public domain|creative commons|\bcc[ -]?(by|0)\b)`,
	`(?i:^photo(graph)?s?\b|^image\b|^picture\b|^pic\b|^credit\b|^source\s*:|^foto\b|^illustration\b)`,
	`(?i:getty|shutterstock|alamy|istock|unsplash|pexels|flickr|associated press|reuters|bloomberg|xinhua|anadolu|nurphoto|sipa|\bpa (wire|images|media)\b|\bdpa\b|\beyevine\b)`,
	`(?i:copyright|\(c\)|all rights reserved)`,
	`©`,
	`\b(AP|AFP|EPA|EFE|ANP|ANSA|TASS|UPI|IMAGO|KEYSTONE)\b`,
)

// isCredit reports whether a line looks like a photo credit: short, and
// naming a source, an agency or a licence.
func isCredit(s string) bool {
	if wordCount(s) > 16 || strings.HasPrefix(s, "By ") {
		return false
	}
	return creditMarker.MatchString(s)
}

// takeImage reads the lead image block at the top of what follows the
// title: a caption directly followed by a credit, or a credit alone.
func takeImage(ls []line) ([]line, *content.Image) {
	if len(ls) == 0 || isNote(ls[0].text) {
		return ls, nil
	}
	if isCredit(ls[0].text) && (len(ls) == 1 || ls[1].gap) {
		return ls[1:], &content.Image{Credit: ls[0].text}
	}
	if len(ls) >= 2 && !ls[1].gap && isCaptionPair(ls[0].text, ls[1].text) {
		return ls[2:], &content.Image{Caption: ls[0].text, Credit: ls[1].text}
	}
	return ls, nil
}

// isCaptionPair reports whether two lines with no blank line between them
// are a caption and its credit. A credit need not name an agency ("Jane
// Doe"), but then it must be short and not read as a sentence.
func isCaptionPair(caption, credit string) bool {
	if _, _, _, ok := listItem(caption); ok {
		return false
	}
	if isCredit(credit) {
		return true
	}
	return wordCount(credit) <= 8 && !endsSentence(credit) && sentences(caption) <= 2
}

// takeDek reads the standfirst: one short line after the image and before
// the first paragraph. What tells it from a first paragraph is its
// shortness and, when it ends like a sentence, being one short sentence
// in front of a longer paragraph.
func takeDek(ls []line) ([]line, string) {
	if len(ls) > 0 && isNote(ls[0].text) { // a note at the top stays where it stands
		rest, dek := takeDek(ls[1:])
		if dek == "" {
			return ls, ""
		}
		return append([]line{ls[0]}, rest...), dek
	}
	if len(ls) < 2 || !ls[1].gap {
		return ls, ""
	}
	s, next := ls[0].text, ls[1].text
	if _, _, _, ok := listItem(s); ok || isTags(s) || sentences(s) > 2 {
		return ls, ""
	}
	n := wordCount(s)
	switch {
	case !strings.HasSuffix(strings.TrimRight(s, `"'”’)`), ".") && n <= 35:
		return ls[1:], s
	case n <= 25 && sentences(s) == 1 && wordCount(next) > n+n/2:
		return ls[1:], s
	}
	return ls, ""
}
