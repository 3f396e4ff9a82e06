package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgen/generator/config"
)

// A builder that is not live keeps the import memo, the entries and the
// page records in spills between its stages. Built again, it reads them
// back: the second build renders nothing, the site is the cold build's,
// and the cache folder holds the cache alone.
func TestSpilledCacheServesTheNextBuild(t *testing.T) {
	root := corpusSite(t, 40)
	b := NewBuilder(Options{Root: root, Now: fixedNow})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	want := snapshot(t, filepath.Join(root, OutDir))
	if b.cache.memoSpill == nil || b.cache.entrySpill == nil || b.cache.pageSpill == nil {
		t.Fatal("the build kept its cache in memory, not in spills")
	}
	rep, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rendered != 0 || rep.Unchanged == 0 {
		t.Errorf("second build rendered %d pages, kept %d", rep.Rendered, rep.Unchanged)
	}
	if got := snapshot(t, filepath.Join(root, OutDir)); !sameFiles(got, want) {
		t.Error("second build changed the site")
	}
	c, note := loadCache(cacheFile(root, config.Default().CacheDir, filepath.Join(root, OutDir)))
	c.entryMap()
	c.pageMap()
	unspill(&c.articleSpill, &c.Articles)
	c.unspillImport()
	if note != "" || len(c.Entries) != 40 || len(c.Pages) == 0 || len(c.Import.Seeds) != 40 || len(c.Articles) != 40 {
		t.Errorf("saved cache: note %q, %d entries, %d pages, %d seeds, %d articles",
			note, len(c.Entries), len(c.Pages), len(c.Import.Seeds), len(c.Articles))
	}
	files, _ := os.ReadDir(filepath.Join(root, config.Default().CacheDir))
	for _, f := range files {
		if !strings.HasPrefix(f.Name(), "build-") {
			t.Errorf("%s left in the cache folder", f.Name())
		}
	}
}

// A cache read back opens with its header and list pages alone; the rest
// waits in sections until a stage asks for it. Saved again unread, the
// sections are copied as they are, and the copy reads as the original.
func TestUnreadSectionsAreCopiedAsTheyAre(t *testing.T) {
	root := corpusSite(t, 12)
	build(t, Options{Root: root})
	name := cacheFile(root, config.Default().CacheDir, filepath.Join(root, OutDir))
	c, note := loadCache(name)
	if note != "" {
		t.Fatal(note)
	}
	if c.Entries != nil || c.Pages != nil || c.Import != nil || c.Written != nil || c.Listed != nil {
		t.Fatal("the cache was decoded whole when it was opened")
	}
	if len(c.Lists) == 0 {
		t.Fatal("the list pages' names were not read")
	}
	copyName := filepath.Join(t.TempDir(), "copy.gob")
	if err := c.save(copyName); err != nil {
		t.Fatal(err)
	}
	c.dropSpills()
	orig, _ := os.ReadFile(name)
	again, _ := os.ReadFile(copyName)
	if string(orig) != string(again) {
		t.Error("an unread cache saved again differs from the one read")
	}
	d, note := loadCache(copyName)
	if note != "" || len(d.entryMap()) != 12 || len(d.pageMap()) == 0 || len(articleRecords(d)) != 12 ||
		len(d.written()) == 0 || len(d.listed()) != 12 {
		t.Errorf("copy: note %q, %d entries, %d pages, %d articles, %d written, %d listed",
			note, len(d.Entries), len(d.Pages), len(d.Articles), len(d.Written), len(d.Listed))
	}
	d.unspillImport()
	if len(d.Import.Seeds) != 12 {
		t.Errorf("copy: %d seeds in the import memo", len(d.Import.Seeds))
	}
}

// articleRecords reads the cache's article keys by content file.
func articleRecords(c *cache) map[string]articleRecord {
	unspill(&c.articleSpill, &c.Articles)
	return c.Articles
}
