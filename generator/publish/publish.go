// Package publish writes the site's files into the output folder: each
// minified, each written only when its bytes changed, each replaced whole
// (a reader never sees half a file), and files no longer part of the site
// removed at the end of a full build.
package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"newsgen/generator/atomicfile"
	"newsgen/generator/minifiers"
)

// Publisher writes into one output folder. It is safe for concurrent use.
type Publisher struct {
	Dir string
	// stage, when not empty, is the folder beside Dir that a first build
	// writes into, renamed to Dir by Commit.
	stage  string
	min    *minifiers.Minifier
	wrote  *names
	counts Counts
	// made are folders made in the staging folder lately: each new
	// folder is made before its first file is opened. It forgets them
	// past madeSize, as an archive of a million articles has a million
	// folders: making one again costs a call, not an error.
	madeMu sync.Mutex
	made   map[string]bool
}

// Counts says what a build did to the output folder.
type Counts struct {
	Written, Unchanged, Removed atomic.Int64
	// MinifyNanos and WriteNanos are the time spent minifying and writing,
	// summed over the goroutines that publish.
	MinifyNanos, WriteNanos atomic.Int64
}

// New returns a publisher into dir. When dir does not exist yet, as on a
// first build, the files go to a staging folder beside it, which Commit
// renames to dir: the output appears whole or not at all, and each file
// is written once, straight to its name, without the temporary file and
// rename that replacing a file a reader may hold takes.
func New(dir string) *Publisher {
	p := &Publisher{Dir: dir, min: minifiers.New(), wrote: newNames(), made: map[string]bool{}}
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		p.stage = atomicfile.StagingDir(dir)
		os.RemoveAll(p.stage) // left by a first build that was stopped
	}
	return p
}

// Commit puts a first build's files in place, renaming the staging folder
// to the output folder. It does nothing for a publisher that wrote into
// the output folder itself.
func (p *Publisher) Commit() error {
	if p.stage == "" {
		return nil
	}
	err := os.Rename(p.stage, p.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		err = os.MkdirAll(p.Dir, 0o755) // nothing was written
	}
	if err != nil {
		return fmt.Errorf("%s: %w", p.Dir, err)
	}
	p.stage = ""
	return nil
}

// Counts returns what was done so far.
func (p *Publisher) Counts() *Counts { return &p.counts }

// Write minifies data and stores it as name, a slash-separated path in the
// output folder. A file that already holds these bytes is left untouched,
// so that deploys and file watchers see only real changes.
// It returns the size of the file as written.
func (p *Publisher) Write(name string, data []byte) (int64, error) {
	out := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(out)
	out.Reset()
	start := time.Now()
	err := p.min.MinifyTo(out, name, data)
	p.counts.MinifyNanos.Add(int64(time.Since(start)))
	if err != nil {
		return 0, err
	}
	return int64(out.Len()), p.WriteRaw(name, out.Bytes())
}

// buffers are reused for minified files: a build writes thousands.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Keep records that name, already in the output folder as it should be,
// is part of this build, so that Prune leaves it.
func (p *Publisher) Keep(name string) {
	p.wrote.add(name)
	p.counts.Unchanged.Add(1)
}

// WriteRaw stores data as name without minifying it.
func (p *Publisher) WriteRaw(name string, data []byte) error {
	start := time.Now()
	defer func() { p.counts.WriteNanos.Add(int64(time.Since(start))) }()
	p.wrote.add(name)
	if p.stage != "" {
		full := filepath.Join(p.stage, filepath.FromSlash(name))
		if err := p.makeDir(filepath.Dir(full)); err != nil {
			return fmt.Errorf("%s: %w", full, err)
		}
		if err := atomicfile.WriteNew(full, data); err != nil {
			return fmt.Errorf("%s: %w", full, err)
		}
		p.counts.Written.Add(1)
		return nil
	}
	full := filepath.Join(p.Dir, filepath.FromSlash(name))
	err := atomicfile.Create(full, data)
	if errors.Is(err, fs.ErrExist) {
		var old []byte
		if old, err = os.ReadFile(full); err == nil && bytes.Equal(old, data) {
			p.counts.Unchanged.Add(1)
			return nil
		}
		err = atomicfile.Write(full, data)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", full, err)
	}
	p.counts.Written.Add(1)
	return nil
}

// madeSize bounds the folders makeDir remembers: enough for the shared
// folders (years, months, sections) that most files go into.
const madeSize = 4096

// makeDir makes a folder of the staging folder, once while remembered.
func (p *Publisher) makeDir(dir string) error {
	p.madeMu.Lock()
	done := p.made[dir]
	p.madeMu.Unlock()
	if done {
		return nil
	}
	if err := atomicfile.MakeDir(dir); err != nil {
		return err
	}
	p.madeMu.Lock()
	if len(p.made) >= madeSize {
		clear(p.made)
	}
	p.made[dir] = true
	p.madeMu.Unlock()
	return nil
}

// Prune removes the files that an earlier build wrote (previous, as
// returned by Written then) and this one did not, with the folders left
// empty: a deleted article leaves no page behind. Files newsgen never
// wrote are never touched, whatever else lives in the output folder. The
// names come one at a time, as a large archive's list is read from disk.
func (p *Publisher) Prune(previous iter.Seq[string]) error {
	var err error
	for rel := range previous {
		if err = p.prune(rel); err != nil {
			break
		}
	}
	return err
}

// prune removes one file of an earlier build, unless this one wrote it.
func (p *Publisher) prune(rel string) error {
	if p.wrote.has(rel) || !fs.ValidPath(rel) {
		return nil
	}
	full := filepath.Join(p.Dir, filepath.FromSlash(rel))
	if err := os.Remove(full); err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	p.counts.Removed.Add(1)
	removeEmptyParents(p.Dir, filepath.Dir(full))
	return nil
}

// Written lists the files written or confirmed so far, sorted.
func (p *Publisher) Written() ([]string, error) { return p.wrote.sorted() }

// Close lets go of what the publisher holds for Written.
func (p *Publisher) Close() { p.wrote.close() }

func removeEmptyParents(root, dir string) {
	for dir != root && strings.HasPrefix(dir, root) {
		if os.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}
