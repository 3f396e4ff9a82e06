package pipeline

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"newsgen/generator/atomicfile"
	"newsgen/generator/config"
	"newsgen/generator/content"
	"newsgen/generator/importer"
	"newsgen/generator/site"
)

// cacheVersion changes whenever the cache's shape or the meaning of its
// keys does, so that an old cache is ignored rather than misread.
const cacheVersion = 10

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
	// Search fingerprints what the last search index was made of.
	Search string
	// memoSpill, when not nil, holds the import memo instead of Import,
	// pageSpill the page records instead of Pages, entrySpill the entries
	// instead of Entries, articleSpill the article keys instead of
	// Articles, writtenSpill and listedSpill the lists Written and Listed.
	// Each is a spill made by this build or a section of the cache file it
	// started from, read when a stage needs it: a rebuild then holds no
	// more of a large archive's cache at once than a first build does.
	memoSpill, pageSpill, entrySpill, articleSpill, writtenSpill, listedSpill records
	// articleList, when not nil, holds the article keys instead of
	// Articles.
	articleList *articleList
}

// articleList is a build's article keys, by entry, kept as the two lists
// the build made rather than as a map of a million records that only the
// next build of the same builder, if any, looks up.
type articleList struct {
	entries []*site.Entry
	keys    []articleRecord
}

// written is the list of files the last build wrote or kept.
func (c *cache) written() []string {
	unspillList(&c.writtenSpill, &c.Written)
	return c.Written
}

// eachWritten calls fn with each file the last build wrote or kept, in
// order, until fn returns false, reading them from the cache file when
// they are still there rather than holding the list.
func (c *cache) eachWritten(fn func(string) bool) error {
	if c.writtenSpill == nil {
		for _, name := range c.Written {
			if !fn(name) {
				return nil
			}
		}
		return nil
	}
	return c.writtenSpill.replay(func(dec *gob.Decoder) error { return eachItem(dec, fn) })
}

// setWritten replaces the list of files written.
func (c *cache) setWritten(list []string) {
	if c.writtenSpill != nil {
		c.writtenSpill.close()
		c.writtenSpill = nil
	}
	c.Written = list
}

// listed is the list of content files the last build found.
func (c *cache) listed() []string {
	unspillList(&c.listedSpill, &c.Listed)
	return c.Listed
}

// setListed replaces the list of content files found.
func (c *cache) setListed(list []string) {
	if c.listedSpill != nil {
		c.listedSpill.close()
		c.listedSpill = nil
	}
	c.Listed = list
}

// articleRecord is an article page's key and the hash of the file it
// was made from.
type articleRecord struct {
	Hash, Key string
}

type cachedEntry struct {
	Size    int64
	ModTime time.Time
	Entry   *site.Entry
	// Warnings are what reading the file gave besides the entry; every
	// build repeats them until the file is fixed.
	Warnings []string
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

// cacheDir is the folder of the site's caches, where spills go too.
func cacheDir(root string, cfg *config.Config) string {
	return filepath.Join(root, cfg.CacheDir)
}

// loadCache reads the cache, or returns an empty one when there is none
// or it cannot be used; a cache is only ever a shortcut. The note, when
// not empty, says why a cache that was there was not used.
func loadCache(name string) (*cache, string) {
	c, err := readCache(name)
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, errOldCache):
		return newCache(), ""
	case err != nil:
		return newCache(), fmt.Sprintf("%s: %v; rebuilding it", name, err)
	}
	return c, ""
}

var errOldCache = errors.New("cache of another version")

// readCache checks the cache's sum, then reads its header and leaves its
// sections open to be read when the build needs them. It trusts the cache
// only when the sum written after it matches: a cache damaged in a way that
// still decodes would otherwise name files and pages that do not exist.
func readCache(name string) (*cache, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	c, err := checkAndOpen(f)
	if err != nil {
		f.Close()
	}
	return c, err
}

func checkAndOpen(f *os.File) (*cache, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	body := info.Size() - int64(len(sumMagic)+sha256.Size)
	if body <= 0 {
		return nil, errors.New("cache is truncated")
	}
	trailer := make([]byte, len(sumMagic)+sha256.Size)
	if _, err := f.ReadAt(trailer, body); err != nil {
		return nil, err
	}
	if string(trailer[:len(sumMagic)]) != sumMagic {
		return nil, errOldCache
	}
	h := sha256.New()
	if _, err := io.Copy(h, bufio.NewReaderSize(io.NewSectionReader(f, 0, body), 1<<16)); err != nil {
		return nil, err
	}
	if !bytes.Equal(trailer[len(sumMagic):], h.Sum(nil)) {
		return nil, errors.New("checksum does not match, the cache is damaged")
	}
	c, err := openCache(f, body, func() { f.Close() })
	if err != nil {
		return nil, errOldCache
	}
	return c, nil
}

// sumMagic comes before the SHA-256 sum that ends a cache file.
const sumMagic = "\nnewsgen-cache-sections-sha256\n"

// save writes the cache, as records, through a temporary file, so that a build
// stopped half-way leaves the previous cache rather than half of one. The
// SHA-256 sum of the encoding follows it.
func (c *cache) save(name string) error {
	err := atomicfile.WriteWith(name, func(w io.Writer) error {
		h := sha256.New()
		bw := bufio.NewWriterSize(io.MultiWriter(w, h), 1<<16)
		if err := c.encode(bw); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		_, err := w.Write(h.Sum([]byte(sumMagic)))
		return err
	})
	if err != nil {
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
