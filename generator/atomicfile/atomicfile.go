// Package atomicfile replaces files whole: the new bytes go to a
// temporary file in the same folder, which is then renamed over the old
// one. A reader, a file watcher or a build stopped half-way never sees
// half a file, and a failed write leaves the old file as it was.
package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// TempPrefix starts the names of the temporary files, so that watchers
// can ignore them.
const TempPrefix = ".newsgen-"

// Write replaces name with data, creating its folder when needed. There
// is no fsync: a crash of the process cannot leave a torn file, and an
// archive of a million files cannot wait on the disk a million times.
func Write(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, TempPrefix+"*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), name)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}

// Create writes a file that must not exist yet, straight to its name,
// making its folder when needed: no reader can hold an older version of
// it, and a first build of a large archive then costs one file creation
// per page instead of a temporary file and a rename. It fails with an
// error matching fs.ErrExist when the file is already there.
func Create(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrNotExist) {
		if err := mkdir(filepath.Dir(name)); err != nil {
			return err
		}
		f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(name)
	}
	return werr
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
