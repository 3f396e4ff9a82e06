package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"newsgen/generator/workers"
	"path/filepath"
	"runtime"

	"newsgen/generator/atomicfile"
	"newsgen/generator/content"
)

// outcome is what writing one content file came to.
type outcome int

const (
	failed outcome = iota
	unchanged
	kept
	written
)

// writing is one article's content file being written, and what came of
// it. Writes run in parallel; what they did is reported in name order
// afterwards.
type writing struct {
	r       parsed
	outcome outcome
	// onDisk are the file's bytes as they now are; problem says why it
	// failed.
	onDisk  []byte
	problem string
	path    string
	stamp   Stamp
}

// write writes one article's content file, unless it is already as import
// would write it or an editor has changed it.
func (w *writing) write(opts ImportOptions) {
	w.path = filepath.Join(opts.ContentDir, w.r.article.Slug+".md")
	shown := opts.display(w.path)
	data := content.FormatImported(w.r.article)
	if opts.stage != "" {
		staged := filepath.Join(opts.stage, w.r.article.Slug+".md")
		if err := atomicfile.WriteNew(staged, data); err != nil {
			w.problem = fmt.Sprintf("writing %s: %v", shown, unwrapPath(err))
			return
		}
		w.outcome, w.onDisk = written, data
		w.stamp, _ = statStamp(staged)
		return
	}
	old, err := opts.guard().ReadFile(w.path)
	switch {
	case err == nil && bytes.Equal(old, data):
		w.outcome, w.onDisk = unchanged, old
	case err == nil && !content.Untouched(old):
		w.outcome, w.onDisk = kept, old
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		w.problem = fmt.Sprintf("reading %s: %v", shown, unwrapPath(err))
		return
	default:
		if err := writeContent(w.path, data, err == nil); err != nil {
			w.problem = fmt.Sprintf("writing %s: %v", shown, unwrapPath(err))
			return
		}
		w.outcome, w.onDisk = written, data
	}
	w.stamp, _ = statStamp(w.path)
}

// writeAll writes the content files on a few workers.
func writeAll(ws []*writing, opts ImportOptions) {
	workers.Each(2*runtime.GOMAXPROCS(0), len(ws), func(i int) { ws[i].write(opts) })
}

// writeContent replaces a content file whole, or creates a new one. Both
// go through a temporary file and a rename: an import stopped at any
// moment leaves no empty or partial article under its final name, which
// a later import would take for an editor's file and never repair.
func writeContent(p string, data []byte, exists bool) error {
	if exists {
		return atomicfile.Write(p, data)
	}
	return atomicfile.Create(p, data)
}
