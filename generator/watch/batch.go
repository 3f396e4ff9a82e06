package watch

import (
	"os"
	"slices"
	"strings"
	"time"
)

// Op is what happened to a path, as seen at the end of a burst.
type Op uint8

// The two outcomes a builder acts on: created, written, renamed into place
// and chmod-ed all come out as Changed.
const (
	// Changed means the path exists and may differ from before.
	Changed Op = iota + 1
	// Removed means the path is gone. It may have been a folder, in which
	// case everything that was under it is gone too.
	Removed
)

// String returns "changed" or "removed".
func (o Op) String() string {
	switch o {
	case Changed:
		return "changed"
	case Removed:
		return "removed"
	}
	return "unknown"
}

// Change is one path in a Batch.
type Change struct {
	Path string
	Op   Op
}

// Batch is the set of paths changed in one burst, each once, sorted by
// path. Folders appear only when removed; a created folder shows as the
// files in it.
type Batch []Change

// Paths returns the batch's paths in order.
func (b Batch) Paths() []string {
	paths := make([]string, len(b))
	for i, c := range b {
		paths[i] = c.Path
	}
	return paths
}

// maxBursts caps a burst that never goes quiet, in debounces.
const maxBursts = 20

// collect gathers emitted paths until Debounce passes without one, then
// offers them as a Batch. Paths that arrive while the batch waits for its
// reader join it, and their states are looked at again, so a batch always
// tells the state at the end of the burst.
func (w *Watcher) collect() {
	defer w.wg.Done()
	pending := map[string]bool{}
	var ready Batch
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		var out chan<- Batch
		if ready != nil {
			out = w.batches
		}
		select {
		case <-w.done:
			return
		case p := <-w.raw:
			if len(pending) == 0 && ready == nil {
				first = time.Now()
			}
			for _, c := range ready {
				pending[c.Path] = true
			}
			ready = nil
			pending[p] = true
			timer.Reset(w.quiet(first))
		case <-timer.C:
			ready = settle(pending)
			clear(pending)
		case out <- ready:
			ready = nil
		}
	}
}

// quiet returns how long to wait for more changes in a burst that began
// at first.
func (w *Watcher) quiet(first time.Time) time.Duration {
	d := w.opts.Debounce
	left := time.Until(first.Add(maxBursts * d))
	return max(0, min(d, left))
}

// settle turns a set of paths into a Batch, each path's Op decided by
// whether it exists now; a path that cannot be looked at (its folder gone
// or turned into a file) counts as removed.
func settle(paths map[string]bool) Batch {
	b := make(Batch, 0, len(paths))
	for p := range paths {
		op := Changed
		if _, err := os.Lstat(p); err != nil {
			op = Removed
		}
		b = append(b, Change{Path: p, Op: op})
	}
	slices.SortFunc(b, func(x, y Change) int { return strings.Compare(x.Path, y.Path) })
	return b
}
