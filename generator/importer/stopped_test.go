package importer

import (
	"os"
	"path/filepath"
	"testing"

	"newsgen/generator/atomicfile"
	"newsgen/generator/content"
)

// An import stopped half-way leaves what the next import must repair:
// temporary files in content/, or the staging folder of a first import.
// The next import removes them and writes every article, under its plain
// slug.
func TestImportAfterAStoppedOne(t *testing.T) {
	seeds := map[string]string{
		"a.txt": "First story\n\nMarch 3, 2026\n\nText one.\n",
		"b.txt": "Second story\n\nMarch 4, 2026\n\nText two.\n",
	}
	s := newSite(t, seeds)
	contentDir := filepath.Join(s.root, "content")
	stage := atomicfile.StagingDir(contentDir)
	os.MkdirAll(stage, 0o755)
	os.WriteFile(filepath.Join(stage, "first-story.md"), []byte("---\ntitle: half"), 0o644)
	s.run(0)
	if _, err := os.Stat(stage); err == nil {
		t.Error("the staging folder of a stopped first import is still there")
	}
	want := s.content()
	if len(want) != 2 || want["first-story.md"] == "" || !content.Untouched([]byte(want["first-story.md"])) {
		t.Fatalf("content after the first import: %v", keys(want))
	}

	// A temporary file left beside the articles by a stopped rewrite.
	os.WriteFile(filepath.Join(contentDir, ".newsgen-x1.tmp"), []byte("---\ntitle: half"), 0o644)
	s.memo = NewMemo()
	rep := s.run(0)
	if got := s.content(); !maps(got, want) || rep.Unchanged != 2 {
		t.Errorf("after a stopped rewrite: %v, report %+v", keys(got), rep)
	}
}

// A first import writes nothing into content/ until every article is
// written: the folder appears whole.
func TestFirstImportStagesContent(t *testing.T) {
	s := newSite(t, map[string]string{"a.txt": "A story\n\nMarch 3, 2026\n\nText.\n"})
	rep := s.run(0)
	if rep.Imported != 1 || len(rep.Wrote) != 0 {
		t.Fatalf("report %+v", rep)
	}
	if _, err := os.Stat(filepath.Join(s.root, "content", "a-story.md")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(s.root)
	for _, e := range entries {
		if atomicfile.IsTemp(e.Name()) {
			t.Errorf("%s left beside content/", e.Name())
		}
	}
	// The memo knows the file where it ended up: a second import reads
	// nothing again.
	if rep := s.run(0); rep.Unchanged != 1 || rep.Imported != 0 {
		t.Errorf("second import: %+v", rep)
	}
}
