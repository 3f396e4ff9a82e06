package search

import (
	"cmp"
	"slices"
)

// qword is a query word with its terms looked up. Missing terms are nil.
type qword struct {
	kind  wordKind
	terms []*termInfo
}

// possible reports whether some article could match the word at all.
func (w qword) possible() bool {
	for _, t := range w.terms {
		switch {
		case t == nil && w.kind == phraseWord:
			return false
		case t != nil && w.kind != phraseWord:
			return true
		}
	}
	return w.kind == phraseWord && len(w.terms) > 0
}

// maxRounds bounds the times one query grows its window: words that
// rarely meet must not read a common word's every block.
const maxRounds = 4

// Query answers a query (FORMAT.md section 11), reading only the files
// it needs.
func (ix *Index) Query(q string, o Options) (*Results, error) {
	if o.Limit <= 0 {
		o.Limit = 10
	}
	res := &Results{Exact: true, Window: ix.m.Docs}
	words, err := ix.resolve(parseQuery(q, o.Typing))
	if err != nil || len(words) == 0 {
		return res, err
	}
	res.Terms = queryTerms(words)
	all := true
	for _, w := range words {
		all = all && w.possible()
	}
	res.Fallback = !all && len(words) > 1
	for rounds := 0; ; rounds++ {
		lo := window(words)
		m, err := ix.match(words, lo, !all)
		if err != nil {
			return nil, err
		}
		last := lo == 0 || rounds >= maxRounds
		if len(m.score) == 0 && all && last && len(words) > 1 {
			all, res.Fallback = false, true
			continue
		}
		hits := ix.filter(m, o)
		if len(hits) >= o.Offset+o.Limit || last {
			res.Window = ix.m.Docs - int(lo)
			ix.count(res, m, words, hits, lo, o)
			return res, ix.page(res, m, hits, o)
		}
		if err := ix.extend(words, lo); err != nil {
			return nil, err
		}
	}
}

// resolve reads the shards of the words' terms, and a prefix word's
// completions.
func (ix *Index) resolve(words []word) ([]qword, error) {
	out := make([]qword, 0, len(words))
	for _, w := range words {
		names := w.terms
		if w.kind == prefixWord {
			sh, err := ix.shard(shardOf(w.typed, ix.m.Shards))
			if err != nil {
				return nil, err
			}
			for _, c := range append(slices.Clip(sh.completions[w.typed]), ix.recentCompletions(w.typed)...) {
				if !slices.Contains(names, c) {
					names = append(slices.Clip(names), c)
				}
			}
		}
		qw := qword{kind: w.kind}
		for _, n := range names {
			t, err := ix.term(n)
			if err != nil {
				return nil, err
			}
			qw.terms = append(qw.terms, t)
		}
		out = append(out, qw)
	}
	return out, nil
}

func queryTerms(words []qword) []string {
	var out []string
	for _, w := range words {
		for _, t := range w.terms {
			if t != nil && !slices.Contains(out, t.term) {
				out = append(out, t.term)
			}
		}
	}
	slices.Sort(out)
	return out
}

// window is the lowest id from which every term's postings are known.
func window(words []qword) uint32 {
	lo := uint32(0)
	for _, w := range words {
		for _, t := range w.terms {
			if t != nil {
				lo = max(lo, t.lo())
			}
		}
	}
	return lo
}

// extend reads the next older tail block of every term that limits the
// window.
func (ix *Index) extend(words []qword, lo uint32) error {
	for _, w := range words {
		for _, t := range w.terms {
			if t == nil || t.next < 0 || t.lo() != lo {
				continue
			}
			if err := ix.readTail(t); err != nil {
				return err
			}
		}
	}
	return nil
}

// matches are the articles that match in the window, with their scores
// and sections.
type matches struct {
	score map[uint32]int64
	sec   map[uint32]int
}

// match scores every article from lo on against each word, then keeps
// those matching all words (or any, when any is set).
func (ix *Index) match(words []qword, lo uint32, any bool) (*matches, error) {
	m := &matches{score: map[uint32]int64{}, sec: map[uint32]int{}}
	per := make([]map[uint32]int64, len(words))
	for i, w := range words {
		s, err := ix.wordScores(w, lo, m.sec)
		if err != nil {
			return nil, err
		}
		per[i] = s
	}
	if any {
		for _, s := range per {
			for id, v := range s {
				m.score[id] += v
			}
		}
		return m, nil
	}
	smallest := slices.MinFunc(per, func(a, b map[uint32]int64) int { return cmp.Compare(len(a), len(b)) })
next:
	for id := range smallest {
		total := int64(0)
		for _, s := range per {
			v, ok := s[id]
			if !ok {
				continue next
			}
			total += v
		}
		m.score[id] = total
	}
	return m, nil
}

// wordScores scores the articles from lo on that match one word.
func (ix *Index) wordScores(w qword, lo uint32, sec map[uint32]int) (map[uint32]int64, error) {
	out := map[uint32]int64{}
	if w.kind == phraseWord {
		return ix.phraseScores(w, lo, sec)
	}
	for _, t := range w.terms {
		if t == nil {
			continue
		}
		weight := idf(ix.m.Docs, t.df)
		for _, p := range t.posts {
			if p.id < lo {
				break
			}
			sec[p.id] = p.sec
			out[p.id] = max(out[p.id], weight*int64(p.impact))
		}
	}
	return out, nil
}

// phraseScores keeps the articles that have all of the phrase's terms,
// those other than stop words at consecutive positions.
func (ix *Index) phraseScores(w qword, lo uint32, sec map[uint32]int) (map[uint32]int64, error) {
	out := map[uint32]int64{}
	for _, t := range w.terms {
		if t == nil {
			return out, nil
		}
		if stopTerms[t.term] {
			continue
		}
		if err := ix.loadPositions(t); err != nil {
			return nil, err
		}
	}
next:
	for _, p := range w.terms[0].posts {
		if p.id < lo {
			break
		}
		total := int64(0)
		for _, t := range w.terms {
			i, found := slices.BinarySearchFunc(t.posts, p.id, func(q post, id uint32) int { return cmp.Compare(id, q.id) })
			if !found {
				continue next
			}
			total += idf(ix.m.Docs, t.df) * int64(t.posts[i].impact)
		}
		if adjacent(w.terms, p.id) {
			sec[p.id] = p.sec
			out[p.id] = total
		}
	}
	return out, nil
}

// adjacent reports whether the phrase's terms other than stop words
// stand where the phrase puts them, term i at p+i for some p, in article
// id. Stop words have no positions: they need only be in the article,
// which phraseScores has checked.
func adjacent(terms []*termInfo, id uint32) bool {
	var lists [][]uint32
	var offsets []uint32
	for i, t := range terms {
		if stopTerms[t.term] {
			continue
		}
		l, ok := t.positions[id]
		if !ok {
			return false
		}
		lists, offsets = append(lists, l), append(offsets, uint32(i))
	}
	if len(lists) < 2 {
		return true
	}
	for _, p := range lists[0] {
		if p < offsets[0] {
			continue
		}
		start := p - offsets[0]
		found := true
		for i := 1; i < len(lists) && found; i++ {
			_, found = slices.BinarySearch(lists[i], start+offsets[i])
		}
		if found {
			return true
		}
	}
	return false
}
