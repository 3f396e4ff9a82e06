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

// A build from the cache on disk removes the pages of an article whose
// seed and content file are gone, reading the last build's list of
// files from the cache as it prunes, and ends with the site a cold build
// of what is left makes.
func TestRebuildFromDiskPrunesWhatIsGone(t *testing.T) {
	root := corpusSite(t, 20)
	build(t, Options{Root: root})
	seeds, _ := filepath.Glob(filepath.Join(root, SeedDir, "*.txt"))
	contents, _ := filepath.Glob(filepath.Join(root, ContentDir, "*.md"))
	if len(seeds) != 20 || len(contents) != 20 {
		t.Fatalf("%d seeds, %d content files", len(seeds), len(contents))
	}
	os.Remove(seeds[3])
	c, _ := loadCache(cacheFile(root, config.Default().CacheDir, filepath.Join(root, OutDir)))
	c.unspillImport()
	slug := ""
	for name, m := range c.Import.Seeds {
		if filepath.Base(seeds[3]) == name {
			slug = m.Slug
		}
	}
	c.dropSpills()
	if slug == "" {
		t.Fatal("the removed seed is not in the import memo")
	}
	os.Remove(filepath.Join(root, ContentDir, slug+".md"))
	rep := build(t, Options{Root: root})
	if rep.Removed == 0 {
		t.Error("nothing was removed")
	}
	cold := t.TempDir()
	os.MkdirAll(filepath.Join(cold, SeedDir), 0o755)
	left, _ := filepath.Glob(filepath.Join(root, SeedDir, "*.txt"))
	for _, s := range left {
		data, _ := os.ReadFile(s)
		info, _ := os.Stat(s)
		copied := filepath.Join(cold, SeedDir, filepath.Base(s))
		os.WriteFile(copied, data, 0o644)
		os.Chtimes(copied, info.ModTime(), info.ModTime())
	}
	build(t, Options{Root: cold})
	if !sameFiles(snapshot(t, filepath.Join(root, OutDir)), snapshot(t, filepath.Join(cold, OutDir))) {
		t.Errorf("the rebuild without %s differs from a cold build of the seeds left", filepath.Base(seeds[3]))
	}
}
