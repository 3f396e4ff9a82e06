package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The ASCII tokenizer finds what the general one finds, positions and
// skipped long tokens included.
func TestASCIITokensAsRuneTokens(t *testing.T) {
	type tok struct {
		s   string
		pos int
	}
	collect := func(each func(string, func(string, int)) int, s string) ([]tok, int) {
		var out []tok
		n := each(s, func(s string, p int) { out = append(out, tok{s, p}) })
		return out, n
	}
	cases := []string{"", "don't stop", "'quoted' words'", "a''b", "x'", "'y", "rock'n'roll 2024's",
		"o'brien-smith, 12.5%", strings.Repeat("z", 70) + " next", "end."}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "ab1' .-Z\n"
	for range 2000 {
		b := make([]byte, rng.IntN(20))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		got, gn := collect(eachASCIIToken, s)
		want, wn := collect(eachRuneToken, s)
		if !slices.Equal(got, want) || gn != wn {
			t.Fatalf("%q: ASCII tokens %v (%d positions), want %v (%d)", s, got, gn, want, wn)
		}
	}
}

// The tokenizer of mixed text, which judges ASCII bytes by table, finds
// what a plain rune-by-rune reading of the rules (runeTokens, below)
// finds, on text mixing ASCII with letters, marks, curly apostrophes and
// invalid bytes.
func TestRuneTokensAsRuleByRule(t *testing.T) {
	type tok struct {
		s   string
		pos int
	}
	collect := func(each func(string, func(string, int)) int, s string) ([]tok, int) {
		var out []tok
		n := each(s, func(s string, p int) { out = append(out, tok{s, p}) })
		return out, n
	}
	cases := []string{"", "l’été don’t", "’quoted’ words’", "a’’b", "x’", "’y", "zürich's 2024’s",
		"o’brien—smith, 12.5%", strings.Repeat("é", 40) + " next", "end…", "a\xffb", "\xe2\x80"}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "é", "1", "'", "’", " ", ".", "—", "\u0301", "ß", "\xff", "Z", "中"}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		got, gn := collect(eachRuneToken, s)
		want, wn := collect(runeTokens, s)
		if !slices.Equal(got, want) || gn != wn {
			t.Fatalf("%q: tokens %v (%d positions), want %v (%d)", s, got, gn, want, wn)
		}
	}
}

// runeTokens reads the token rules rune by rune, as FORMAT.md states
// them.
func runeTokens(s string, fn func(tok string, pos int)) int {
	pos := 0
	start := -1
	var joined strings.Builder
	hasApos := false
	flush := func(end int) {
		if start < 0 {
			return
		}
		tok := s[start:end]
		if hasApos {
			joined.Reset()
			for _, r := range tok {
				if !isApostrophe(r) {
					joined.WriteRune(r)
				}
			}
			tok = joined.String()
		}
		if len(tok) <= maxTokenBytes {
			fn(tok, pos)
		}
		pos++
		start, hasApos = -1, false
	}
	prevWord := false
	for i, r := range s {
		switch {
		case isWord(r):
			if start < 0 {
				start = i
			}
			prevWord = true
		case isApostrophe(r) && prevWord && nextIsWord(s, i+utf8.RuneLen(r)):
			hasApos = true
			prevWord = false
		default:
			flush(i)
			prevWord = false
		}
	}
	flush(len(s))
	return pos
}
