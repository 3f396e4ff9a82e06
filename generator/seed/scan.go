package seed

import "regexp"

// startPattern is a regexp searched for in texts where it can match only
// at a few places that are cheap to find, such as the numbers of a text
// for a date. An unanchored search tries the whole pattern at every byte;
// startPattern tries it, anchored, only at those places and only on as
// much of the text as a match there can span, and finds the same
// matches.
type startPattern struct {
	// re is the pattern as written; at is the same anchored at the start
	// of its input.
	re, at *regexp.Regexp
	// shape, when set, rules out a start more cheaply than at can.
	shape func(s string) bool
}

// span is a place in a text where a match can start, and where the text
// can be cut after it: no match that starts there goes past the cut, and
// the pattern sees no difference at the cut between the text's end and
// what follows in the text.
type span struct {
	start, end int
}

// newStartPattern compiles p, which must not match the empty string and
// must look at nothing before the start of its match: a \b at its start
// is up to the caller's list of starts.
func newStartPattern(p string, shape func(string) bool) startPattern {
	return startPattern{re: regexp.MustCompile(p), at: regexp.MustCompile(`^(?:` + p + `)`), shape: shape}
}

// findAll returns what p.re.FindAllStringSubmatchIndex(s, -1) returns,
// given every place in s where a match can start, in order. Matches do
// not overlap: the search goes on where the last match ended.
func (p startPattern) findAll(s string, at []span) [][]int {
	var ms [][]int
	done := 0
	for _, sp := range at {
		if sp.start < done || (p.shape != nil && !p.shape(s[sp.start:sp.end])) {
			continue
		}
		m := p.at.FindStringSubmatchIndex(s[sp.start:sp.end])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += sp.start
			}
		}
		ms = append(ms, m)
		done = m[1]
	}
	return ms
}
