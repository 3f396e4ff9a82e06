package pipeline

import (
	"bufio"
	"encoding/gob"
	"errors"
	"io"
	"os"
	"sync"

	"newsgen/generator/importer"
)

// records is a run of gob records, written by an encoder of their own,
// that a build reads back once or copies into the next cache: a spill, or
// a section of the cache the build started from.
type records interface {
	// replay reads the records from the start.
	replay(read func(*gob.Decoder) error) error
	// copyTo writes the records' bytes to w as they are.
	copyTo(w io.Writer) error
	close()
}

// spill is a temporary file of gob records that holds part of the cache
// while the build runs, instead of memory: for an archive of a million
// articles the import memo and the records of the pages written are each
// hundreds of megabytes that no stage reads again before the cache is
// saved. The file is removed as soon as it is made, where the system
// allows, so that a build stopped at any moment leaves nothing behind.
type spill struct {
	f *os.File
	// removed says the file's name is already gone.
	removed bool
	w       *bufio.Writer
	enc     *gob.Encoder
}

func newSpill(dir string) (*spill, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, ".spill-*")
	if err != nil {
		return nil, err
	}
	s := &spill{f: f, removed: os.Remove(f.Name()) == nil, w: bufio.NewWriterSize(f, 1<<16)}
	s.enc = gob.NewEncoder(s.w)
	return s, nil
}

// written is the spill's records so far, flushed to its file.
func (s *spill) written() (*io.SectionReader, error) {
	if err := s.w.Flush(); err != nil {
		return nil, err
	}
	size, err := s.f.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil, err
	}
	return io.NewSectionReader(s.f, 0, size), nil
}

func (s *spill) replay(read func(*gob.Decoder) error) error {
	r, err := s.written()
	if err != nil {
		return err
	}
	return read(gob.NewDecoder(bufio.NewReaderSize(r, 1<<16)))
}

func (s *spill) copyTo(w io.Writer) error {
	r, err := s.written()
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

func (s *spill) close() {
	s.f.Close()
	if !s.removed {
		os.Remove(s.f.Name())
	}
}

// spillImport moves the cache's import memo into a spill in dir. When
// that fails the memo simply stays in memory.
func (c *cache) spillImport(dir string) {
	if c.memoSpill != nil || c.Import == nil {
		return
	}
	s, err := newSpill(dir)
	if err != nil {
		return
	}
	if err := errors.Join(encodeMap(s.enc, c.Import.Seeds), encodeMap(s.enc, c.Import.Content)); err != nil {
		s.close()
		return
	}
	c.memoSpill, c.Import = s, nil
}

// unspillImport brings the import memo back into memory, for an import.
// A spill that cannot be read back leaves an empty memo: import then
// reads every seed again, as on a first build.
func (c *cache) unspillImport() {
	s := c.memoSpill
	if s == nil {
		return
	}
	c.memoSpill = nil
	defer s.close()
	c.Import = importer.NewMemo()
	err := s.replay(func(dec *gob.Decoder) error {
		seeds, err := decodeMapWith(dec, func(_ string, m importer.SeedMemo) importer.SeedMemo {
			m.Compact()
			return m
		})
		if err != nil {
			return err
		}
		content, err := decodeMap[importer.ContentMemo](dec)
		if err != nil {
			return err
		}
		c.Import.Seeds, c.Import.Content = seeds, content
		return nil
	})
	if err != nil {
		c.Import = importer.NewMemo()
	}
}

// pageMap is the last build's page records, read back from their spill
// when they were spilled.
func (c *cache) pageMap() map[string]pageRecord {
	unspill(&c.pageSpill, &c.Pages)
	return c.Pages
}

// entryMap is the last build's entries, read back from their spill when
// they were spilled.
// Each entry shares its strings as it is read, as loading would later: a
// decoded entry has its own copy of every section, topic and slug.
func (c *cache) entryMap() map[string]*cachedEntry {
	unspillWith(&c.entrySpill, &c.Entries, func(name string, ce *cachedEntry) *cachedEntry {
		if ce != nil && ce.Entry != nil {
			ce.Entry.Compact(name)
		}
		return ce
	})
	return c.Entries
}

// unspill reads a map back from its spill, if it is in one. A spill that
// cannot be read back leaves the map empty: a cache is only a shortcut.
func unspill[V any](s *records, m *map[string]V) {
	unspillWith(s, m, nil)
}

// unspillWith is unspill passing each value through each as it is read.
func unspillWith[V any](s *records, m *map[string]V, each func(string, V) V) {
	unspillBy(s, func(dec *gob.Decoder) (err error) {
		*m, err = decodeMapWith(dec, each)
		return err
	}, func() { *m = map[string]V{} })
}

// unspillList reads a list back from its records, if it is in them. Records
// that cannot be read back leave the list empty.
func unspillList(s *records, list *[]string) {
	unspillBy(s, func(dec *gob.Decoder) (err error) {
		*list, err = decodeList(dec)
		return err
	}, func() { *list = nil })
}

// unspillBy reads records with read, if there are any, and lets go of
// them; records that cannot be read back are undone by failed.
func unspillBy(s *records, read func(*gob.Decoder) error, failed func()) {
	if *s == nil {
		return
	}
	sp := *s
	*s = nil
	defer sp.close()
	if err := sp.replay(read); err != nil {
		failed()
	}
}

// dropSpills forgets what the cache holds in spills and sections.
func (c *cache) dropSpills() {
	for _, s := range []*records{&c.memoSpill, &c.pageSpill, &c.entrySpill, &c.articleSpill, &c.writtenSpill, &c.listedSpill} {
		if *s != nil {
			(*s).close()
			*s = nil
		}
	}
}

// sink collects a map that a build makes for the cache, in memory or,
// for a build whose cache is saved at its end, in a spill. It is safe for
// concurrent use.
type sink[V any] struct {
	mu    sync.Mutex
	m     map[string]V
	s     *spill
	items []item[V]
	err   error
}

// newSink spills into dir when spilled is set and a spill can be made.
func newSink[V any](dir string, spilled bool) *sink[V] {
	p := &sink[V]{}
	if spilled {
		if s, err := newSpill(dir); err == nil {
			p.s = s
			return p
		}
	}
	p.m = map[string]V{}
	return p
}

func (p *sink[V]) add(name string, v V) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.s == nil {
		p.m[name] = v
		return
	}
	p.items = append(p.items, item[V]{name, v})
	if len(p.items) == cacheBatch && p.err == nil {
		p.err = p.s.enc.Encode(batch[item[V]]{Items: p.items})
		p.items = p.items[:0]
	}
}

// store hands what was collected to the cache: the map into m, or the
// spill into s. A spill that failed leaves the map empty: the next build
// then does again the work the map would have saved.
func (p *sink[V]) store(m *map[string]V, s *records) {
	if *s != nil {
		(*s).close()
		*s = nil
	}
	if p.s == nil {
		*m = p.m
		return
	}
	if p.err == nil {
		p.err = p.s.enc.Encode(batch[item[V]]{Items: p.items, Last: true})
	}
	p.items = nil
	if p.err != nil {
		p.s.close()
		*m = map[string]V{}
		return
	}
	*m, *s = nil, p.s
}
