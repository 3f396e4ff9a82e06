// Package inroot opens the files of a site root as untrusted input: a
// symbolic link that leads out of the root is refused unless the site
// allows it, so that a link to /etc/passwd dropped into seeds/ is never
// published; and anything that is not a regular file, such as a named
// pipe, a socket or a device, is refused before it is read, so that a
// pipe with no writer cannot hang a build.
package inroot

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Setting is the config setting that lets links lead out of the root.
const Setting = "follow_outside_symlinks = true"

// Guard checks the files of one site root.
type Guard struct {
	// root is the root as given, made absolute; real is the same with
	// its own links resolved, to compare link targets against.
	root, real string
	// Outside lets symbolic links lead out of the root.
	Outside bool
}

// Permissive returns a guard that follows every link and refuses only
// what is not a regular file, for callers with no site root.
func Permissive() *Guard { return &Guard{Outside: true} }

// New returns a guard for the site root. With outside set, links that
// leave the root are followed like any other.
func New(root string, outside bool) (*Guard, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if errors.Is(err, fs.ErrNotExist) {
		real, err = abs, nil // a root not made yet holds no links
	}
	if err != nil {
		return nil, err
	}
	return &Guard{root: abs, real: real, Outside: outside}, nil
}

// Refusal is a file the guard will not let be read, and why.
type Refusal struct {
	// File is the file as the site sees it, relative to the root.
	File   string
	Reason string
}

func (r *Refusal) Error() string { return r.File + ": " + r.Reason }

// Stat returns what the file p is, after following links that stay in
// the root, or a *Refusal when it may not be read.
func (g *Guard) Stat(p string) (fs.FileInfo, error) {
	info, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		if err := g.checkLink(p); err != nil {
			return nil, err
		}
		if info, err = os.Stat(p); err != nil {
			return nil, err
		}
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, g.refuse(p, "not a regular file ("+kind(info.Mode())+"); skipped")
	}
	return info, nil
}

// CheckDir refuses one of the root's own folders, such as seeds/, when it
// is a link out of the root: every file in it would come from outside.
// A missing folder or one that is no link passes.
func (g *Guard) CheckDir(p string) error {
	info, err := os.Lstat(p)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	return g.checkLink(p)
}

// Open opens the file p for reading once Stat allows it. It opens without
// blocking and checks again what it opened, in case p was replaced by a
// pipe in between.
func (g *Guard) Open(p string) (*os.File, fs.FileInfo, error) {
	if _, err := g.Stat(p); err != nil {
		return nil, nil, err
	}
	f, info, err := openRegular(p)
	if r, ok := err.(*Refusal); ok {
		r.File = g.Display(p)
	}
	return f, info, err
}

// ReadFile reads the file p whole, as Open allows it.
func (g *Guard) ReadFile(p string) ([]byte, error) {
	f, info, err := g.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAll(f, info)
}

// ReadRegular reads a file already checked by a guard, such as one whose
// front matter a build read before it renders the body: it only makes
// sure that what it opens, without blocking, is still a regular file.
func ReadRegular(p string) ([]byte, error) {
	f, info, err := openRegular(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAll(f, info)
}

// openRegular opens p without blocking, and refuses what is neither a
// regular file nor a folder.
func openRegular(p string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		err = &Refusal{File: filepath.ToSlash(p), Reason: "not a regular file (" + kind(info.Mode()) + "); skipped"}
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// readAll reads an open file whole, in one read when its size holds.
func readAll(f *os.File, info fs.FileInfo) ([]byte, error) {
	data := make([]byte, 0, info.Size()+512)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// checkLink refuses a link whose target, all links resolved, is outside
// the root.
func (g *Guard) checkLink(p string) error {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return g.refuse(p, "symbolic link to a missing file; skipped")
		}
		return err
	}
	if target, err = filepath.Abs(target); err != nil {
		return err
	}
	if g.Outside || within(g.real, target) {
		return nil
	}
	return g.refuse(p, fmt.Sprintf("symbolic link to %s, outside the site root; refused (%s in newsgen.toml allows it)",
		target, Setting))
}

// within reports whether the absolute path p is root or under it.
func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func (g *Guard) refuse(p, reason string) *Refusal {
	return &Refusal{File: g.Display(p), Reason: reason}
}

// Display is p as the site sees it: relative to the root, slash-separated.
func (g *Guard) Display(p string) string {
	abs, err := filepath.Abs(p)
	if err == nil {
		if rel, err := filepath.Rel(g.root, abs); err == nil && within(g.root, abs) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(p)
}

// kind names a file mode that is not a regular file's.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeIrregular != 0:
		return "irregular file"
	}
	return "not a file"
}
