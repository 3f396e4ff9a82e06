package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"newsgen/generator/render"
)

// folderChanged says whether a changed path (slash, relative to the root)
// is a folder of the inputs that appeared or went, or one of the input
// folders themselves. A watcher reports a renamed, moved or deleted
// folder by its own name only, not by the files that were in it, so the
// builder cannot bring its lists up to date name by name: it looks at
// every file again, as a build from the cache does.
func (b *Builder) folderChanged(name string) bool {
	switch name {
	case SeedDir, ContentDir, render.LayoutDir:
		return true
	}
	if !strings.HasPrefix(name, ContentDir+"/") && !strings.HasPrefix(name, SeedDir+"/") {
		return false
	}
	fi, err := os.Lstat(filepath.Join(b.opts.Root, filepath.FromSlash(name)))
	if err == nil {
		return fi.IsDir()
	}
	return b.listedBelow(name)
}

// listedBelow says whether the last build read any content file below the
// folder name.
func (b *Builder) listedBelow(name string) bool {
	listed := b.cache.Listed
	i, _ := slices.BinarySearch(listed, name+"/")
	return i < len(listed) && strings.HasPrefix(listed[i], name+"/")
}
