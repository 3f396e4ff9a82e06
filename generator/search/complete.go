package search

import (
	"cmp"
	"slices"
)

// minPrefix is the shortest prefix, in code points, that completes.
const minPrefix = 3

// maxCompletions is how many terms a prefix completes to.
const maxCompletions = 2

// minCompletionDF is the fewest articles a term needs to be offered as a
// completion: half of any vocabulary is words found once, and offering
// them would double the shards for no help to a reader.
const minCompletionDF = 2

// completion is a prefix and the terms it completes to, most frequent
// first.
type completion struct {
	prefix string
	terms  []string
}

// termDF is a term of the vocabulary and the number of its articles.
type termDF struct {
	term string
	df   int
}

// vocabulary works out the completion entries of every prefix from the
// terms the shards met.
func (w *writer) vocabulary() {
	slices.SortFunc(w.vocab, func(a, b termDF) int { return cmp.Compare(a.term, b.term) })
	w.complete(w.vocab)
	w.vocab = nil
}

// better orders candidates for a prefix: more articles first, then term
// order.
func better(a, b termDF) bool {
	return a.df > b.df || a.df == b.df && a.term < b.term
}

// open is a prefix being completed while the sorted vocabulary is walked.
type openPrefix struct {
	prefix string
	best   []termDF
}

// complete walks the sorted vocabulary once. The terms that start with a
// prefix are consecutive, so the prefixes of the current term form a
// stack: a prefix closes when a term no longer starts with it.
func (w *writer) complete(vocab []termDF) {
	var stack []openPrefix
	closeTo := func(t string) {
		for len(stack) > 0 {
			top := stack[len(stack)-1]
			if len(top.prefix) <= len(t) && t[:len(top.prefix)] == top.prefix {
				return
			}
			w.emit(top)
			stack = stack[:len(stack)-1]
		}
	}
	for _, v := range vocab {
		if v.df < minCompletionDF {
			continue
		}
		closeTo(v.term)
		// Open the proper prefixes of v longer than the stack's top.
		n := 0
		for i := range v.term {
			if i == 0 {
				continue
			}
			n++
			if n < minPrefix {
				continue
			}
			p := v.term[:i]
			if len(stack) == 0 || len(p) > len(stack[len(stack)-1].prefix) {
				stack = append(stack, openPrefix{prefix: p})
			}
		}
		for i := range stack {
			stack[i].best = offer(stack[i].best, v)
		}
	}
	closeTo("")
	for _, c := range w.completions {
		slices.SortFunc(c, func(a, b completion) int { return cmp.Compare(a.prefix, b.prefix) })
	}
}

// offer keeps the best few candidates, best first.
func offer(best []termDF, v termDF) []termDF {
	i := len(best)
	for i > 0 && better(v, best[i-1]) {
		i--
	}
	if i >= maxCompletions {
		return best
	}
	best = slices.Insert(best, i, v)
	if len(best) > maxCompletions {
		best = best[:maxCompletions]
	}
	return best
}

func (w *writer) emit(o openPrefix) {
	c := completion{prefix: o.prefix}
	for _, b := range o.best {
		c.terms = append(c.terms, b.term)
	}
	s := shardOf(o.prefix, w.shards)
	w.completions[s] = append(w.completions[s], c)
}
