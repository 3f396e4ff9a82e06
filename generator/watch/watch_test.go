package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// deadline bounds every wait; batches normally come in milliseconds.
const deadline = 10 * time.Second

func start(t *testing.T, roots []string, opts Options) *Watcher {
	t.Helper()
	if opts.Debounce == 0 {
		opts.Debounce = 100 * time.Millisecond
	}
	w, err := New(roots, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// next returns the next batch.
func next(t *testing.T, w *Watcher) Batch {
	t.Helper()
	select {
	case b := <-w.Batches():
		return b
	case <-time.After(deadline):
		t.Fatal("no batch")
		return nil
	}
}

// until reads batches until every path in want was reported, and returns
// them merged, each path with its latest Op.
func until(t *testing.T, w *Watcher, want ...string) map[string]Op {
	t.Helper()
	got := map[string]Op{}
	for !hasAll(got, want) {
		for _, c := range next(t, w) {
			got[c.Path] = c.Op
		}
	}
	return got
}

func hasAll(got map[string]Op, want []string) bool {
	for _, p := range want {
		if _, ok := got[p]; !ok {
			return false
		}
	}
	return true
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBurstOfWritesIsOneBatch(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "old", "keep.md"), "old")
	w := start(t, []string{dir}, Options{Debounce: 300 * time.Millisecond})
	var want []string
	for i := range 30 {
		p := filepath.Join(dir, "old", fmt.Sprintf("a%02d.md", i))
		if i%2 == 1 {
			p = filepath.Join(dir, fmt.Sprintf("b%02d.md", i))
		}
		write(t, p, "first")
		write(t, p, "second, longer")
		want = append(want, p)
	}
	slices.Sort(want)
	b := next(t, w)
	if !slices.Equal(b.Paths(), want) {
		t.Fatalf("first batch = %v\nwant all %d files: %v", b.Paths(), len(want), want)
	}
	for _, c := range b {
		if c.Op != Changed {
			t.Errorf("%s: %v, want changed", c.Path, c.Op)
		}
	}
	// Nothing of the burst is left over for a second batch.
	sentinel := filepath.Join(dir, "sentinel.md")
	write(t, sentinel, "after")
	if b := next(t, w); !slices.Equal(b.Paths(), []string{sentinel}) {
		t.Fatalf("batch after the burst = %v, want only %s", b.Paths(), sentinel)
	}
}

func TestAtomicSaveByRenameNamesTheTargetOnly(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "post.md")
	write(t, target, "old")
	w := start(t, []string{dir}, Options{})
	for _, tmp := range []string{".newsgen-123456", "post.md.tmp"} {
		write(t, filepath.Join(dir, tmp), "new "+tmp)
		if err := os.Rename(filepath.Join(dir, tmp), target); err != nil {
			t.Fatal(err)
		}
	}
	b := next(t, w)
	want := Batch{{Path: target, Op: Changed}}
	if !slices.Equal(b, want) {
		t.Fatalf("batch = %v, want %v", b, want)
	}
}

func TestNewFolderIsWatchedWithItsFiles(t *testing.T) {
	dir := t.TempDir()
	w := start(t, []string{dir}, Options{})
	first := filepath.Join(dir, "2026", "06", "first.md")
	write(t, first, "written as the folder is made")
	if got := until(t, w, first); got[first] != Changed {
		t.Fatalf("%s: %v, want changed", first, got[first])
	}
	later := filepath.Join(dir, "2026", "06", "later.md")
	write(t, first, "written again, after the folder is watched")
	write(t, later, "new")
	got := until(t, w, later)
	if got[first] != Changed || got[later] != Changed {
		t.Fatalf("got %v, want both files changed", got)
	}
}

func TestDeletionIsReportedAsRemoved(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "gone.md")
	sub := filepath.Join(dir, "section")
	write(t, file, "x")
	write(t, filepath.Join(sub, "inside.md"), "x")
	w := start(t, []string{dir}, Options{})
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(sub); err != nil {
		t.Fatal(err)
	}
	got := until(t, w, file, sub)
	for p, op := range got {
		if op != Removed {
			t.Errorf("%s: %v, want removed", p, op)
		}
	}
}

func TestEditorTemporaryFilesAreIgnored(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "post.md")
	write(t, target, "old")
	w := start(t, []string{dir}, Options{})
	// vim: probe file, backup by rename, swap file; then the real write.
	probe := filepath.Join(dir, "4913")
	write(t, probe, "")
	os.Remove(probe)
	if err := os.Rename(target, target+"~"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{".post.md.swp", ".post.md.swx", ".#post.md", "#post.md#", "x.tmp", ".DS_Store", ".newsgen-99"} {
		write(t, filepath.Join(dir, name), "junk")
	}
	write(t, target, "new")
	b := next(t, w)
	want := Batch{{Path: target, Op: Changed}}
	if !slices.Equal(b, want) {
		t.Fatalf("batch = %v, want %v", b, want)
	}
}

func TestTemporary(t *testing.T) {
	for name, want := range map[string]bool{
		".post.md.swp": true, ".post.md.swx": true, "post.md~": true, ".#post.md": true,
		"4913": true, "a.tmp": true, ".newsgen-1234": true, ".DS_Store": true,
		"post.md": false, "4914": false, "newsgen.toml": false, "style.css": false, "#tag": false,
	} {
		if got := Temporary(name); got != want {
			t.Errorf("Temporary(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestFileRootAndRootMadeLater(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "newsgen.toml")
	seeds := filepath.Join(dir, "seeds")
	write(t, config, "title = 'a'")
	w := start(t, []string{config, seeds}, Options{})
	write(t, filepath.Join(dir, "README.md"), "a sibling, not watched")
	write(t, config, "title = 'b'")
	b := next(t, w)
	if want := (Batch{{Path: config, Op: Changed}}); !slices.Equal(b, want) {
		t.Fatalf("batch = %v, want %v", b, want)
	}
	seed := filepath.Join(seeds, "a.txt")
	write(t, seed, "seed")
	until(t, w, seed)
	seed2 := filepath.Join(seeds, "b.txt")
	write(t, seed2, "seed")
	until(t, w, seed2)
}

func TestNewRefusesRootWithoutFolder(t *testing.T) {
	_, err := New([]string{filepath.Join(t.TempDir(), "no", "such")}, Options{})
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("err = %v, want a missing folder", err)
	}
}

func TestPollingSeesChangeNewFileAndDeletion(t *testing.T) {
	dir := t.TempDir()
	changedFile := filepath.Join(dir, "a.md")
	removed := filepath.Join(dir, "b.md")
	write(t, changedFile, "old")
	write(t, removed, "old")
	w := start(t, []string{dir}, Options{Poll: true, PollInterval: 20 * time.Millisecond, Debounce: 20 * time.Millisecond})
	created := filepath.Join(dir, "sub", "c.md")
	write(t, changedFile, "new and longer")
	write(t, created, "new")
	write(t, filepath.Join(dir, "sub", ".c.md.swp"), "ignored")
	if err := os.Remove(removed); err != nil {
		t.Fatal(err)
	}
	got := until(t, w, changedFile, created, removed)
	want := map[string]Op{changedFile: Changed, created: Changed, removed: Removed}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for p, op := range want {
		if got[p] != op {
			t.Errorf("%s: %v, want %v", p, got[p], op)
		}
	}
}

func TestChangedComparesSizeAndTime(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	prev := map[string]stamp{"same": {1, t0, false}, "size": {1, t0, false}, "time": {1, t0, false}, "gone": {1, t0, false}, "dir": {0, t0, true}}
	cur := map[string]stamp{"same": {1, t0, false}, "size": {2, t0, false}, "time": {1, t0.Add(time.Millisecond), false}, "new": {1, t0, false}, "dir": {0, t0.Add(time.Hour), true}, "newdir": {0, t0, true}}
	if got, want := changed(prev, cur), []string{"gone", "new", "size", "time"}; !slices.Equal(got, want) {
		t.Fatalf("changed = %v, want %v", got, want)
	}
}

// limitErr waits for the fallback's error on Errors.
func limitErr(t *testing.T, w *Watcher) *LimitError {
	t.Helper()
	select {
	case err := <-w.Errors():
		var le *LimitError
		if !errors.As(err, &le) || !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("error = %v, want a LimitError for ENOSPC", err)
		}
		for _, s := range []string{"fs.inotify.max_user_watches", "sudo sysctl fs.inotify.max_user_watches=524288", "polling"} {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("message %q lacks %q", err, s)
			}
		}
		return le
	case <-time.After(deadline):
		t.Fatal("no error")
		return nil
	}
}

func TestOutOfWatchesAtStartPolls(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.md")
	full := func(string) error { return syscall.ENOSPC }
	w := start(t, []string{dir}, Options{PollInterval: 20 * time.Millisecond, addWatch: full})
	limitErr(t, w)
	write(t, file, "new")
	until(t, w, file)
}

func TestOutOfWatchesLaterPollsAndKeepsNewFiles(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.md")
	write(t, old, "old")
	fullAtLate := func(d string) error {
		if filepath.Base(d) == "late" {
			return syscall.ENOSPC
		}
		return nil
	}
	w := start(t, []string{dir}, Options{PollInterval: 20 * time.Millisecond, addWatch: fullAtLate})
	inLate := filepath.Join(dir, "late", "a.md")
	write(t, inLate, "x")
	until(t, w, inLate)
	if le := limitErr(t, w); le.Path != filepath.Join(dir, "late") {
		t.Errorf("error names %q, want the folder late", le.Path)
	}
	write(t, old, "changed, seen by polling")
	until(t, w, old)
}

func TestCloseEndsBatches(t *testing.T) {
	w, err := New([]string{t.TempDir()}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if _, ok := <-w.Batches(); ok {
		t.Fatal("Batches still open after Close")
	}
	if _, ok := <-w.Errors(); ok {
		t.Fatal("Errors still open after Close")
	}
}

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		path, dir string
		want      bool
	}{
		{"content/a.md", "content", true},
		{"content", "content", false},
		{"contents/a.md", "content", false},
		{"a.md", ".", true},
		{"../a.md", ".", false},
		{"/x/y", "/", true},
	} {
		if got := within(c.path, c.dir); got != c.want {
			t.Errorf("within(%q, %q) = %v, want %v", c.path, c.dir, got, c.want)
		}
	}
}

// A renamed folder is reported by its old name, removed, and by the files
// under its new name; edits under the new name are reported by the new
// name, and nothing more under the old one.
func TestRenamedFolderIsFollowed(t *testing.T) {
	for _, poll := range []bool{false, true} {
		t.Run(fmt.Sprintf("poll=%v", poll), func(t *testing.T) {
			dir := t.TempDir()
			old, renamed := filepath.Join(dir, "sub"), filepath.Join(dir, "sub2")
			write(t, filepath.Join(old, "deep", "a.md"), "a")
			w := start(t, []string{dir}, Options{Poll: poll, PollInterval: 50 * time.Millisecond})
			if err := os.Rename(old, renamed); err != nil {
				t.Fatal(err)
			}
			moved := filepath.Join(renamed, "deep", "a.md")
			got := until(t, w, moved)
			if got[moved] != Changed {
				t.Errorf("%s: %v, want changed", moved, got[moved])
			}
			if op, ok := got[old]; !poll && (!ok || op != Removed) {
				t.Errorf("old folder %s: %v, want removed", old, op)
			}
			if op, ok := got[filepath.Join(old, "deep", "a.md")]; poll && (!ok || op != Removed) {
				t.Errorf("old file: %v, want removed", op)
			}
			write(t, moved, "edited")
			got = until(t, w, moved)
			for p, op := range got {
				late := op == Removed && (p == old || within(p, old)) // the rename's own, if late
				if p != moved && !late {
					t.Errorf("edit under the new name also reported %s (%v)", p, op)
				}
			}
		})
	}
}
