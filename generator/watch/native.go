package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/fsnotify/fsnotify"
)

// startNative opens the system's notifications and watches every root,
// its folder and every folder below it.
func (w *Watcher) startNative() error {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	w.fsw, w.dirs = fsw, map[string]bool{}
	for _, r := range w.roots {
		if err := w.watchRoot(r); err != nil {
			fsw.Close()
			return err
		}
	}
	return nil
}

// watchRoot watches the folder holding r, so that r is seen when it is
// made, and r's own tree when it is a folder.
func (w *Watcher) watchRoot(r string) error {
	if parent := filepath.Dir(r); parent != r {
		if err := w.addDir(parent); err != nil {
			return err
		}
	}
	fi, err := os.Lstat(r)
	if err != nil || !fi.IsDir() {
		return nil
	}
	return w.addTree(r, false)
}

// addDir watches one folder, once.
func (w *Watcher) addDir(dir string) error {
	if w.dirs[dir] {
		return nil
	}
	var err error
	if w.opts.addWatch != nil {
		err = w.opts.addWatch(dir)
	}
	if err == nil {
		err = w.fsw.Add(dir)
	}
	if err != nil {
		return &pathError{path: dir, err: err}
	}
	w.dirs[dir] = true
	return nil
}

// addTree watches root and every folder below it that is not ignored and,
// when report is set, emits every file found: files in a folder made
// after the start may have been written before its watch was added.
// Folders are watched before they are listed, so no file falls between.
// A folder that cannot be read or watched is reported on Errors and left
// out; the error returned is only ever the system running out of watches.
func (w *Watcher) addTree(root string, report bool) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return w.walkErr(err, d)
		case p != root && w.ignored(p):
			return skip(d)
		case d.IsDir():
			return w.walkErr(w.addDir(p), d)
		case report:
			w.emit(p)
		}
		return nil
	})
}

// walkErr decides what an error met in a walk does: it stops the walk
// when watches ran out, and otherwise leaves d out, reporting the error
// unless d merely vanished.
func (w *Watcher) walkErr(err error, d fs.DirEntry) error {
	switch {
	case err == nil:
		return nil
	case isLimit(err):
		return err
	case !errGone(err):
		w.report(err)
	}
	return skip(d)
}

// skip leaves out d, and all below it when it is a folder.
func skip(d fs.DirEntry) error {
	if d != nil && d.IsDir() {
		return filepath.SkipDir
	}
	return nil
}

// runNative turns notifications into emitted paths until Close, or until
// the system runs out of watches, when it polls instead.
func (w *Watcher) runNative() {
	defer w.wg.Done()
	for {
		select {
		case <-w.done:
			w.fsw.Close()
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if err := w.handle(ev); err != nil {
				w.fallBack(err)
				return
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.notifyError(err)
		}
	}
}

// handle emits the path of one notification, watching folders as they
// appear and forgetting them as they go. It returns an error only when
// the system has no watches left.
func (w *Watcher) handle(ev fsnotify.Event) error {
	p := ev.Name
	if !w.covers(p) || w.ignored(p) {
		return nil
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forget(p)
		w.emit(p)
		return nil
	}
	if w.dirs[p] {
		return nil // a folder's own times or mode
	}
	if fi, err := os.Lstat(p); err == nil && fi.IsDir() {
		return w.addTree(p, true)
	}
	w.emit(p)
	return nil
}

// emitTree emits every file below dir without watching anything.
func (w *Watcher) emitTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return skip(d)
		case p != dir && w.ignored(p):
			return skip(d)
		case !d.IsDir():
			w.emit(p)
		}
		return nil
	})
}

// forget drops the watches of a folder that is gone and of those that
// were below it.
func (w *Watcher) forget(p string) {
	if !w.dirs[p] {
		return
	}
	for d := range w.dirs {
		if d == p || within(d, p) {
			delete(w.dirs, d)
			w.fsw.Remove(d) // usually gone with the folder already
		}
	}
}

// notifyError passes on an error from the notifications. When events
// were lost, every root is emitted so the builder rebuilds everything.
func (w *Watcher) notifyError(err error) {
	w.report(err)
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		for _, r := range w.roots {
			w.emit(r)
		}
	}
}

// fallBack switches from notifications to polling after the system ran
// out of watches. Polling starts from a walk made first; then the queued
// notifications and the files of the folder that could not be watched
// are emitted, so a file is either emitted here or differs from that
// walk. The error is reported last: whatever changes after it is seen.
func (w *Watcher) fallBack(err error) {
	prev := w.scan()
	w.drain()
	w.fsw.Close()
	le := w.limitError(err)
	if le.Path != "" {
		w.emitTree(le.Path)
	}
	w.report(le)
	w.poll(prev)
}

// drain emits the paths of the notifications already queued.
func (w *Watcher) drain() {
	for {
		select {
		case ev := <-w.fsw.Events:
			if w.covers(ev.Name) && !w.ignored(ev.Name) {
				w.emit(ev.Name)
			}
		default:
			return
		}
	}
}
