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
