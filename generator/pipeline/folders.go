package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"newsgen/generator/render"
)

// A watcher reports a renamed, moved or deleted folder by its own name
// only, not by the files that were in it, and a folder that appears by
// the files it holds. Before a rebuild trusts the changed paths, each
// folder among them is replaced by the files under it: those on disk now
// and those the last build read there, so that files that went with the
// folder are seen to be gone.

// expandFolders brings the changed paths (slash, relative to the root)
// down to files. It reports false when one of the input folders itself
// appeared, went or was swapped: then every file is to be looked at, as a
// build from the cache does.
func (b *Builder) expandFolders() bool {
	var folders []string
	for name := range b.changed {
		switch {
		case name == SeedDir || name == ContentDir || name == render.LayoutDir:
			return false
		case strings.HasPrefix(name, ContentDir+"/") && b.isFolder(name):
			folders = append(folders, name)
		}
	}
	for _, dir := range folders {
		b.addListedBelow(dir)
		b.addFilesBelow(dir)
	}
	return true
}

// isFolder says whether name is a folder now or was one the last build
// read files from. Seeds are read from seeds/ alone, and layouts are read
// whole on every build, so only content/ needs this.
func (b *Builder) isFolder(name string) bool {
	if fi, err := os.Lstat(filepath.Join(b.opts.Root, filepath.FromSlash(name))); err == nil {
		return fi.IsDir()
	}
	listed := b.cache.listed()
	i, _ := slices.BinarySearch(listed, name+"/")
	return i < len(listed) && strings.HasPrefix(listed[i], name+"/")
}

// addListedBelow marks as changed the content files the last build read
// below dir.
func (b *Builder) addListedBelow(dir string) {
	listed := b.cache.listed()
	i, _ := slices.BinarySearch(listed, dir+"/")
	for ; i < len(listed) && strings.HasPrefix(listed[i], dir+"/"); i++ {
		b.changed[listed[i]] = true
	}
}

// addFilesBelow marks as changed the content files now below dir, leaving
// out hidden files and folders as a full listing does.
func (b *Builder) addFilesBelow(dir string) {
	full := filepath.Join(b.opts.Root, filepath.FromSlash(dir))
	filepath.WalkDir(full, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // gone while walked: the next batch says so
		}
		if strings.HasPrefix(d.Name(), ".") && p != full {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".md") {
			rel, _ := filepath.Rel(b.opts.Root, p)
			b.changed[filepath.ToSlash(rel)] = true
		}
		return nil
	})
}
