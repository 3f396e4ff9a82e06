package pipeline

import (
	"bufio"
	"encoding/gob"
	"errors"
	"io"
	"os"

	"newsgen/generator/importer"
)

// memoSpill holds the import memo in a temporary file while the rest of
// the build runs: import is the only stage that reads it, and for an
// archive of a million seeds it is hundreds of megabytes the rendering
// would otherwise hold. The file is removed as soon as it is made, where
// the system allows, so that a build stopped at any moment leaves nothing.
type memoSpill struct {
	f *os.File
	// removed says the file's name is already gone.
	removed bool
}

// spillImport moves the cache's import memo into a temporary file in dir.
// When that fails the memo simply stays in memory.
func (c *cache) spillImport(dir string) {
	if c.spill != nil || c.Import == nil {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".import-memo-*")
	if err != nil {
		return
	}
	s := &memoSpill{f: f, removed: os.Remove(f.Name()) == nil}
	bw := bufio.NewWriterSize(f, 1<<16)
	enc := gob.NewEncoder(bw)
	err = errors.Join(encodeMap(enc, c.Import.Seeds), encodeMap(enc, c.Import.Content), bw.Flush())
	if err != nil {
		s.close()
		return
	}
	c.spill, c.Import = s, nil
}

// unspillImport brings the import memo back into memory, for an import.
// A spill that cannot be read back leaves an empty memo: import then
// reads every seed again, as on a first build.
func (c *cache) unspillImport() {
	s := c.spill
	if s == nil {
		return
	}
	c.spill = nil
	defer s.close()
	c.Import = importer.NewMemo()
	err := s.replay(func(dec *gob.Decoder) error {
		seeds, err := decodeMap[importer.SeedMemo](dec)
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

// copyTo writes the spilled memo onto a cache's stream, batch by batch,
// as encodeMap would have written it.
func (s *memoSpill) copyTo(enc *gob.Encoder) error {
	return s.replay(func(dec *gob.Decoder) error {
		return errors.Join(copyMap[importer.SeedMemo](dec, enc), copyMap[importer.ContentMemo](dec, enc))
	})
}

func (s *memoSpill) replay(read func(*gob.Decoder) error) error {
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	return read(gob.NewDecoder(bufio.NewReaderSize(s.f, 1<<16)))
}

// copyMap copies one map's batches from a decoder to an encoder.
func copyMap[V any](dec *gob.Decoder, enc *gob.Encoder) error {
	for {
		var b batch[item[V]]
		if err := dec.Decode(&b); err != nil {
			return err
		}
		if err := enc.Encode(b); err != nil {
			return err
		}
		if b.Last {
			return nil
		}
	}
}

func (s *memoSpill) close() {
	s.f.Close()
	if !s.removed {
		os.Remove(s.f.Name())
	}
}
