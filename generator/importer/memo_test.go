package importer

import (
	"newsgen/generator/seed"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unsafe"
)

const memoSeed = "Home Sport A late winner...\n\nA late winner settles the derby\n\nMarch 3, 2026\n\nThe home side scored in the last minute.\n"

// A seed whose stamp the memo knows is not read again: its file can even
// be rewritten behind the memo's back, with the same size and time, and
// the import does not notice.
func TestMemoSkipsUnchangedSeeds(t *testing.T) {
	s := newSite(t, map[string]string{"a.txt": memoSeed, "bad.txt": ""})
	s.run(0)
	p := filepath.Join(s.root, "seeds", "a.txt")
	info, _ := os.Stat(p)
	same := strings.Replace(memoSeed, "last", "LAST", 1)
	os.WriteFile(p, []byte(same), 0o644)
	os.Chtimes(p, info.ModTime(), info.ModTime())
	rep := s.run(0)
	if rep.Unchanged != 1 || len(rep.Skipped) != 1 || rep.Skipped[0].Reason != "empty file" {
		t.Fatalf("second run: %+v", rep)
	}
	if strings.Contains(s.content()["a-late-winner-settles-the-derby.md"], "LAST") {
		t.Error("the memo did not spare the unchanged seed a reading")
	}
	// A real change, seen in the stamp, is imported.
	later := info.ModTime().Add(time.Hour)
	os.Chtimes(p, later, later)
	if rep := s.run(0); rep.Imported != 1 {
		t.Errorf("changed seed: %+v", rep)
	}
}

// An edit to a content file changes its stamp: the memo does not hide it,
// and the file is kept as the editor left it.
func TestMemoSeesHandEdits(t *testing.T) {
	s := newSite(t, map[string]string{"a.txt": memoSeed})
	s.run(0)
	p := filepath.Join(s.root, "content", "a-late-winner-settles-the-derby.md")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, append(data, []byte("\nAn editor's line.\n")...), 0o644)
	for i := 0; i < 2; i++ {
		if rep := s.run(0); rep.Kept != 1 {
			t.Fatalf("run %d: %+v", i, rep)
		}
	}
	if !strings.Contains(s.content()["a-late-winner-settles-the-derby.md"], "An editor's line.") {
		t.Error("the edit is lost")
	}
	// A deleted content file is made again from its seed.
	os.Remove(p)
	if rep := s.run(0); rep.Imported != 1 {
		t.Errorf("after deletion: %+v", rep)
	}
}

// With Changed, only the named files are looked at; a seed deleted among
// them takes its untouched article with it.
func TestChangedLooksOnlyAtChangedFiles(t *testing.T) {
	s := newSite(t, map[string]string{"a.txt": memoSeed, "b.txt": strings.Replace(memoSeed, "late winner", "draw", 2)})
	s.run(0)
	p := filepath.Join(s.root, "seeds", "a.txt")
	later := modTime.Add(time.Hour)
	os.WriteFile(p, []byte(strings.Replace(memoSeed, "last minute", "first minute", 1)), 0o644)
	os.Chtimes(p, later, later)
	run := func(changed ...string) Report {
		set := map[string]bool{}
		for _, c := range changed {
			set[c] = true
		}
		rep, err := Import(ImportOptions{SeedsDir: filepath.Join(s.root, "seeds"), ContentDir: filepath.Join(s.root, "content"),
			DisplayRoot: s.root, Memo: s.memo, Changed: set})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	if rep := run(); rep.Imported != 0 || rep.Unchanged != 2 {
		t.Errorf("nothing named: %+v", rep)
	}
	if rep := run("a.txt"); rep.Imported != 1 || len(rep.Wrote) != 1 {
		t.Errorf("a.txt named: %+v", rep)
	}
	os.Remove(filepath.Join(s.root, "seeds", "b.txt"))
	rep := run("b.txt")
	if rep.Removed != 1 || !strings.Contains(rep.Summary(), "1 removed with their seeds") {
		t.Errorf("b.txt deleted: %+v", rep)
	}
	if _, ok := s.content()["a-draw-settles-the-derby.md"]; ok {
		t.Error("the deleted seed's article is still there")
	}
	// A full import never removes: the archive keeps articles whose seeds
	// were cleared away.
	os.Remove(p)
	if rep := s.run(0); rep.Removed != 0 || len(s.content()) != 1 {
		t.Errorf("full import after a deletion: %+v, %d files", rep, len(s.content()))
	}
}

// A fresh checkout gives every file a new time but the same bytes: seeds
// dated by their dateline are then known by their bytes and not parsed
// again. (Rules that would change the article prove no parse happened.)
func TestMemoKnowsTouchedSeedsByTheirBytes(t *testing.T) {
	s := newSite(t, map[string]string{"a.txt": memoSeed})
	s.run(0)
	later := modTime.Add(48 * time.Hour)
	for _, dir := range []string{"seeds", "content"} {
		files, _ := filepath.Glob(filepath.Join(s.root, dir, "*"))
		for _, f := range files {
			os.Chtimes(f, later, later)
		}
	}
	rules, err := seed.NewRules([]string{`The home side scored.*`})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Import(ImportOptions{SeedsDir: filepath.Join(s.root, "seeds"), ContentDir: filepath.Join(s.root, "content"),
		DisplayRoot: s.root, Memo: s.memo, Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unchanged != 1 || !strings.Contains(s.content()["a-late-winner-settles-the-derby.md"], "The home side scored") {
		t.Errorf("the touched seed was parsed again: %+v", rep)
	}
	if m := s.memo.Seeds["a.txt"]; m.Mod != later.UnixNano() {
		t.Errorf("the memo keeps the old time %v", time.Unix(0, m.Mod))
	}
}

// A memo read back shares its date source with the package's own, and
// keeps one it does not know as it was.
func TestCompactSharesTheDateSource(t *testing.T) {
	m := SeedMemo{DateSource: string([]byte(seed.FromInferred))}
	m.Compact()
	if unsafe.StringData(m.DateSource) != unsafe.StringData(seed.FromInferred) {
		t.Error("the date source was not shared")
	}
	odd := SeedMemo{DateSource: "guessed"}
	odd.Compact()
	if odd.DateSource != "guessed" {
		t.Errorf("an unknown date source became %q", odd.DateSource)
	}
}
