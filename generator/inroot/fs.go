package inroot

import (
	"io/fs"
	"os"
	"path/filepath"
)

// FS is the folder dir of the guard's root as a file system that opens
// each file through the guard: a layout that is a link out of the root,
// or a pipe, fails to open with a *Refusal naming it.
func (g *Guard) FS(dir string) fs.FS { return guardedFS{g, dir} }

type guardedFS struct {
	g   *Guard
	dir string
}

func (f guardedFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	file, _, err := f.g.Open(filepath.Join(f.dir, filepath.FromSlash(name)))
	if err != nil {
		return nil, err
	}
	return file, nil
}

// ReadDir lists a folder as os.ReadDir does, so that a walk sees links
// and pipes for what they are and can skip them by name.
func (f guardedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	return os.ReadDir(filepath.Join(f.dir, filepath.FromSlash(name)))
}
