package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"newsgen/generator/atomicfile"
)

func TestWriteMinifiesAndSkipsUnchangedFiles(t *testing.T) {
	dir := t.TempDir()
	p := New(dir)
	page := "<!doctype html>\n<html lang=en>\n<head>\n  <title> T </title>\n</head>\n<body>\n  <p>  Hello   world </p>\n</body>\n</html>\n"
	if _, err := p.Write("a/index.html", []byte(page)); err != nil {
		t.Fatal(err)
	}
	full := filepath.Join(dir, "a", "index.html")
	got, _ := os.ReadFile(full)
	if strings.Contains(string(got), "\n") || !strings.Contains(string(got), "<p>Hello world</p>") {
		t.Errorf("not minified: %q", got)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(full, old, old)
	p2 := New(dir)
	if _, err := p2.Write("a/index.html", []byte(page)); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(full); !info.ModTime().Equal(old) {
		t.Error("an unchanged file was rewritten")
	}
	if p2.Counts().Unchanged.Load() != 1 || p2.Counts().Written.Load() != 0 {
		t.Errorf("counts: written %d unchanged %d", p2.Counts().Written.Load(), p2.Counts().Unchanged.Load())
	}
}

func TestMinifiesEveryKindOfText(t *testing.T) {
	p := New(t.TempDir())
	for name, in := range map[string]string{
		"s.css":      "body {\n  color : red ;\n}\n",
		"f.json":     "{\n  \"a\" : 1\n}\n",
		"x.xml":      "<?xml version=\"1.0\"?>\n<a>\n  <b>1</b>\n</a>\n",
		"i.svg":      "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect width=\"1\" height=\"1\"/>\n</svg>\n",
		"j.js":       "function  f ( a ) {\n  return a ;\n}\n",
		"robots.txt": "User-agent: *\n",
	} {
		if _, err := p.Write(name, []byte(in)); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(filepath.Join(p.Dir, name))
		if name == "robots.txt" {
			if string(got) != in {
				t.Errorf("%s changed: %q", name, got)
			}
			continue
		}
		if len(got) >= len(in) {
			t.Errorf("%s not minified: %q", name, got)
		}
	}
}

func TestPruneRemovesOnlyWhatAnEarlierBuildWrote(t *testing.T) {
	dir := t.TempDir()
	p := New(dir)
	p.WriteRaw("keep.txt", []byte("k"))
	p.WriteRaw("old/gone/index.html", []byte("g"))
	os.WriteFile(filepath.Join(dir, "CNAME.mine"), []byte("x"), 0o644)
	previous, err := p.Written()
	if err != nil {
		t.Fatal(err)
	}

	p2 := New(dir)
	p2.WriteRaw("keep.txt", []byte("k"))
	if err := p2.Prune(slices.Values(append(previous, "../outside.txt"))); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "old")); !os.IsNotExist(err) {
		t.Error("the stale page or its empty folders are still there")
	}
	for _, name := range []string{"keep.txt", "CNAME.mine"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s was removed", name)
		}
	}
}

func TestWriteLeavesNoTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	p := New(dir)
	for i := 0; i < 3; i++ {
		p.WriteRaw("f.txt", []byte(strings.Repeat("x", i)))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d files", len(entries))
	}
}

func TestFirstBuildAppearsWholeOnCommit(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	stale := atomicfile.StagingDir(out)
	os.MkdirAll(filepath.Join(stale, "old"), 0o755)
	os.WriteFile(filepath.Join(stale, "old", "half.html"), []byte("<p>ha"), 0o644)
	p := New(out)
	if _, err := os.Stat(stale); err == nil {
		t.Error("a stopped first build's staging folder was not removed")
	}
	for _, name := range []string{"index.html", "2026/01/a/index.html", "style.css"} {
		if err := p.WriteRaw(name, []byte("x "+name)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("the output folder exists before Commit")
	}
	if err := p.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "2026", "01", "a", "index.html")); string(got) != "x 2026/01/a/index.html" {
		t.Errorf("after Commit: %q", got)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 || entries[0].Name() != "public" {
		t.Errorf("beside the output: %v", entries)
	}
	// The next publisher writes in place, replacing files whole.
	p2 := New(out)
	if err := p2.WriteRaw("index.html", []byte("y")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "index.html")); string(got) != "y" {
		t.Errorf("rewrite: %q", got)
	}
	if err := p2.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestCommitOfAnEmptyFirstBuildMakesTheFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site", "public")
	os.MkdirAll(filepath.Dir(out), 0o755)
	if err := New(out).Commit(); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(out); err != nil || !info.IsDir() {
		t.Errorf("output folder: %v", err)
	}
}

// TestFirstBuildForgetsFoldersPastABound writes into more folders than a
// first build remembers, then again into the first ones: every file
// lands, and the memory of folders made stays bounded.
func TestFirstBuildForgetsFoldersPastABound(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	p := New(out)
	n := madeSize + 10
	for i := range n {
		if _, err := p.Write(fmt.Sprintf("2026/%05d/index.html", i), []byte("<p>a")); err != nil {
			t.Fatal(err)
		}
		if len(p.made) > madeSize {
			t.Fatalf("%d folders remembered, more than %d", len(p.made), madeSize)
		}
	}
	for i := range 3 {
		if err := p.WriteRaw(fmt.Sprintf("2026/%05d/extra.txt", i), []byte("b")); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"2026/00000/index.html", "2026/00001/extra.txt", fmt.Sprintf("2026/%05d/index.html", n-1)} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil {
			t.Error(err)
		}
	}
}
