package seed

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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

// bullets are the marks that start the items of an unordered list.
const bullets = "-•*‣◦▪·"

var (
	bulletItem  = regexp.MustCompile(`^[` + bullets + `]\s+(\S.*)$`)
	orderedItem = regexp.MustCompile(`^(\d{1,3})[.)]\s+(\S.*)$`)
)

// listItem tells whether a line is a list item: its text, whether the list
// is ordered, and the item's number in an ordered list. The first rune
// tells which pattern can match, so most lines are spared both.
func listItem(s string) (text string, ordered bool, num int, ok bool) {
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune(bullets, r) {
		if m := bulletItem.FindStringSubmatch(s); m != nil {
			return m[1], false, 0, true
		}
	}
	if isOrderedItem(s) {
		m := orderedItem.FindStringSubmatch(s)
		n, _ := strconv.Atoi(m[1])
		return m[2], true, n, true
	}
	return "", false, 0, false
}

// isOrderedItem reports whether a line is an item of a numbered list.
func isOrderedItem(s string) bool {
	return s != "" && isDigit(s[0]) && orderedItem.MatchString(s)
}

// wordCount is len(strings.Fields(s)), counted without making the slice.
func wordCount(s string) int {
	n := 0
	inWord := false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

// endsSentence reports whether a block ends like a sentence, closing quotes
// and brackets aside.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’»)]`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "…") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, ",")
}

// innerSentence is the end of a sentence that another follows; it is
// tried only at the stops of a text.
var innerSentence = newStartPattern(`[.!?…]["”’)]?\s+["“‘(]?\p{Lu}`, nil)

// sentences is a rough count of the sentences in a block.
func sentences(s string) int { return 1 + len(innerSentence.findAll(s, stops(s))) }

// stops lists where s has a full stop, a question or exclamation mark or
// an ellipsis, each up to the end of what innerSentence can match there:
// the stop, a closing quote, white space, an opening quote and a capital.
func stops(s string) []span {
	var at []span
	for i := 0; i < len(s); i++ {
		n := 0
		switch c := s[i]; {
		case c == '.' || c == '!' || c == '?':
			n = 1
		case c == "…"[0] && strings.HasPrefix(s[i:], "…"):
			n = len("…")
		default:
			continue
		}
		j := i + n
		for _, q := range []string{`"`, "”", "’", ")"} {
			if strings.HasPrefix(s[j:], q) {
				j += len(q)
				break
			}
		}
		for j < len(s) && strings.IndexByte(" \t\n\f\r", s[j]) >= 0 {
			j++
		}
		at = append(at, span{i, min(len(s), j+len("“")+utf8.UTFMax)})
	}
	return at
}
