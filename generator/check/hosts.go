package check

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
)

// The limits of the hosts a static site is commonly published on. A site
// past one is refused, or cut short, on deploy day; check says so before.
const (
	// GitHub Pages refuses a published site over 1 GB.
	githubSiteBytes = 1_000_000_000
	// GitHub's Pages artifact must stay under 10 GB.
	githubArtifactBytes = 10_000_000_000
	// Netlify deploys at most 54,000 files in one folder.
	netlifyFolderEntries = 54_000
	// Cloudflare Pages takes 20,000 files on its free plan, 100,000 on
	// paid ones, and no file over 25 MiB.
	cloudflareFreeFiles = 20_000
	cloudflarePaidFiles = 100_000
	cloudflareFileBytes = 25 << 20
)

// Tree is a built site as the host limits see it: its files with their
// sizes. A test fakes one to stand for a site too big to write.
type Tree interface {
	// Walk calls fn for every file, with its slash path in the site
	// and its size in bytes.
	Walk(fn func(name string, size int64) error) error
}

// DirTree is the site in a folder on disk.
type DirTree string

// Walk walks the folder.
func (d DirTree) Walk(fn func(name string, size int64) error) error {
	return filepath.WalkDir(string(d), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(string(d), p)
		if err != nil {
			return err
		}
		return fn(filepath.ToSlash(rel), info.Size())
	})
}

// Size is what a site measures: its bytes, its files, its fullest folder
// and its largest file.
type Size struct {
	Bytes int64
	Files int
	// Folder is the folder with the most entries (files and folders),
	// "" for the site's own; Entries is how many it holds.
	Folder  string
	Entries int
	// Largest is the largest file and LargestBytes its size.
	Largest      string
	LargestBytes int64
}

// Measure walks a tree once and sums what the host limits look at.
func Measure(t Tree) (Size, error) {
	var s Size
	entries := map[string]int{}
	seen := map[string]bool{} // folders, not files: memory holds the tree's folders
	err := t.Walk(func(name string, size int64) error {
		s.Bytes += size
		s.Files++
		if size > s.LargestBytes {
			s.Largest, s.LargestBytes = name, size
		}
		// Count the file in its folder, and each folder above it
		// the first time it is met.
		for dir, child := parent(name), name; ; dir, child = parent(dir), dir {
			if child != name {
				if seen[child] {
					break
				}
				seen[child] = true
			}
			entries[dir]++
			if dir == "" {
				break
			}
		}
		return nil
	})
	if err != nil {
		return s, fmt.Errorf("check: %w", err)
	}
	for dir, n := range entries {
		if n > s.Entries || n == s.Entries && dir < s.Folder {
			s.Folder, s.Entries = dir, n
		}
	}
	return s, nil
}

// parent is the folder holding a slash path, "" for the site's own.
func parent(name string) string {
	if d := path.Dir(name); d != "." {
		return d
	}
	return ""
}

// String is the size as check's closing line gives it, such as
// "0.1 MB in 57 files, largest folder ./ (17 entries)".
func (s Size) String() string {
	return fmt.Sprintf("%.1f MB in %d files, largest folder %s (%d entries)",
		float64(s.Bytes)/1e6, s.Files, folderName(s.Folder), s.Entries)
}

func folderName(dir string) string {
	if dir == "" {
		return "./"
	}
	return dir + "/"
}

// HostWarnings says which hosts' limits the site passes, each with what
// to do about it; none when it fits them all.
func (s Size) HostWarnings() []string {
	var out []string
	gb := func(n int64) string { return fmt.Sprintf("%.2f GB", float64(n)/1e9) }
	switch {
	case s.Bytes > githubArtifactBytes:
		out = append(out, fmt.Sprintf("site is %s: over the 10 GB GitHub Pages artifact limit (and its 1 GB site limit); publish it elsewhere or split the archive into several sites", gb(s.Bytes)))
	case s.Bytes > githubSiteBytes:
		out = append(out, fmt.Sprintf("site is %s: over GitHub Pages' 1 GB limit for a published site; publish it on object storage (newsgen deploy) or split the archive into several sites", gb(s.Bytes)))
	}
	if s.Entries > netlifyFolderEntries {
		out = append(out, fmt.Sprintf("folder %s holds %d entries: over Netlify's %d files in one folder; spread its pages over subfolders or publish elsewhere", folderName(s.Folder), s.Entries, netlifyFolderEntries))
	}
	switch {
	case s.Files > cloudflarePaidFiles:
		out = append(out, fmt.Sprintf("site has %d files: over Cloudflare Pages' %d files even on a paid plan; publish it elsewhere or split the archive", s.Files, cloudflarePaidFiles))
	case s.Files > cloudflareFreeFiles:
		out = append(out, fmt.Sprintf("site has %d files: over Cloudflare Pages' %d files on its free plan; a paid plan takes %d, or publish elsewhere", s.Files, cloudflareFreeFiles, cloudflarePaidFiles))
	}
	if s.LargestBytes > cloudflareFileBytes {
		out = append(out, fmt.Sprintf("%s is %.1f MiB: over Cloudflare Pages' 25 MiB per file; make it smaller or serve it from elsewhere", s.Largest, float64(s.LargestBytes)/(1<<20)))
	}
	return out
}
