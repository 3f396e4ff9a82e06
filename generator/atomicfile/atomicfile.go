// Package atomicfile replaces files whole: the new bytes go to a
// temporary file in the same folder, which is then renamed over the old
// one. A reader, a file watcher or a build stopped half-way, even by
// SIGKILL, never sees half a file under its final name, and a failed write
// leaves the old file as it was. What a stopped build can leave is a
// temporary file, which Sweep removes.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// TempPrefix starts the names of the temporary files, so that watchers
// can ignore them and Sweep can find them.
const TempPrefix = ".newsgen-"

// tempSuffix ends them, so that a folder whose name starts with
// TempPrefix, such as the default cache folder, is never taken for one.
const tempSuffix = ".tmp"

// Write replaces name with data, creating its folder when needed. There
// is no fsync: a crash of the process cannot leave a torn file, and an
// archive of a million files cannot wait on the disk a million times.
func Write(name string, data []byte) error {
	return WriteWith(name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteWith replaces name with what fill writes, as Write does: a file
// too large to hold in memory is streamed to its temporary file.
func WriteWith(name string, fill func(io.Writer) error) error {
	dir := filepath.Dir(name)
	f, err := createTemp(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err := mkdir(dir); err != nil {
			return err
		}
		f, err = createTemp(dir)
	}
	if err != nil {
		return err
	}
	werr := fill(f)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), name)
	}
	if werr != nil {
		os.Remove(f.Name())
	}
	return werr
}

// Create writes a file that must not exist yet, as Write does. It fails
// with an error matching fs.ErrExist when the file is already there. Only
// newsgen writes the files it creates, so the check and the rename need
// not be one step.
func Create(name string, data []byte) error {
	if _, err := os.Lstat(name); err == nil {
		return &fs.PathError{Op: "create", Path: name, Err: fs.ErrExist}
	}
	return Write(name, data)
}

// StagingDir is the folder beside dir that a first write of a whole
// folder fills before it is renamed to dir, so that dir appears whole or
// not at all. Its name marks it as temporary: watchers ignore it.
func StagingDir(dir string) string {
	dir = filepath.Clean(dir)
	return filepath.Join(filepath.Dir(dir), TempPrefix+filepath.Base(dir)+tempSuffix)
}

// WriteNew writes a file that must not exist yet straight to its name,
// making its folder when needed. It is only for files in a folder no
// reader looks at yet, such as the staging folder of a first build, which
// is renamed into place whole: a stopped write there is never seen.
func WriteNew(name string, data []byte) error {
	err := writeExcl(name, data)
	if errors.Is(err, fs.ErrNotExist) {
		if err := mkdir(filepath.Dir(name)); err != nil {
			return err
		}
		err = writeExcl(name, data)
	}
	return err
}

// MakeDir makes a folder, and its parents when needed; one that exists
// already is fine. A writer that knows a folder is new makes it before
// its first file, rather than after a failed open.
func MakeDir(dir string) error { return mkdir(dir) }

// createTemp opens a new temporary file in dir with the mode a plain
// os.WriteFile gives, so that no chmod is needed before the rename.
func createTemp(dir string) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, TempPrefix+strconv.FormatUint(rand.Uint64(), 36)+tempSuffix)
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("%s: no free temporary file name", dir)
}

// IsTemp reports whether a file name is one of Write's temporary files.
func IsTemp(name string) bool {
	return strings.HasPrefix(name, TempPrefix) && strings.HasSuffix(name, tempSuffix)
}

// Sweep removes the temporary files that writes stopped half-way left in
// dir and, when deep, in every folder under it. It returns how many it
// removed. A missing dir holds none.
func Sweep(dir string, deep bool) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			if p != dir && !deep {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && IsTemp(d.Name()) {
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// mkdir makes a folder whose parent most often exists already, as an
// article's folder in its month's: one system call where MkdirAll makes
// three.
func mkdir(dir string) error {
	err := os.Mkdir(dir, 0o755)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return nil
	}
	return os.MkdirAll(dir, 0o755)
}
