package seed

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A long alternation of words, searched for anywhere in a text, is slow
// with Go's regexps: each alternative is tried at each byte, with case
// folding on top. anyOf splits such a pattern into a list and gives each
// pattern the words that every one of its matches contains, read off its
// syntax; a pattern runs only on a text that contains one of them. Most
// texts contain none, and the answer is still the regexps' own.

// anyOf matches a text that one of its patterns matches.
type anyOf []keyedPattern

// keyedPattern is a regexp and the words one of which each of its
// matches contains; nil when there are none to tell.
type keyedPattern struct {
	re    *regexp.Regexp
	words []word
}

// word is a string that a match contains. fold says the regexp may take
// it without case: the string is folded by foldString, and looked for in
// the folded text.
type word struct {
	s    string
	fold bool
}

// maxWords is the most words a pattern is given: more would cost more to
// look for than the regexp.
const maxWords = 64

// mustAnyOf compiles patterns; a text matches when one of them matches.
func mustAnyOf(patterns ...string) anyOf {
	a := make(anyOf, len(patterns))
	for i, p := range patterns {
		tree, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			panic(err)
		}
		ws := requiredWords(tree)
		for j := range ws {
			if ws[j].fold {
				ws[j].s = foldString(ws[j].s)
			}
		}
		a[i] = keyedPattern{re: regexp.MustCompile(p), words: ws}
	}
	return a
}

// MatchString reports whether one of the patterns matches s.
func (a anyOf) MatchString(s string) bool {
	folded := foldString(s)
	for _, p := range a {
		if p.words != nil && !containsAny(s, folded, p.words) {
			continue
		}
		if p.re.MatchString(s) {
			return true
		}
	}
	return false
}

func containsAny(s, folded string, words []word) bool {
	for _, w := range words {
		if (w.fold && strings.Contains(folded, w.s)) || (!w.fold && strings.Contains(s, w.s)) {
			return true
		}
	}
	return false
}

// requiredWords returns words one of which every match of re contains,
// or nil when there is no such list. Of the parts of a sequence it picks
// the one whose shortest word is the longest, which rules out the most.
func requiredWords(re *syntax.Regexp) []word {
	if ws, ok := exactWords(re); ok && shortest(ws) > 0 {
		return ws
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return requiredWords(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return requiredWords(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []word
		for _, sub := range re.Sub {
			if ws := requiredWords(sub); ws != nil && (best == nil || shortest(ws) > shortest(best)) {
				best = ws
			}
		}
		return best
	case syntax.OpAlternate:
		var all []word
		for _, sub := range re.Sub {
			ws := requiredWords(sub)
			if ws == nil {
				return nil
			}
			all = append(all, ws...)
		}
		return all
	}
	return nil
}

// exactWords returns every string that re matches, when there are at
// most maxWords of them: "pa (wire|media)" is "pa wire" or "pa media".
// Assertions such as \b and ^ match the empty string.
func exactWords(re *syntax.Regexp) ([]word, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []word{{}}, true
	case syntax.OpLiteral:
		return []word{{string(re.Rune), re.Flags&syntax.FoldCase != 0}}, true
	case syntax.OpCharClass:
		return classWords(re.Rune)
	case syntax.OpCapture:
		return exactWords(re.Sub[0])
	case syntax.OpQuest:
		ws, ok := exactWords(re.Sub[0])
		return append(ws, word{}), ok && len(ws) < maxWords
	case syntax.OpConcat:
		ws := []word{{}}
		for _, sub := range re.Sub {
			next, ok := exactWords(sub)
			if !ok || len(ws)*len(next) > maxWords {
				return nil, false
			}
			ws = product(ws, next)
		}
		return ws, true
	case syntax.OpAlternate:
		var ws []word
		for _, sub := range re.Sub {
			next, ok := exactWords(sub)
			if !ok || len(ws)+len(next) > maxWords {
				return nil, false
			}
			ws = append(ws, next...)
		}
		return ws, true
	}
	return nil, false
}

// classWords lists the runes of a small character class, given as its
// ranges, one word each.
func classWords(ranges []rune) ([]word, bool) {
	var ws []word
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if len(ws) == maxWords {
				return nil, false
			}
			ws = append(ws, word{s: string(r)})
		}
	}
	return ws, true
}

// product is every word of a followed by every word of b.
func product(a, b []word) []word {
	out := make([]word, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, word{x.s + y.s, x.fold || y.fold})
		}
	}
	return out
}

func shortest(ws []word) int {
	n := len(ws[0].s)
	for _, w := range ws[1:] {
		n = min(n, len(w.s))
	}
	return n
}

// foldString maps each rune of s to one rune that stands for all the
// runes a case-insensitive regexp takes it for (its simple case folding
// orbit: "K", "k" and the Kelvin sign all become "k"), so that a text
// contains a folded word wherever a regexp, with or without case, could
// match the word.
func foldString(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, foldRune(r))
		i += n
	}
	return string(b)
}

// foldRune returns the smallest rune of r's case folding orbit, in lower
// case when that is an ASCII letter, as foldString does for ASCII.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf { // an ASCII letter's orbit has its capital as the least
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	if 'A' <= least && least <= 'Z' {
		least += 'a' - 'A'
	}
	return least
}
