package search

import (
	"cmp"
	"slices"
	"strings"
)

// The newest articles, those after the last whole metadata chunk, are
// not in the shards: the manifest holds their metadata and postings,
// and r.bin their positions (FORMAT.md section 2.1). A new article dated
// after all others then changes only those two files, whatever the
// archive's size, until it completes a chunk and the chunk is sealed
// into the shards.

// sealedCount is how many of n articles the shards hold: whole chunks.
func sealedCount(n int) int { return n - n%chunkSize }

// recentCompletions are the recent articles' terms that complete a
// typed prefix, by the rule of the shards' entries applied to the recent
// articles alone: terms in at least minCompletionDF of them, longer than
// the prefix, most articles first, then byte order.
func (ix *Index) recentCompletions(typed string) []string {
	var cands []termDF
	for t, rp := range ix.m.Postings {
		if df := len(rp) / 2; df >= minCompletionDF && len(t) > len(typed) && strings.HasPrefix(t, typed) {
			cands = append(cands, termDF{t, df})
		}
	}
	slices.SortFunc(cands, func(a, b termDF) int {
		if c := cmp.Compare(b.df, a.df); c != 0 {
			return c
		}
		return cmp.Compare(a.term, b.term)
	})
	var out []string
	for _, c := range cands[:min(len(cands), maxCompletions)] {
		out = append(out, c.term)
	}
	return out
}

// recentPosting is one recent article's posting of a term: its id
// counted from the first recent article, its impact, and its positions
// encoded as in the shards' positions files.
type recentPosting struct {
	r         int
	impact    byte
	positions []byte
}

// analyzeRecent analyzes the recent articles. An article whose body
// cannot be read is indexed by its headline and summary.
func (w *writer) analyzeRecent() []error {
	w.recent = map[string][]recentPosting{}
	var problems []error
	for id := w.sealed; id < len(w.order); id++ {
		d := w.doc(id)
		body, err := w.in.Body(w.input(id))
		if err != nil {
			problems = append(problems, err)
			body = ""
		}
		a := analyze(d.Title, d.Summary, body)
		for i, t := range a.terms {
			o := a.occs[i]
			w.recent[t] = append(w.recent[t], recentPosting{r: id - w.sealed, impact: a.impact(o),
				positions: putPositions(nil, o.positions)})
		}
		a.release()
	}
	for _, ps := range w.recent {
		slices.Reverse(ps)
	}
	return problems
}

// recentTerms are the recent articles' terms in byte order.
func (w *writer) recentTerms() []string {
	terms := make([]string, 0, len(w.recent))
	for t := range w.recent {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	return terms
}

// recentPostings is the manifest's "postings": for each term, its
// recent articles newest first, as pairs of id (counted from the
// first recent article) and impact.
func (w *writer) recentPostings() map[string][]int {
	out := make(map[string][]int, len(w.recent))
	for t, ps := range w.recent {
		list := make([]int, 0, 2*len(ps))
		for _, p := range ps {
			list = append(list, p.r, int(p.impact))
		}
		out[t] = list
	}
	return out
}

// recentPositions is r.bin: every recent term in byte order, with the
// positions of its recent postings in the manifest's order.
func (w *writer) recentPositions() []byte {
	terms := w.recentTerms()
	b := putUvarint(nil, uint64(len(terms)))
	for _, t := range terms {
		b = putString(b, t)
		n := 0
		for _, p := range w.recent[t] {
			n += len(p.positions)
		}
		b = putUvarint(b, uint64(n))
		for _, p := range w.recent[t] {
			b = append(b, p.positions...)
		}
	}
	return b
}
