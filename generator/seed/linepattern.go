package seed

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// Every line of a seed is tried against every chrome pattern, and almost
// every line is a paragraph: far longer than most chrome can be, and
// starting with words that no chrome starts with. So each pattern knows,
// from its own syntax, the longest line it can match, what the first rune
// of such a line can be and, where it starts with a few fixed words
// ("share on", "follow us"), those words; it runs only on lines that pass
// these tests. A line that fails one cannot match, so the answer is the
// regexp's own.

// linePattern is a regexp that must match a whole line, with what its
// syntax says of the lines it can match.
type linePattern struct {
	re *regexp.Regexp
	// maxRunes is the most runes a match can have; -1 means no limit.
	maxRunes int
	// first are the instructions that can match a match's first rune,
	// and firstASCII what they say of each ASCII rune; anyFirst says
	// there is nothing to tell.
	first      []*syntax.Inst
	firstASCII [utf8.RuneSelf]bool
	anyFirst   bool
	// lead are words one of which each match starts with; nil when there
	// are none to tell.
	lead []word
}

// compileLine compiles expr with the errors of regexp.Compile. The tests
// need expr to be anchored at both ends, as "^(?:...)$"; when it is not,
// the regexp runs on every line.
func compileLine(expr string) (linePattern, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return linePattern{}, err
	}
	p := linePattern{re: re, maxRunes: -1, anyFirst: true}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return p, nil
	}
	tree = tree.Simplify()
	prog, err := syntax.Compile(tree)
	if err != nil || !isWholeLine(tree) {
		return p, nil
	}
	p.maxRunes, p.first, p.anyFirst, p.lead = maxRunes(tree), firstInsts(prog), false, leadingWords(tree)
	for r := range p.firstASCII {
		p.firstASCII[r] = p.startsWith(rune(r))
	}
	return p, nil
}

// isWholeLine reports whether re is a sequence from ^ to $, so that every
// match is a whole line.
func isWholeLine(re *syntax.Regexp) bool {
	n := len(re.Sub)
	return re.Op == syntax.OpConcat && n >= 2 && re.Sub[0].Op == syntax.OpBeginText && re.Sub[n-1].Op == syntax.OpEndText
}

// match reports whether the pattern matches the whole line, which has no
// space at either end.
func (p *linePattern) match(line string) bool {
	if line != "" && !p.mayMatch(line) {
		return false
	}
	return p.re.MatchString(line)
}

// mayMatch applies the cheap tests to a line that is not empty.
func (p *linePattern) mayMatch(line string) bool {
	if p.maxRunes >= 0 && len(line) > p.maxRunes && (len(line) > p.maxRunes*utf8.UTFMax || utf8.RuneCountInString(line) > p.maxRunes) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(line); !p.canStart(r) {
		return false
	}
	return p.lead == nil || hasAnyPrefix(line, p.lead)
}

// canStart reports whether a match can start with r.
func (p *linePattern) canStart(r rune) bool {
	switch {
	case p.anyFirst:
		return true
	case r < utf8.RuneSelf:
		return p.firstASCII[r]
	}
	return p.startsWith(r)
}

// startsWith reports whether one of the first instructions matches r.
func (p *linePattern) startsWith(r rune) bool {
	for _, in := range p.first {
		switch in.Op {
		case syntax.InstRuneAny:
			return true
		case syntax.InstRuneAnyNotNL:
			if r != '\n' {
				return true
			}
		default:
			if in.MatchRune(r) {
				return true
			}
		}
	}
	return false
}

// leadingWords returns words one of which every match of re starts
// with, or nil when there are none to tell.
func leadingWords(re *syntax.Regexp) []word {
	if ws := prefixWords(re); ws != nil && shortest(ws) > 0 {
		return ws
	}
	return nil
}

// prefixWords returns strings one of which every match of re starts
// with, when they are few: every string a sequence's first parts match,
// and what the next part starts with. An empty string among them means
// a match may start with anything.
func prefixWords(re *syntax.Regexp) []word {
	if ws, ok := exactWords(re); ok {
		return ws
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return prefixWords(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return prefixWords(re.Sub[0])
		}
	case syntax.OpConcat:
		ws := []word{{}}
		for _, sub := range re.Sub {
			next, exact := exactWords(sub)
			if !exact {
				next = prefixWords(sub)
			}
			if next == nil || len(ws)*len(next) > maxWords {
				return ws
			}
			ws = product(ws, next)
			if !exact {
				return ws
			}
		}
		return ws
	case syntax.OpAlternate:
		var all []word
		for _, sub := range re.Sub {
			ws := prefixWords(sub)
			if ws == nil || len(all)+len(ws) > maxWords {
				return nil
			}
			all = append(all, ws...)
		}
		return all
	}
	return nil
}

// hasAnyPrefix reports whether s starts with one of the words, case aside
// for a word that says so, as a regexp compares them.
func hasAnyPrefix(s string, words []word) bool {
	for _, w := range words {
		if w.fold && hasPrefixFold(s, w.s) || !w.fold && strings.HasPrefix(s, w.s) {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether s starts with prefix under simple case
// folding, rune by rune, as (?i) compares.
func hasPrefixFold(s, prefix string) bool {
	for _, pr := range prefix {
		r, n := utf8.DecodeRuneInString(s)
		if n == 0 || (r != pr && foldRune(r) != foldRune(pr)) {
			return false
		}
		s = s[n:]
	}
	return true
}

// maxRunes is the most runes a match of re can have, or -1 for no limit.
func maxRunes(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return maxRunes(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return repeatRunes(maxRunes(re.Sub[0]), -1)
	case syntax.OpRepeat:
		return repeatRunes(maxRunes(re.Sub[0]), re.Max)
	case syntax.OpConcat, syntax.OpAlternate:
		return combineRunes(re.Op, re.Sub)
	}
	return 0 // the empty match and the assertions: ^, $, \b and the like
}

// repeatRunes is the most runes of up to times matches of a sub-pattern
// of at most sub runes; -1 means no limit.
func repeatRunes(sub, times int) int {
	switch {
	case sub == 0:
		return 0
	case sub < 0 || times < 0:
		return -1
	}
	return sub * times
}

// combineRunes is the most runes of a concatenation (the sum) or of an
// alternation (the largest).
func combineRunes(op syntax.Op, subs []*syntax.Regexp) int {
	n := 0
	for _, sub := range subs {
		m := maxRunes(sub)
		switch {
		case m < 0:
			return -1
		case op == syntax.OpConcat:
			n += m
		default:
			n = max(n, m)
		}
	}
	return n
}

// firstInsts lists the instructions that can consume the first rune of a
// match: those reachable from the start without consuming one.
func firstInsts(prog *syntax.Prog) []*syntax.Inst {
	var first []*syntax.Inst
	seen := make([]bool, len(prog.Inst))
	var walk func(pc uint32)
	walk = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(in.Out)
			walk(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			walk(in.Out)
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			first = append(first, in)
		}
	}
	walk(uint32(prog.Start))
	return first
}
