package pipeline

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"newsgen/generator/content"
	"newsgen/generator/importer"
	"newsgen/generator/site"
)

// cacheVersion changes whenever the cache's shape or the meaning of its
// keys does, so that an old cache is ignored rather than misread.
const cacheVersion = 7

// cache is what one build leaves for the next: what each content file
// gave the archive, and the key of every page written. A page whose key is
// unchanged and whose file is still in the output is not rendered again.
type cache struct {
	Version int
	// Entries maps a content file to the entry read from it.
	Entries map[string]*cachedEntry
	// Pages maps an output file to the key of the page written there.
	Pages map[string]pageRecord
	// Import is what import made of each seed.
	Import *importer.Memo
	// Settings fingerprints the config and command line the cache was
	// made with; other settings empty it.
	Settings string
	// Written lists every file the last build wrote or kept, so that the
	// next can remove those it no longer makes.
	Written []string
	// Meta fingerprints the archive's order and every entry's front
	// matter as the last build saw them; Articles holds each article
	// page's key then. While Meta stays the same, only the articles whose
	// files changed need new keys, and the list pages none.
	Meta     string
	Articles map[string]articleRecord
	// Lists names the list pages and sitemaps of the last build.
	Lists []string
	// Listed are the content files the last build found, read or not.
	Listed []string
}

// articleRecord is an article page's key and what it was made from.
type articleRecord struct {
	Hash, Name, Key string
}

type cachedEntry struct {
	Size    int64
	ModTime time.Time
	Entry   *site.Entry
	// Image is the lead image as the front matter gives it, before its
	// picture is checked and measured.
	Image *content.Image
}

type pageRecord struct {
	Key  string
	Size int64
}

func newCache() *cache {
	return &cache{Version: cacheVersion, Entries: map[string]*cachedEntry{}, Pages: map[string]pageRecord{},
		Import: importer.NewMemo(), Articles: map[string]articleRecord{}}
}

func cacheFile(root, dir, out string) string {
	return filepath.Join(root, dir, "build-"+outKey(out)+".gob")
}

// loadCache reads the cache, or returns an empty one when there is none
// or it cannot be used; a cache is only ever a shortcut.
func loadCache(name string) *cache {
	f, err := os.Open(name)
	if err != nil {
		return newCache()
	}
	defer f.Close()
	c := newCache()
	if gob.NewDecoder(bufio.NewReaderSize(f, 1<<16)).Decode(c) != nil || c.Version != cacheVersion {
		return newCache()
	}
	return c
}

// save writes the cache whole, through a temporary file, so that a build
// stopped half-way leaves the previous cache rather than half of one.
func (c *cache) save(name string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp := name + ".tmp"
	if err := encodeTo(tmp, c); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// fresh reports whether the output file still holds what the record says.
func fresh(out, name string, rec pageRecord) bool {
	info, err := os.Stat(filepath.Join(out, filepath.FromSlash(name)))
	if errors.Is(err, fs.ErrNotExist) || err != nil {
		return false
	}
	return info.Size() == rec.Size
}

// outKey names an output folder in the cache: builds into two folders
// keep two caches.
func outKey(out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	sum := sha256.Sum256([]byte(abs))
	return hex.EncodeToString(sum[:8])
}

// encodeTo writes the cache to a file as it encodes it, never holding the
// whole encoding in memory.
func encodeTo(name string, c *cache) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	err = gob.NewEncoder(w).Encode(c)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
