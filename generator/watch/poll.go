package watch

import (
	"io/fs"
	"path/filepath"
	"slices"
	"time"
)

// stamp is what polling compares to tell that a file changed.
type stamp struct {
	size int64
	mod  time.Time
	dir  bool
}

// same says whether two stamps tell the same state.
func (s stamp) same(t stamp) bool {
	return s.size == t.size && s.mod.Equal(t.mod) && s.dir == t.dir
}

// poll walks the roots every PollInterval until Close, emitting what
// differs from the walk before, starting from prev. Walks never overlap:
// the next interval starts when a walk ends.
func (w *Watcher) poll(prev map[string]stamp) {
	t := time.NewTimer(w.opts.PollInterval)
	defer t.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-t.C:
		}
		cur := w.scan()
		for _, p := range changed(prev, cur) {
			w.emit(p)
		}
		prev = cur
		t.Reset(w.opts.PollInterval)
	}
}

// scan records every file and folder under the roots.
func (w *Watcher) scan() map[string]stamp {
	seen := map[string]stamp{}
	for _, r := range w.roots {
		filepath.WalkDir(r, func(p string, d fs.DirEntry, err error) error {
			if err != nil || p != r && w.ignored(p) {
				return skip(d)
			}
			if fi, err := d.Info(); err == nil {
				seen[p] = stamp{size: fi.Size(), mod: fi.ModTime(), dir: fi.IsDir()}
			}
			return nil
		})
	}
	return seen
}

// changed lists, sorted, the paths that differ between two scans: files
// new or changed in size or time, and anything gone. A new folder shows
// as the files in it.
func changed(prev, cur map[string]stamp) []string {
	var paths []string
	for p, s := range cur {
		old, ok := prev[p]
		if !s.dir && (!ok || !old.same(s)) || s.dir && ok && !old.dir {
			paths = append(paths, p)
		}
	}
	for p := range prev {
		if _, ok := cur[p]; !ok {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	return paths
}
