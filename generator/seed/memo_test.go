package seed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
