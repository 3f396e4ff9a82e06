package search

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

// Doc is what the index needs of one article besides its body.
type Doc struct {
	// Path is the article's page path, such as "2026/06/slug/".
	Path    string
	Title   string
	Summary string
	// Date is the publication date in the site's time zone.
	Date time.Time
	// Section and SectionName are the article's category slug and name,
	// empty when it has none.
	Section, SectionName string
}

// Input is what Write indexes and where it puts the index.
type Input struct {
	// Count and Doc give the articles, Doc(i) for i below Count: the
	// index of a large archive asks for each when it needs it rather than
	// holding a copy of them all. Docs is the same for a few articles at
	// hand; it is used when Doc is nil.
	Count int
	Doc   func(i int) Doc
	Docs  []Doc
	// Body returns the Markdown body of article i.
	Body func(i int) (string, error)
	// Write stores one file of the index, by its path under search/. It
	// may be called from several goroutines at once.
	Write func(name string, data []byte) error
	// TempDir is a folder for the postings spilled while building; it is
	// created, and removed at the end.
	TempDir string
	Workers int
	// Key, when set, fingerprints article i's text, so that Write can tell
	// the sealed part of the index (Stats.SealedKey) from one build to
	// the next.
	Key func(i int) string
	// Keep, when set with Key, is asked whether the sealed part of the
	// last index, whose key it is given, is in place as it was written:
	// then Write writes only the manifest and r.bin, as a new article
	// newer than all others changes nothing else.
	Keep func(sealedKey string) bool
}

// Stats says what Write made.
type Stats struct {
	Docs, Terms, Files int
	Bytes              int64
	// SealedKey fingerprints what the sealed part of the index (every
	// file but the manifest and r.bin) is made of, when Input.Key is set.
	SealedKey string
}

// Write builds the index of the given articles. Postings go to spill
// files in TempDir as the articles are read, then each group of
// shards is built from its own spill file, so memory holds one group at
// a time rather than the archive's postings. An article whose body cannot
// be read is indexed by its headline and summary, and its error returned
// with the others.
func Write(in Input) (Stats, error) {
	w, err := newWriter(in)
	if err != nil {
		return Stats{}, err
	}
	defer os.RemoveAll(in.TempDir)
	if in.Key != nil {
		w.stats.SealedKey = w.sealedKey()
		if in.Keep != nil && in.Keep(w.stats.SealedKey) {
			problems := w.analyzeRecent()
			if err := w.manifest(); err != nil {
				problems = append(problems, err)
			}
			return w.stats, errors.Join(problems...)
		}
	}
	var problems []error
	problems = append(problems, w.spill()...)
	if err := w.buildShards(); err != nil {
		return w.stats, errors.Join(append(problems, err)...)
	}
	w.vocabulary()
	problems = append(problems, w.analyzeRecent()...)
	if err := w.finishShards(); err != nil {
		return w.stats, errors.Join(append(problems, err)...)
	}
	if err := w.metadata(); err != nil {
		return w.stats, errors.Join(append(problems, err)...)
	}
	if err := w.manifest(); err != nil {
		return w.stats, errors.Join(append(problems, err)...)
	}
	return w.stats, errors.Join(problems...)
}

// writer holds one index build.
type writer struct {
	in Input
	// order[id] is the input's number of the article numbered id.
	order    []int32
	sections []sectionName
	secOf    []uint16 // by id
	years    [][2]int
	// sealed is how many of the oldest articles the shards hold; the
	// newer ones are the manifest's recent articles (recent.go).
	sealed  int
	recent  map[string][]recentPosting
	shards  int
	buckets []*bucket
	// completions holds each shard's completion entries, encoded.
	completions [][]completion
	// vocab collects the terms that may complete a prefix; heads says
	// where each shard's term part waits for its completions.
	vocab []termDF
	heads []span
	mu    sync.Mutex
	stats Stats
}

type sectionName struct{ slug, name string }

func newWriter(in Input) (*writer, error) {
	if in.Workers <= 0 {
		in.Workers = 1
	}
	if err := os.MkdirAll(in.TempDir, 0o755); err != nil {
		return nil, err
	}
	if in.Doc == nil {
		docs := in.Docs
		in.Count, in.Doc = len(docs), func(i int) Doc { return docs[i] }
	}
	w := &writer{in: in}
	w.sortDocs()
	w.sealed = sealedCount(len(w.order))
	w.shards = shardCount(w.sealed)
	w.completions = make([][]completion, w.shards)
	w.stats.Docs = len(w.order)
	return w, nil
}

// sortDocs numbers the articles oldest first, ties by path, and numbers
// their sections by slug.
func (w *writer) sortDocs() {
	// The sort's keys are taken once each, not at every comparison:
	// a Doc may be made when asked for, path and all.
	type key struct {
		date time.Time
		path string
	}
	keys := make([]key, w.in.Count)
	w.order = make([]int32, w.in.Count)
	for i := range w.order {
		d := w.in.Doc(i)
		keys[i], w.order[i] = key{d.Date, d.Path}, int32(i)
	}
	slices.SortFunc(w.order, func(a, b int32) int {
		ka, kb := &keys[a], &keys[b]
		if c := ka.date.Compare(kb.date); c != 0 {
			return c
		}
		return cmp.Compare(ka.path, kb.path)
	})
	keys = nil
	names := map[string]string{}
	for id := range w.order {
		d := w.doc(id)
		if d.Section != "" {
			if n, ok := names[d.Section]; !ok || d.SectionName < n {
				names[d.Section] = d.SectionName
			}
		}
		if y := d.Date.Year(); len(w.years) == 0 || w.years[len(w.years)-1][0] != y {
			w.years = append(w.years, [2]int{y, id})
		}
	}
	for slug, name := range names {
		w.sections = append(w.sections, sectionName{slug, name})
	}
	slices.SortFunc(w.sections, func(a, b sectionName) int { return cmp.Compare(a.slug, b.slug) })
	number := map[string]uint16{}
	for i, s := range w.sections {
		number[s.slug] = uint16(i)
	}
	w.secOf = make([]uint16, len(w.order))
	for id := range w.order {
		n, ok := number[w.doc(id).Section]
		if !ok {
			n = uint16(len(w.sections))
		}
		w.secOf[id] = n
	}
}

// doc is the article numbered id, asked for when needed: the index of a
// large archive would otherwise hold its articles twice.
func (w *writer) doc(id int) Doc { return w.in.Doc(int(w.order[id])) }

// input is the input's number of the article numbered id.
func (w *writer) input(id int) int { return int(w.order[id]) }

// yearIndex is the place in the years list of article id's year.
func (w *writer) yearIndex(id int) int {
	i, _ := slices.BinarySearchFunc(w.years, id+1, func(y [2]int, t int) int { return cmp.Compare(y[1], t) })
	return i - 1
}

// put stores one file and counts it.
func (w *writer) put(name string, data []byte) error {
	switch {
	case strings.HasPrefix(name, "t/"):
		data = pack(data)
	case strings.HasPrefix(name, "p/"), strings.HasPrefix(name, "x/"):
		data = packNumbers(data)
	case compressed(name):
		data = packFast(data)
	}
	if err := w.in.Write(name, data); err != nil {
		return fmt.Errorf("search/%s: %w", name, err)
	}
	w.mu.Lock()
	w.stats.Files++
	w.stats.Bytes += int64(len(data))
	w.mu.Unlock()
	return nil
}
