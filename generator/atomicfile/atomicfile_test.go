package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesWholeAndLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a", "b.txt")
	for _, text := range []string{"first", "second, longer"} {
		if err := Write(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(name)
		if string(got) != text {
			t.Errorf("file holds %q, want %q", got, text)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(name))
	if len(entries) != 1 {
		t.Errorf("folder holds %d files", len(entries))
	}
	if info, _ := os.Stat(name); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", info.Mode())
	}
}

func TestWriteFailureLeavesTheOldFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f")
	Write(name, []byte("old"))
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only folders")
	}
	if err := Write(name, []byte("new")); err == nil {
		t.Fatal("write into a read-only folder succeeded")
	}
	if got, _ := os.ReadFile(name); string(got) != "old" {
		t.Errorf("file holds %q", got)
	}
}

func TestCreateWritesOnlyNewFiles(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "new", "deeper", "f.txt")
	if err := Create(name, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := Create(name, []byte("two")); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second create: %v", err)
	}
	if got, _ := os.ReadFile(name); string(got) != "one" {
		t.Errorf("file holds %q", got)
	}
}

func TestCreateGoesThroughATemporaryFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "page.html")
	// A reader polling the name sees no file, then the whole file: never
	// an empty or partial one.
	data := bytes.Repeat([]byte("0123456789"), 1<<16)
	seen := make(chan int, 1)
	stop := make(chan struct{})
	go func() {
		bad := 0
		for {
			select {
			case <-stop:
				seen <- bad
				return
			default:
			}
			if got, err := os.ReadFile(name); err == nil && len(got) != len(data) {
				bad++
			}
		}
	}()
	for i := range 50 {
		os.Remove(name)
		if err := Create(name, data); err != nil {
			t.Fatal(i, err)
		}
	}
	close(stop)
	if bad := <-seen; bad > 0 {
		t.Errorf("a reader saw %d partial files", bad)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d files", len(entries))
	}
}

func TestSweepRemovesOnlyTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	keep := []string{"a.html", ".hidden", ".newsgen-cache/build-1.gob", "x/.newsgen-notes", "x/page.tmp"}
	gone := []string{".newsgen-abc.tmp", "x/.newsgen-1.tmp", "x/y/.newsgen-zz.tmp"}
	for _, n := range append(append([]string{}, keep...), gone...) {
		p := filepath.Join(dir, filepath.FromSlash(n))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := Sweep(dir, false); err != nil || n != 1 {
		t.Errorf("shallow sweep removed %d, %v", n, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x", ".newsgen-1.tmp")); err != nil {
		t.Error("a shallow sweep went into a folder")
	}
	if n, err := Sweep(dir, true); err != nil || n != 2 {
		t.Errorf("deep sweep removed %d, %v", n, err)
	}
	for _, n := range keep {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(n))); err != nil {
			t.Errorf("%s removed", n)
		}
	}
	for _, n := range gone {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(n))); err == nil {
			t.Errorf("%s left", n)
		}
	}
	if n, err := Sweep(filepath.Join(dir, "missing"), true); n != 0 || err != nil {
		t.Errorf("missing folder: %d, %v", n, err)
	}
}

func TestWriteWithFailureLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "cache.gob")
	err := WriteWith(name, func(w io.Writer) error {
		w.Write([]byte("half"))
		return errors.New("encoding failed")
	})
	if err == nil {
		t.Fatal("no error")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("folder holds %d files", len(entries))
	}
}

// WriteNew writes a new file with its folder, as os.WriteFile would, and
// refuses to touch a file that is already there.
func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "2026", "06", "slug", "index.html")
	data := bytes.Repeat([]byte("<p>newsgen</p>\n"), 10000)
	if err := WriteNew(name, data); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(name)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read back %d bytes, %v; want %d bytes", len(got), err, len(data))
	}
	ref := filepath.Join(dir, "ref")
	if err := os.WriteFile(ref, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	mine, _ := os.Stat(name)
	theirs, _ := os.Stat(ref)
	if mine.Mode() != theirs.Mode() {
		t.Errorf("mode %v, os.WriteFile gives %v", mine.Mode(), theirs.Mode())
	}
	err = WriteNew(name, []byte("other"))
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("writing over a file: error %v, want one matching fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(name); !bytes.Equal(got, data) {
		t.Error("a refused write changed the file")
	}
	if err := WriteNew(filepath.Join(ref, "x"), data); err == nil {
		t.Error("a file under a file was written")
	}
}
