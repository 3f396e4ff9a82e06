package search

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"newsgen/generator/workers"
)

// A bucket gathers the postings of the shards numbered b mod the bucket
// count, spilled to a file as articles are read.
type bucket struct {
	mu   sync.Mutex
	path string
	// heads holds the bucket's shards' term parts (buildShards).
	heads string
	file  *os.File
	buf   *bufio.Writer
}

// bucketCount keeps each bucket to about a thousand articles' postings,
// so that building one holds tens of megabytes whatever the archive's
// size, up to a million articles.
func bucketCount(docs, shards int) int {
	return max(1, min(shards, 1024, (docs+1023)/1024))
}

// spill reads and analyzes every article, in parallel, appending its
// postings to the buckets' files. A spilled article is a record:
//
//	uvarint id, uvarint section, uvarint count,
//	count times: string term, byte impact, positions (FORMAT.md section 5)
func (w *writer) spill() []error {
	nb := bucketCount(w.sealed, w.shards)
	w.buckets = make([]*bucket, nb)
	for b := range w.buckets {
		path := filepath.Join(w.in.TempDir, fmt.Sprintf("bucket-%d", b))
		f, err := os.Create(path)
		if err != nil {
			return []error{err}
		}
		w.buckets[b] = &bucket{path: path, file: f, buf: bufio.NewWriterSize(f, 16<<10)}
	}
	var mu sync.Mutex
	var problems []error
	// Twice as many workers as asked: reading bodies waits on the disk.
	workers.Each(2*w.in.Workers, w.sealed, func(id int) {
		if err := w.spillDoc(id); err != nil {
			mu.Lock()
			problems = append(problems, err)
			mu.Unlock()
		}
	})
	for _, b := range w.buckets {
		err := b.buf.Flush()
		if cerr := b.file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			problems = append(problems, err)
		}
	}
	return problems
}

// spillDoc analyzes one article and appends its record to each bucket
// its terms fall in.
func (w *writer) spillDoc(id int) error {
	d := w.doc(id)
	body, err := w.in.Body(w.input(id))
	if err != nil {
		body = ""
	}
	a := analyze(d.Title, d.Summary, body)
	defer a.release()
	byBucket := a.byBucketOf(w.shards, len(w.buckets))
	rec := records.Get().(*[]byte)
	defer records.Put(rec)
	for start := 0; start < len(byBucket); {
		b := byBucket[start].bucket
		end := start + 1
		for end < len(byBucket) && byBucket[end].bucket == b {
			end++
		}
		if werr := w.spillRecord(id, a, byBucket[start:end], w.buckets[b], rec); werr != nil {
			return werr
		}
		start = end
	}
	return err
}

// byBucketOf orders the article's terms by the bucket they are spilled
// to, counting rather than comparing: there are few buckets.
func (a *analysis) byBucketOf(shards, nb int) []bucketTerm {
	if cap(a.counts) < nb+1 {
		a.counts = make([]int, nb+1)
	}
	counts := a.counts[:nb+1]
	clear(counts)
	a.bucketOf = a.bucketOf[:0]
	for _, t := range a.terms {
		b := shardOf(t, shards) % nb
		a.bucketOf = append(a.bucketOf, b)
		counts[b+1]++
	}
	for b := 1; b <= nb; b++ {
		counts[b] += counts[b-1]
	}
	out := slices.Grow(a.byBucket[:0], len(a.terms))[:len(a.terms)]
	for i, t := range a.terms {
		b := a.bucketOf[i]
		out[counts[b]] = bucketTerm{b, t, a.occs[i]}
		counts[b]++
	}
	a.byBucket = out
	return out
}

// bucketTerm is a term of an article and the bucket it is spilled to.
type bucketTerm struct {
	bucket int
	term   string
	occ    *occurrence
}

// records are reused buffers for spilled records.
var records = sync.Pool{New: func() any { return new([]byte) }}

// spillRecord appends one article's record of some terms to a bucket.
func (w *writer) spillRecord(id int, a *analysis, terms []bucketTerm, bk *bucket, buf *[]byte) error {
	rec := putUvarint((*buf)[:0], uint64(id))
	rec = putUvarint(rec, uint64(w.secOf[id]))
	rec = putUvarint(rec, uint64(len(terms)))
	for _, bt := range terms {
		o := bt.occ
		rec = putString(rec, bt.term)
		rec = append(rec, a.impact(o))
		rec = putPositions(rec, o.positions)
	}
	*buf = rec
	bk.mu.Lock()
	defer bk.mu.Unlock()
	_, err := bk.buf.Write(rec)
	return err
}

func putPositions(b []byte, pos []uint32) []byte {
	b = putUvarint(b, uint64(len(pos)))
	prev := uint32(0)
	for _, p := range pos {
		b = putUvarint(b, uint64(p-prev))
		prev = p
	}
	return b
}

// posting is one article in a term's list, its positions still encoded
// at data[pos:pos+posLen] of its bucket's file: 16 bytes, as a bucket
// holds a million of them.
type posting struct {
	id, pos, posLen uint32
	sec             uint16
	impact          byte
}

// readBucket parses a bucket's file, calling fn for every term and
// posting in file order; it returns the file's bytes, where the postings'
// positions are. The term's bytes are only valid during the call.
func readBucket(path string, fn func(term []byte, p posting)) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	d := &decoder{b: data}
	for len(d.b) > 0 && d.err == nil {
		id := uint32(d.uvarint())
		sec := uint16(d.uvarint())
		n := d.int()
		for range n {
			t := d.bytes(d.int())
			impact := d.byte()
			start := d.b
			for range d.int() {
				d.uvarint()
			}
			off := len(data) - len(start)
			p := posting{id: id, sec: sec, impact: impact, pos: uint32(off), posLen: uint32(len(start) - len(d.b))}
			fn(t, p)
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("%s: %w", path, d.err)
	}
	return data, nil
}
