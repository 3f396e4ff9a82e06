package search

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
)

// Index reads an index as the browser does: file by file, only the files
// a query needs, each once.
type Index struct {
	fsys fs.FS
	m    manifest
	// Fetched lists the files read so far, in order: what a browser with
	// an empty cache would have requested.
	Fetched []string
	files   map[string][]byte
	shards  map[int]*shard
	// terms are the terms looked up, with their recent postings.
	terms map[string]*termInfo
	meta  map[int][]metaRow
	// recentPos are r.bin's positions by term, once read.
	recentPos map[string][]byte
	secNum    map[string]int
}

// Open reads the manifest of the index in fsys, the output's search/
// folder.
func Open(fsys fs.FS) (*Index, error) {
	ix := &Index{fsys: fsys, files: map[string][]byte{}, shards: map[int]*shard{},
		terms: map[string]*termInfo{}, meta: map[int][]metaRow{}, secNum: map[string]int{}}
	data, err := ix.fetch("index.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &ix.m); err != nil {
		return nil, fmt.Errorf("search/index.json: %w", err)
	}
	if ix.m.Version != formatVersion {
		return nil, fmt.Errorf("search/index.json: version %d, want %d", ix.m.Version, formatVersion)
	}
	if ix.m.Docs-ix.m.Sealed != len(ix.m.Recent) {
		return nil, fmt.Errorf("search/index.json: %d recent articles, want %d", len(ix.m.Recent), ix.m.Docs-ix.m.Sealed)
	}
	for i, s := range ix.m.Sections {
		ix.secNum[s[0]] = i
	}
	return ix, nil
}

// Docs is the number of articles indexed.
func (ix *Index) Docs() int { return ix.m.Docs }

// Chunk is the number of articles per metadata chunk, and so the number
// sealed into the shards at a time.
func (ix *Index) Chunk() int { return ix.m.Chunk }

// fetch reads one file of the index, once.
func (ix *Index) fetch(name string) ([]byte, error) {
	if data, ok := ix.files[name]; ok {
		return data, nil
	}
	data, err := fs.ReadFile(ix.fsys, name)
	if err != nil {
		return nil, fmt.Errorf("search/%s: %w", name, err)
	}
	if compressed(name) {
		if data, err = unpack(data); err != nil {
			return nil, fmt.Errorf("search/%s: %w", name, err)
		}
	}
	ix.files[name] = data
	ix.Fetched = append(ix.Fetched, name)
	return data, nil
}

// shard is one parsed shard file.
type shard struct {
	num         int
	terms       map[string]*termInfo
	order       []string
	completions map[string][]string
	positions   map[string][]byte // by term, once the positions file is read
}

// termInfo is a term's dictionary entry and the postings known so far.
type termInfo struct {
	term       string
	shard      int
	df, tails  int
	secCounts  []int
	yearCounts []int
	// posts are the known postings, newest first; next is the next tail
	// block to read (tails-1 down to 0, -1 when all are read).
	posts []post
	next  int
	// positions by id, for phrases, once read.
	positions map[uint32][]uint32
	// recent is how many of posts come first from the manifest's recent
	// articles; inShard says whether the shard has the term too.
	recent  int
	inShard bool
}

// post is one posting.
type post struct {
	id     uint32
	impact byte
	sec    int
}

// lo is the oldest id from which the term's postings are all known.
func (t *termInfo) lo() uint32 {
	if t.next < 0 || len(t.posts) == 0 {
		return 0
	}
	return t.posts[len(t.posts)-1].id
}

func (ix *Index) shard(s int) (*shard, error) {
	if sh, ok := ix.shards[s]; ok {
		return sh, nil
	}
	name := shardPath(s)
	data, err := ix.fetch(name)
	if err != nil {
		return nil, err
	}
	sh := &shard{num: s, terms: map[string]*termInfo{}, completions: map[string][]string{}}
	d := &decoder{b: data}
	nsec, nyear := len(ix.m.Sections)+1, len(ix.m.Years)
	for range d.int() {
		t := &termInfo{term: d.string(), shard: s, inShard: true}
		t.df, t.tails = d.int(), d.int()
		t.next = t.tails - 1
		if t.tails > 0 {
			t.secCounts = readCounts(d, nsec)
			t.yearCounts = readCounts(d, nyear)
		}
		t.posts = readPostings(d, d.int(), nsec)
		sh.terms[t.term] = t
		sh.order = append(sh.order, t.term)
	}
	for range d.int() {
		p := d.string()
		k := d.int()
		var terms []string
		for range k {
			terms = append(terms, p+d.string())
		}
		sh.completions[p] = terms
	}
	if err := d.wrap(name); err != nil {
		return nil, err
	}
	ix.shards[s] = sh
	return sh, nil
}

func readCounts(d *decoder, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = d.int()
	}
	return out
}

// readPostings reads n postings, newest first (FORMAT.md section 4.1);
// sections is the count of section numbers.
func readPostings(d *decoder, n, sections int) []post {
	out := make([]post, 0, n)
	var id uint32
	for i := range n {
		v := d.uvarint()
		gap, sec := uint32(v/uint64(sections)), int(v%uint64(sections))
		if i == 0 {
			id = gap
		} else {
			id = id - gap - 1
		}
		out = append(out, post{id: id, sec: sec, impact: d.byte()})
	}
	return out
}

// term looks a term up in its shard and among the recent articles' terms;
// nil when the archive lacks it.
func (ix *Index) term(name string) (*termInfo, error) {
	if t, ok := ix.terms[name]; ok {
		return t, nil
	}
	s := shardOf(name, ix.m.Shards)
	sh, err := ix.shard(s)
	if err != nil {
		return nil, err
	}
	t := sh.terms[name]
	if rp := ix.m.Postings[name]; len(rp) > 0 {
		t = ix.withRecent(t, name, s, rp)
	}
	ix.terms[name] = t
	return t, nil
}

// withRecent is a term's entry with its recent postings, pairs of id
// (from the first recent article) and impact, put before its shard's
// postings (FORMAT.md section 2.1).
func (ix *Index) withRecent(t *termInfo, name string, s int, rp []int) *termInfo {
	out := &termInfo{term: name, shard: s, next: -1}
	if t != nil {
		*out = *t
		out.secCounts, out.yearCounts = slices.Clone(t.secCounts), slices.Clone(t.yearCounts)
	}
	posts := make([]post, 0, len(rp)/2+len(out.posts))
	for i := 0; i+1 < len(rp); i += 2 {
		r := rp[i]
		p := post{id: uint32(ix.m.Sealed + r), impact: byte(rp[i+1]), sec: ix.m.Recent[r].Section}
		posts = append(posts, p)
		if out.tails > 0 {
			out.secCounts[p.sec]++
			out.yearCounts[ix.yearIndex(p.id)]++
		}
	}
	out.recent = len(posts)
	out.df += len(posts)
	out.posts = append(posts, out.posts...)
	return out
}

// readTail reads a term's next older tail block, and its positions when
// the term's are in use.
func (ix *Index) readTail(t *termInfo) error {
	k := t.next
	name := tailPath(t.shard, t.term, k)
	data, err := ix.fetch(name)
	if err != nil {
		return err
	}
	d := &decoder{b: data}
	block := readPostings(d, d.int(), len(ix.m.Sections)+1)
	if err := d.wrap(name); err != nil {
		return err
	}
	t.posts = append(t.posts, block...)
	t.next--
	if t.positions != nil {
		return ix.readTailPositions(t, k, block)
	}
	return nil
}
