// Package watch reports changes to a site's source files as batches: one
// save, one checkout or one generated burst of files becomes one Batch
// after a quiet period (the debounce), so that the builder rebuilds once.
//
// Roots may be folders, watched with everything below them, or single
// files such as the config. The folder holding each root is watched too
// (only for that root's name), so a root that does not exist yet, or is
// deleted and made again, is picked up when it appears; a root whose
// folder does not exist is refused by New.
//
// Changes come from the operating system's notifications (inotify on
// Linux) through fsnotify, which is not recursive: folders are added one
// by one as they are found or created. When the system runs out of
// watches, the Watcher says so once on Errors, naming the setting to
// raise, and falls back to polling: one goroutine walks the roots every
// PollInterval and compares each file's size and modification time.
//
// Editor and tool droppings (swap, backup and lock files, our own
// ".newsgen-" atomic-write temp files) are never reported; see Temporary.
// Symbolic links are reported as themselves and never followed, roots
// included.
package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Defaults for the zero Options.
const (
	DefaultDebounce     = 100 * time.Millisecond
	DefaultPollInterval = time.Second
)

// Options tunes a Watcher. The zero value is ready to use.
type Options struct {
	// Debounce is the quiet time that ends a burst of changes; 0 means
	// DefaultDebounce. A burst that never goes quiet is still cut into a
	// batch every 20 debounces.
	Debounce time.Duration
	// Ignore, when set, hides paths beyond the built-in temporary files.
	// It sees paths as events name them: a root joined with the rest. An
	// ignored folder is not watched at all.
	Ignore func(path string) bool
	// Poll forces polling instead of system notifications.
	Poll bool
	// PollInterval is the time between two walks when polling; 0 means
	// DefaultPollInterval.
	PollInterval time.Duration

	// addWatch, when set, is called before each folder is watched; an
	// error it returns stands for the system's. Tests use it to run out
	// of watches on demand.
	addWatch func(dir string) error
}

// Watcher watches roots for changes. Its methods are safe for concurrent
// use.
type Watcher struct {
	roots   []string
	opts    Options
	raw     chan string
	batches chan Batch
	errs    chan error
	done    chan struct{}
	wg      sync.WaitGroup
	once    sync.Once

	// fsw and dirs belong to the notification goroutine once New returns.
	fsw  *fsnotify.Watcher
	dirs map[string]bool
}

// New starts watching roots. Paths in batches start with the root they are
// under, spelled as given here (cleaned), so relative roots give relative
// paths.
func New(roots []string, opts Options) (*Watcher, error) {
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = DefaultPollInterval
	}
	w := &Watcher{
		opts:    opts,
		raw:     make(chan string, 256),
		batches: make(chan Batch),
		errs:    make(chan error, 8),
		done:    make(chan struct{}),
	}
	for _, r := range roots {
		r = filepath.Clean(r)
		if _, err := os.Lstat(filepath.Dir(r)); err != nil {
			return nil, fmt.Errorf("watch: %s: the folder to hold it does not exist", r)
		}
		w.roots = append(w.roots, r)
	}
	if err := w.start(); err != nil {
		return nil, err
	}
	w.wg.Add(1)
	go w.collect()
	return w, nil
}

// start begins notifications, or polling when asked to or when the system
// has no watches left.
func (w *Watcher) start() error {
	if !w.opts.Poll {
		err := w.startNative()
		if err == nil {
			w.wg.Add(1)
			go w.runNative()
			return nil
		}
		if !isLimit(err) {
			return fmt.Errorf("watch: %w", err)
		}
		w.report(w.limitError(err))
	}
	prev := w.scan()
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		w.poll(prev)
	}()
	return nil
}

// Batches delivers one Batch per burst of changes. It is closed by Close.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Errors delivers problems that do not stop the watching, such as the
// fallback to polling. Errors nobody reads are dropped; it is closed by
// Close.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops the watching, waits for its goroutines and closes Batches
// and Errors. It is safe to call more than once.
func (w *Watcher) Close() error {
	w.once.Do(func() {
		close(w.done)
		w.wg.Wait()
		close(w.batches)
		close(w.errs)
	})
	return nil
}

// emit hands one changed path to the batcher.
func (w *Watcher) emit(path string) {
	select {
	case w.raw <- path:
	case <-w.done:
	}
}

// report passes err on without ever blocking the watching.
func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default:
	}
}

// covers says whether path is a root or below one.
func (w *Watcher) covers(path string) bool {
	for _, r := range w.roots {
		if path == r || within(path, r) {
			return true
		}
	}
	return false
}

// within says whether path is strictly below dir; both are clean.
func within(path, dir string) bool {
	const sep = string(filepath.Separator)
	if dir == "." {
		return !filepath.IsAbs(path) && path != "." && path != ".." && !strings.HasPrefix(path, ".."+sep)
	}
	if !strings.HasSuffix(dir, sep) {
		dir += sep
	}
	return len(path) > len(dir) && strings.HasPrefix(path, dir)
}

// ignored says whether path is never reported.
func (w *Watcher) ignored(path string) bool {
	return Temporary(filepath.Base(path)) || w.opts.Ignore != nil && w.opts.Ignore(path)
}

// errGone reports whether err says a path vanished while it was read,
// which is a normal race with whoever is changing the files.
func errGone(err error) bool { return errors.Is(err, os.ErrNotExist) }
