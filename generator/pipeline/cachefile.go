package pipeline

import (
	"bufio"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	"newsgen/generator/importer"
)

// A cache file is a run of sections, each a stream of gob records written
// by an encoder of its own, so that each can be read alone and when it is
// needed: the import memo while importing, the entries while loading,
// the page records while rendering, the written names while pruning. An
// index of where each section starts and ends follows them, then
// sumMagic and the SHA-256 sum of everything before it.
const (
	secHeader = iota
	secEntries
	secPages
	secArticles
	secImport
	secWritten
	secLists
	secListed
	cacheSections
)

// indexSize is the size of the index: each section's offset and length.
const indexSize = cacheSections * 16

// encode writes the cache's sections and their index to w. A part the
// build kept in a spill, or left unread in the cache it started from, is
// copied as it is, without decoding it.
func (c *cache) encode(w io.Writer) error {
	cw := &countingWriter{w: w}
	index := make([]byte, 0, indexSize)
	for i := range cacheSections {
		start := cw.n
		if err := c.encodeSection(i, cw); err != nil {
			return err
		}
		index = binary.LittleEndian.AppendUint64(index, uint64(start))
		index = binary.LittleEndian.AppendUint64(index, uint64(cw.n-start))
	}
	_, err := cw.Write(index)
	return err
}

func (c *cache) encodeSection(i int, w io.Writer) error {
	enc := gob.NewEncoder(w)
	switch i {
	case secHeader:
		return enc.Encode(cacheHeader{Version: c.Version, Settings: c.Settings, Meta: c.Meta, Search: c.Search})
	case secEntries:
		return mapOrRecords(w, c.entrySpill, c.Entries)
	case secPages:
		return mapOrRecords(w, c.pageSpill, c.Pages)
	case secArticles:
		if c.articleSpill != nil {
			return c.articleSpill.copyTo(w)
		}
		return c.encodeArticles(enc)
	case secImport:
		return c.encodeImport(w)
	case secWritten:
		return listOrRecords(w, c.writtenSpill, c.Written)
	case secLists:
		return encodeList(enc, c.Lists)
	default:
		return listOrRecords(w, c.listedSpill, c.Listed)
	}
}

// encodeImport writes the import memo, from memory or from its records.
func (c *cache) encodeImport(w io.Writer) error {
	if c.memoSpill != nil {
		return c.memoSpill.copyTo(w)
	}
	memo := c.Import
	if memo == nil {
		memo = importer.NewMemo()
	}
	enc := gob.NewEncoder(w)
	return errors.Join(encodeMap(enc, memo.Seeds), encodeMap(enc, memo.Content))
}

func mapOrRecords[V any](w io.Writer, r records, m map[string]V) error {
	if r != nil {
		return r.copyTo(w)
	}
	return encodeMap(gob.NewEncoder(w), m)
}

func listOrRecords(w io.Writer, r records, list []string) error {
	if r != nil {
		return r.copyTo(w)
	}
	return encodeList(gob.NewEncoder(w), list)
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// openCache reads the header and the list pages' names of a cache whose
// body (sections and index, the trailer left out) is the first size bytes
// of r, and leaves every other section to be read when it is needed. A
// cache of another version is errOldCache. Each section holds r open
// until it is read or dropped; done is called when none does any more.
func openCache(r io.ReaderAt, size int64, done func()) (*cache, error) {
	secs, err := readIndex(r, size)
	if err != nil {
		return nil, err
	}
	var h cacheHeader
	if err := decoderOf(secs[secHeader]).Decode(&h); err != nil {
		return nil, err
	}
	if h.Version != cacheVersion {
		return nil, errOldCache
	}
	c := newCache()
	c.Settings, c.Meta, c.Search = h.Settings, h.Meta, h.Search
	if c.Lists, err = decodeList(decoderOf(secs[secLists])); err != nil {
		return nil, err
	}
	c.Entries, c.Pages, c.Articles, c.Import = nil, nil, nil, nil
	open := &openFile{done: done}
	c.entrySpill = open.section(secs[secEntries])
	c.pageSpill = open.section(secs[secPages])
	c.articleSpill = open.section(secs[secArticles])
	c.memoSpill = open.section(secs[secImport])
	c.writtenSpill = open.section(secs[secWritten])
	c.listedSpill = open.section(secs[secListed])
	return c, nil
}

// readIndex reads the index at the end of a cache's body.
func readIndex(r io.ReaderAt, size int64) ([]*io.SectionReader, error) {
	if size < indexSize {
		return nil, errors.New("cache is truncated")
	}
	index := make([]byte, indexSize)
	if _, err := r.ReadAt(index, size-indexSize); err != nil {
		return nil, err
	}
	secs := make([]*io.SectionReader, cacheSections)
	for i := range secs {
		off := binary.LittleEndian.Uint64(index[16*i:])
		n := binary.LittleEndian.Uint64(index[16*i+8:])
		if off > uint64(size-indexSize) || n > uint64(size-indexSize)-off {
			return nil, fmt.Errorf("section %d lies outside the cache", i)
		}
		secs[i] = io.NewSectionReader(r, int64(off), int64(n))
	}
	return secs, nil
}

// openFile counts the sections of a cache file still to be read, and
// calls done when the last is read or dropped.
type openFile struct {
	left atomic.Int32
	done func()
}

func (o *openFile) section(r *io.SectionReader) records {
	o.left.Add(1)
	return &section{r: r, file: o}
}

// section is a part of the cache file a build started from.
type section struct {
	r    *io.SectionReader
	file *openFile
}

func (s *section) replay(read func(*gob.Decoder) error) error {
	return read(decoderOf(s.r))
}

func (s *section) copyTo(w io.Writer) error {
	_, err := io.Copy(w, io.NewSectionReader(s.r, 0, s.r.Size()))
	return err
}

func (s *section) close() {
	if s.file != nil && s.file.left.Add(-1) == 0 && s.file.done != nil {
		s.file.done()
	}
	s.file = nil
}

func decoderOf(r *io.SectionReader) *gob.Decoder {
	return gob.NewDecoder(bufio.NewReaderSize(io.NewSectionReader(r, 0, r.Size()), 1<<16))
}
