package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordKind says how a query word matches.
type wordKind int

const (
	plainWord  wordKind = iota
	prefixWord          // the last word while typing: its stem or a completion
	phraseWord          // consecutive terms
)

// word is one part of a parsed query.
type word struct {
	kind wordKind
	// terms are a plain word's one term, a phrase's terms in order, or a
	// prefix word's stem (its completions join when the shard is read).
	terms []string
	// typed is a prefix word's normalized form, whose completions apply.
	typed string
}

func (w word) key() string { return string(rune('0'+w.kind)) + strings.Join(w.terms, " ") }

// parseQuery splits a query into words and phrases (FORMAT.md section
// 11). Only while the reader types is the last word a prefix.
func parseQuery(q string, typing bool) []word {
	var words []word
	seen := map[string]bool{}
	add := func(w word) bool {
		if seen[w.key()] {
			return false
		}
		seen[w.key()] = true
		words = append(words, w)
		return true
	}
	var lastPlain = -1
	var lastTyped string
	inQuote := false
	var seg strings.Builder
	flush := func() {
		text := seg.String()
		seg.Reset()
		if inQuote {
			var terms []string
			eachToken(Normalize(text), func(tok string, _ int) { terms = append(terms, Stem(tok)) })
			switch len(terms) {
			case 0:
			case 1:
				add(word{kind: plainWord, terms: terms})
			default:
				add(word{kind: phraseWord, terms: terms})
			}
			lastPlain = -1
			return
		}
		eachToken(Normalize(text), func(tok string, _ int) {
			lastPlain, lastTyped = -1, tok
			if add(word{kind: plainWord, terms: []string{Stem(tok)}}) {
				lastPlain = len(words) - 1
			}
		})
	}
	for _, r := range q {
		switch {
		case r == '"' || r == '“' || r == '”':
			flush()
			inQuote = !inQuote
		default:
			seg.WriteRune(r)
		}
	}
	endsOpen := inQuote
	flush()
	last, _ := utf8.DecodeLastRuneInString(q)
	if typing && lastPlain >= 0 && !endsOpen && !unicode.IsSpace(last) && !isQuote(last) &&
		utf8.RuneCountInString(lastTyped) >= minPrefix && lastPlain == len(words)-1 {
		words[lastPlain].kind = prefixWord
		words[lastPlain].typed = lastTyped
	}
	return words
}

func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' }
