package seed

import (
	"regexp"
	"strconv"
	"strings"
)

// line is one non-blank line of a seed. gap says a blank line (or dropped
// chrome) stands before it: the scraper puts one between page blocks, so a
// line without a gap belongs with the line above (a caption and its credit,
// the items of a list).
type line struct {
	text string
	n    int // 1-based line number in the seed
	gap  bool
}

// splitLines cuts clean text into lines and drops the site chrome.
func splitLines(text string, rules *Rules) []line {
	var out []line
	gap := true
	for i, t := range strings.Split(text, "\n") {
		switch {
		case t == "":
			gap = true
		case rules.IsChrome(t):
			gap = true
		default:
			out = append(out, line{text: t, n: i + 1, gap: gap})
			gap = false
		}
	}
	return out
}

var (
	bulletItem  = regexp.MustCompile(`^[-•*‣◦▪·]\s+(\S.*)$`)
	orderedItem = regexp.MustCompile(`^(\d{1,3})[.)]\s+(\S.*)$`)
)

// listItem tells whether a line is a list item: its text, whether the list
// is ordered, and the item's number in an ordered list.
func listItem(s string) (text string, ordered bool, num int, ok bool) {
	if m := bulletItem.FindStringSubmatch(s); m != nil {
		return m[1], false, 0, true
	}
	if m := orderedItem.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		return m[2], true, n, true
	}
	return "", false, 0, false
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// endsSentence reports whether a block ends like a sentence, closing quotes
// and brackets aside.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’»)]`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "…") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, ",")
}

var innerSentence = regexp.MustCompile(`[.!?…]["”’)]?\s+["“‘(]?\p{Lu}`)

// sentences is a rough count of the sentences in a block.
func sentences(s string) int { return 1 + len(innerSentence.FindAllStringIndex(s, -1)) }
