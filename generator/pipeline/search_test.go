package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"newsgen/generator/search"
)

// The build writes a search index that finds its articles, a new article
// rewrites only the manifest and the recent articles' positions, and a
// cached build's index is byte for byte a cold build's.
func TestSearchIndexInTheBuild(t *testing.T) {
	root := corpusSite(t, 400)
	out := filepath.Join(root, OutDir)
	build(t, Options{Root: root})
	before := snapshot(t, out)

	article := "---\ntitle: \"Quokka census in Zürich\"\ndate: 2026-10-31\ncategory: War\nsummary: \"Counting quokkas.\"\n---\n\nVolunteers counted quokkas.\n"
	if err := os.WriteFile(filepath.Join(root, ContentDir, "quokka-census.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, Options{Root: root})
	after := snapshot(t, out)

	var changed []string
	indexFiles := 0
	for name, sum := range after {
		if !isSearchFile(name) {
			continue
		}
		indexFiles++
		if before[name] != sum {
			changed = append(changed, name)
		}
	}
	sort.Strings(changed)
	t.Logf("%d of %d index files changed: %v", len(changed), indexFiles, changed)
	ix, err := search.Open(os.DirFS(filepath.Join(out, SearchDir)))
	if err != nil {
		t.Fatal(err)
	}
	// The new article does not complete a chunk: it is a recent
	// article, in the manifest, and its positions in r.bin.
	if ix.Docs()%ix.Chunk() == 0 {
		t.Fatalf("%d articles: the new one completes a chunk; the test wants one that does not", ix.Docs())
	}
	if want := []string{"search/index.json", "search/r.bin"}; !slices.Equal(changed, want) {
		t.Errorf("index files changed: %v, want %v", changed, want)
	}
	r, err := ix.Query("zurich quokkas", search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 1 || r.Hits[0].Title != "Quokka census in Zürich" || r.Fallback {
		t.Fatalf("hits %+v", r.Hits)
	}

	cold := filepath.Join(t.TempDir(), "cold")
	build(t, Options{Root: root, Out: cold})
	coldFiles := snapshot(t, cold)
	for name, sum := range after {
		if isSearchFile(name) && coldFiles[name] != sum {
			t.Errorf("%s differs between the cached and the cold build", name)
		}
	}
	for name := range coldFiles {
		if isSearchFile(name) && after[name] == ([32]byte{}) {
			t.Errorf("%s only in the cold build", name)
		}
	}
}

// An unchanged archive keeps every index file, and a deleted article
// leaves no trace in the index.
func TestSearchIndexKeptAndPruned(t *testing.T) {
	root := corpusSite(t, 60)
	out := filepath.Join(root, OutDir)
	build(t, Options{Root: root})
	first := snapshot(t, out)
	rep := build(t, Options{Root: root})
	if rep.Written != 0 {
		t.Errorf("an unchanged build wrote %d files", rep.Written)
	}
	files, _ := filepath.Glob(filepath.Join(root, ContentDir, "*", "*", "*.md"))
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join(root, ContentDir, "*.md"))
	}
	if len(files) == 0 {
		t.Fatal("no content files")
	}
	if err := os.Remove(files[0]); err != nil {
		t.Fatal(err)
	}
	build(t, Options{Root: root, NoImport: true})
	second := snapshot(t, out)
	if first["search/index.json"] == second["search/index.json"] {
		t.Error("the manifest did not change when an article went")
	}
	for name := range second {
		if strings.HasPrefix(name, "search/") && !isSearchFile(name) && name != "search/index.html" {
			t.Errorf("stray file %s", name)
		}
	}
}

func slicesContain(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// `[search] disable = true` builds no index, and removes the last one.
func TestSearchIndexDisabled(t *testing.T) {
	root := corpusSite(t, 30)
	out := filepath.Join(root, OutDir)
	build(t, Options{Root: root})
	if _, err := os.Stat(filepath.Join(out, SearchDir, "index.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "newsgen.toml"), []byte("[search]\ndisable = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := build(t, Options{Root: root})
	for name := range snapshot(t, out) {
		if isSearchFile(name) {
			t.Fatalf("%s is still there", name)
		}
	}
	if rep.Stage("search") != 0 {
		t.Errorf("the search stage took %v", rep.Stage("search"))
	}
}

// In watch mode an edit to an article's text keeps the index, which the
// next build then refreshes; a new article refreshes it at once.
func TestLiveEditKeepsTheIndex(t *testing.T) {
	root := corpusSite(t, 40)
	out := filepath.Join(root, OutDir)
	b := NewBuilder(Options{Root: root, Now: fixedNow, Live: true})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	files, err := contentFiles(root)
	if err != nil || len(files) == 0 {
		t.Fatal("no content", err)
	}
	target := filepath.Join(root, files[0])
	data, _ := os.ReadFile(target)
	if err := os.WriteFile(target, append(data, []byte("\n\nA correction about quokkas.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Rebuild([]string{target}); err != nil {
		t.Fatal(err)
	}
	edited := snapshot(t, out)
	for name, sum := range edited {
		if isSearchFile(name) && before[name] != sum {
			t.Errorf("an edit in watch mode rewrote %s", name)
		}
	}
	added := filepath.Join(root, ContentDir, "quokka.md")
	if err := os.WriteFile(added, []byte("---\ntitle: \"Quokka\"\ndate: 2026-10-31\n---\n\nQuokkas.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Rebuild([]string{added}); err != nil {
		t.Fatal(err)
	}
	if snapshot(t, out)["search/index.json"] == before["search/index.json"] {
		t.Error("a new article in watch mode left the index as it was")
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	// The next build brings the edit in: the same index as a cold build.
	build(t, Options{Root: root})
	cold := filepath.Join(t.TempDir(), "cold")
	build(t, Options{Root: root, Out: cold})
	warm, fresh := snapshot(t, out), snapshot(t, cold)
	for name, sum := range fresh {
		if isSearchFile(name) && warm[name] != sum {
			t.Errorf("%s differs from a cold build's after watch mode", name)
		}
	}
	ix, err := search.Open(os.DirFS(filepath.Join(out, SearchDir)))
	if err != nil {
		t.Fatal(err)
	}
	if r, err := ix.Query("correction quokkas", search.Options{}); err != nil || r.Total != 1 || r.Fallback {
		t.Errorf("the edit is not in the index after a build: %+v, %v", r, err)
	}
}
