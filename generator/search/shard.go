package search

import (
	"cmp"
	"slices"

	"newsgen/generator/workers"
)

// blockSize is B: postings per tail block (FORMAT.md section 4).
const blockSize = 512

// tailCount is how many sealed tail blocks a term of df articles has.
func tailCount(df int) int { return max(0, df/blockSize-1) }

// buildShards builds and writes the shards of each bucket in turn.
func (w *writer) buildShards() error {
	nb := len(w.buckets)
	for b, bk := range w.buckets {
		terms := map[string][]posting{}
		err := readBucket(bk.path, func(t []byte, p posting) {
			list, ok := terms[string(t)]
			if !ok {
				terms[string(t)] = []posting{p}
				return
			}
			terms[string(t)] = append(list, p)
		})
		if err != nil {
			return err
		}
		byShard := map[int][]string{}
		for t := range terms {
			s := shardOf(t, w.shards)
			byShard[s] = append(byShard[s], t)
		}
		var mine []int
		for s := b; s < w.shards; s += nb {
			mine = append(mine, s)
		}
		errs := make([]error, len(mine))
		workers.Each(w.in.Workers, len(mine), func(i int) {
			errs[i] = w.writeShard(mine[i], byShard[mine[i]], terms)
		})
		for _, err := range errs {
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// writeShard writes shard s: its terms, head blocks, completions, head
// positions, and the tail blocks of its frequent terms.
func (w *writer) writeShard(s int, names []string, terms map[string][]posting) error {
	slices.Sort(names)
	var shard, positions []byte
	shard = putUvarint(shard, uint64(len(names)))
	for _, t := range names {
		list := terms[t]
		slices.SortFunc(list, func(a, b posting) int { return cmp.Compare(a.id, b.id) })
		df := len(list)
		tails := tailCount(df)
		shard = putString(shard, t)
		shard = putUvarint(shard, uint64(df))
		shard = putUvarint(shard, uint64(tails))
		if tails > 0 {
			shard = w.putCounts(shard, list)
		}
		head := list[tails*blockSize:]
		shard = putUvarint(shard, uint64(len(head)))
		shard = putPostings(shard, head, len(w.sections)+1)
		var pos []byte
		pos = putBlockPositions(pos, head)
		positions = putUvarint(positions, uint64(len(pos)))
		positions = append(positions, pos...)
		for k := range tails {
			block := list[k*blockSize : (k+1)*blockSize]
			data := putUvarint(nil, uint64(len(block)))
			if err := w.put(tailPath(s, t, k), putPostings(data, block, len(w.sections)+1)); err != nil {
				return err
			}
			if err := w.put(tailPositionPath(s, t, k), putBlockPositions(nil, block)); err != nil {
				return err
			}
		}
	}
	shard = putCompletions(shard, w.completions[s])
	if err := w.put(shardPath(s), shard); err != nil {
		return err
	}
	return w.put(positionPath(s), positions)
}

// putCounts appends a frequent term's counts by section and by year.
func (w *writer) putCounts(b []byte, list []posting) []byte {
	secs := make([]int, len(w.sections)+1)
	years := make([]int, len(w.years))
	for _, p := range list {
		secs[p.sec]++
		years[w.yearIndex(int(p.id))]++
	}
	for _, n := range secs {
		b = putUvarint(b, uint64(n))
	}
	for _, n := range years {
		b = putUvarint(b, uint64(n))
	}
	return b
}

// putPostings appends a block of postings, given oldest first, newest
// first (FORMAT.md section 4.1). Each is one number, the gap to the
// previous id times the count of section numbers plus the section, and
// the impact: a section costs no byte of its own.
func putPostings(b []byte, block []posting, sections int) []byte {
	for i := len(block) - 1; i >= 0; i-- {
		p := block[i]
		gap := uint64(p.id)
		if i < len(block)-1 {
			gap = uint64(block[i+1].id - p.id - 1)
		}
		b = putUvarint(b, gap*uint64(sections)+uint64(p.sec))
		b = append(b, p.impact)
	}
	return b
}

// putBlockPositions appends the positions of a block's postings, in the
// order putPostings writes them.
func putBlockPositions(b []byte, block []posting) []byte {
	for i := len(block) - 1; i >= 0; i-- {
		b = append(b, block[i].pos...)
	}
	return b
}

func putCompletions(b []byte, cs []completion) []byte {
	b = putUvarint(b, uint64(len(cs)))
	for _, c := range cs {
		b = putString(b, c.prefix)
		b = putUvarint(b, uint64(len(c.terms)))
		for _, t := range c.terms {
			b = putString(b, t)
		}
	}
	return b
}
