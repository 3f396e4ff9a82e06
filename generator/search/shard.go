package search

import (
	"cmp"
	"errors"
	"os"
	"slices"

	"newsgen/generator/workers"
)

// blockSize is B: postings per tail block (FORMAT.md section 4).
const blockSize = 512

// tailCount is how many sealed tail blocks a term of df articles has.
func tailCount(df int) int { return max(0, df/blockSize-1) }

// buildShards builds the shards of each bucket in turn: it writes their
// positions and tail blocks, and keeps the shard files' term part in a
// file of the bucket's until the completions, which need the whole
// vocabulary, are known (finishShards).
func (w *writer) buildShards() error {
	w.heads = make([]span, w.shards)
	errs := make([]error, len(w.buckets))
	workers.Each(min(w.in.Workers, len(w.buckets)), len(w.buckets), func(b int) {
		errs[b] = w.buildBucket(b)
	})
	return errors.Join(errs...)
}

// buildBucket builds the shards of one bucket.
func (w *writer) buildBucket(b int) error {
	nb, bk := len(w.buckets), w.buckets[b]
	index := map[string]int32{}
	var names []string
	var lists [][]posting
	data, err := readBucket(bk.path, func(t []byte, p posting) {
		i, ok := index[string(t)]
		if !ok {
			i = int32(len(lists))
			index[string(t)] = i
			names = append(names, string(t))
			lists = append(lists, nil)
		}
		lists[i] = append(lists[i], p)
	})
	if err != nil {
		return err
	}
	index = nil
	byShard := map[int][]int32{}
	for i, t := range names {
		s := shardOf(t, w.shards)
		byShard[s] = append(byShard[s], int32(i))
	}
	var mine []int
	for s := b; s < w.shards; s += nb {
		mine = append(mine, s)
	}
	heads := make([][]byte, len(mine))
	errs := make([]error, len(mine))
	workers.Each(w.in.Workers, len(mine), func(i int) {
		heads[i], errs[i] = w.writeShard(mine[i], byShard[mine[i]], names, lists, data)
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	var vocab []termDF
	for i, t := range names {
		if len(lists[i]) >= minCompletionDF {
			vocab = append(vocab, termDF{t, len(lists[i])})
		}
	}
	w.mu.Lock()
	w.stats.Terms += len(names)
	w.vocab = append(w.vocab, vocab...)
	w.mu.Unlock()
	return w.keepHeads(bk, mine, heads)
}

// span is where a shard's term part lies in its bucket's heads file.
type span struct{ off, n int64 }

// keepHeads writes the shards' term parts to the bucket's heads file.
func (w *writer) keepHeads(bk *bucket, shards []int, heads [][]byte) error {
	bk.heads = bk.path + ".heads"
	f, err := os.Create(bk.heads)
	if err != nil {
		return err
	}
	var off int64
	for i, s := range shards {
		if _, err := f.Write(heads[i]); err != nil {
			f.Close()
			return err
		}
		w.heads[s] = span{off, int64(len(heads[i]))}
		off += int64(len(heads[i]))
	}
	return f.Close()
}

// finishShards writes each shard file: its term part and its
// completions.
func (w *writer) finishShards() error {
	nb := len(w.buckets)
	errs := make([]error, nb)
	workers.Each(min(w.in.Workers, nb), nb, func(b int) {
		errs[b] = w.finishBucket(b, nb)
	})
	return errors.Join(errs...)
}

// finishBucket writes the shard files of one bucket.
func (w *writer) finishBucket(b, nb int) error {
	data, err := os.ReadFile(w.buckets[b].heads)
	if err != nil {
		return err
	}
	var mine []int
	for s := b; s < w.shards; s += nb {
		mine = append(mine, s)
	}
	errs := make([]error, len(mine))
	workers.Each(w.in.Workers, len(mine), func(i int) {
		s := mine[i]
		h := w.heads[s]
		shard := slices.Clip(data[h.off : h.off+h.n])
		errs[i] = w.put(shardPath(s), putCompletions(shard, w.completions[s]))
	})
	return errors.Join(errs...)
}

// writeShard writes shard s's head positions and its frequent terms'
// tail blocks, and returns the shard file's term part (FORMAT.md
// section 4).
func (w *writer) writeShard(s int, ids []int32, names []string, lists [][]posting, data []byte) ([]byte, error) {
	slices.SortFunc(ids, func(a, b int32) int { return cmp.Compare(names[a], names[b]) })
	var shard, positions []byte
	shard = putUvarint(shard, uint64(len(ids)))
	for _, i := range ids {
		t, list := names[i], lists[i]
		sortByID(list)
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
		pos = putBlockPositions(pos, head, data)
		positions = putUvarint(positions, uint64(len(pos)))
		positions = append(positions, pos...)
		for k := range tails {
			block := list[k*blockSize : (k+1)*blockSize]
			tail := putUvarint(nil, uint64(len(block)))
			if err := w.put(tailPath(s, t, k), putPostings(tail, block, len(w.sections)+1)); err != nil {
				return nil, err
			}
			if err := w.put(tailPositionPath(s, t, k), putBlockPositions(nil, block, data)); err != nil {
				return nil, err
			}
		}
	}
	return shard, w.put(positionPath(s), positions)
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
func putBlockPositions(b []byte, block []posting, data []byte) []byte {
	for i := len(block) - 1; i >= 0; i-- {
		p := block[i]
		b = append(b, data[p.pos:p.pos+p.posLen]...)
	}
	return b
}

func putCompletions(b []byte, cs []completion) []byte {
	b = putUvarint(b, uint64(len(cs)))
	for _, c := range cs {
		b = putString(b, c.prefix)
		b = putUvarint(b, uint64(len(c.terms)))
		for _, t := range c.terms {
			b = putString(b, t[len(c.prefix):])
		}
	}
	return b
}

// sortByID sorts a term's postings by article id. They come nearly
// sorted, as the articles were spilled in id order by a few workers at
// once, so an insertion sort does it in about one pass; should the
// order be further off than that, a general sort takes over.
func sortByID(list []posting) {
	budget := 8 * len(list)
	for i := 1; i < len(list); i++ {
		p := list[i]
		j := i
		for j > 0 && list[j-1].id > p.id {
			list[j] = list[j-1]
			j--
		}
		list[j] = p
		if budget -= i - j; budget < 0 {
			slices.SortFunc(list, func(a, b posting) int { return cmp.Compare(a.id, b.id) })
			return
		}
	}
}
