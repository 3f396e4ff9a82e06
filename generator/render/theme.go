package render

import (
	"errors"
	"io/fs"
	"sort"
)

// Overlay is a file system that serves a site's own files first and falls
// back to the default ones: a site's layouts/ overrides the embedded theme
// file by file.
type Overlay struct {
	Top, Bottom fs.FS
}

// Open opens name from Top, or from Bottom when Top has no such file.
func (o Overlay) Open(name string) (fs.File, error) {
	if o.Top != nil {
		f, err := o.Top.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return o.Bottom.Open(name)
}

// ReadDir merges the two folders' listings, Top's entries winning.
func (o Overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	var firstErr error
	for _, f := range []fs.FS{o.Bottom, o.Top} {
		if f == nil {
			continue
		}
		list, err := fs.ReadDir(f, name)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		for _, e := range list {
			seen[e.Name()] = e
		}
	}
	if len(seen) == 0 && firstErr != nil {
		return nil, firstErr
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
