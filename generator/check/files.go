package check

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
)

// index is the site's files and folders, by slash-separated path inside
// the site folder. Links are resolved against it without touching the
// disk again.
type index struct {
	files map[string]bool
	dirs  map[string]bool
	// names lists the files in order.
	names []string
}

func scan(dir string) (*index, error) {
	ix := &index{files: map[string]bool{}, dirs: map[string]bool{"": true}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			ix.dirs[rel] = true
		} else {
			ix.files[rel] = true
			ix.names = append(ix.names, rel)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	slices.Sort(ix.names)
	return ix, nil
}

// lookup returns the file a site path is served from: "x/" is
// "x/index.html", and "x" is the file x or, when x is a folder,
// "x/index.html" (the host redirects to "x/").
func (ix *index) lookup(p string) (string, bool) {
	if p == "" || p[len(p)-1] == '/' {
		p += "index.html"
		return p, ix.files[p]
	}
	if ix.files[p] {
		return p, true
	}
	if ix.dirs[p] && ix.files[p+"/index.html"] {
		return p + "/index.html", true
	}
	return "", false
}
