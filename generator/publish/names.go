package publish

import (
	"bufio"
	"encoding/binary"
	"hash/maphash"
	"io"
	"os"
	"slices"
	"sync"
)

// names are the files a build wrote or kept. Whether a name is among them
// is asked of a set of their 64-bit hashes; the names themselves wait in
// a temporary file, in the order they came, until the sorted list is
// asked for at the end. An archive of a million articles writes nearly
// three million files: their names would otherwise take a quarter of a
// gigabyte for the whole build. Two names of one hash would leave a file
// the build no longer makes in the output, never remove one it makes.
type names struct {
	mu   sync.Mutex
	seed maphash.Seed
	seen map[uint64]struct{}
	// spill holds the names when it could be made; list otherwise.
	spill *os.File
	w     *bufio.Writer
	list  []string
	err   error
}

func newNames() *names {
	n := &names{seed: maphash.MakeSeed(), seen: map[uint64]struct{}{}}
	if f, err := os.CreateTemp("", "newsgen-names-*"); err == nil {
		if os.Remove(f.Name()) != nil {
			// A file that cannot lose its name while open would outlive
			// a stopped build: the names stay in memory instead.
			f.Close()
			os.Remove(f.Name())
		} else {
			n.spill, n.w = f, bufio.NewWriterSize(f, 64<<10)
		}
	}
	return n
}

// add records a name; it is safe for concurrent use.
func (n *names) add(name string) {
	h := maphash.String(n.seed, name)
	n.mu.Lock()
	defer n.mu.Unlock()
	if _, ok := n.seen[h]; ok {
		return
	}
	n.seen[h] = struct{}{}
	if n.w == nil {
		n.list = append(n.list, name)
		return
	}
	var size [binary.MaxVarintLen64]byte
	if _, err := n.w.Write(binary.AppendUvarint(size[:0], uint64(len(name)))); err != nil && n.err == nil {
		n.err = err
	}
	if _, err := n.w.WriteString(name); err != nil && n.err == nil {
		n.err = err
	}
}

// has reports whether a name was recorded.
func (n *names) has(name string) bool {
	h := maphash.String(n.seed, name)
	n.mu.Lock()
	defer n.mu.Unlock()
	_, ok := n.seen[h]
	return ok
}

// count is how many names were recorded.
func (n *names) count() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return len(n.seen)
}

// sorted returns the names recorded so far, sorted.
func (n *names) sorted() ([]string, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.w == nil {
		out := slices.Clone(n.list)
		slices.Sort(out)
		return out, nil
	}
	if n.err != nil {
		return nil, n.err
	}
	if err := n.w.Flush(); err != nil {
		return nil, err
	}
	size, err := n.spill.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(n.seen))
	r := bufio.NewReaderSize(io.NewSectionReader(n.spill, 0, size), 64<<10)
	var buf []byte
	for {
		l, err := binary.ReadUvarint(r)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		buf = slices.Grow(buf[:0], int(l))[:l]
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, err
		}
		out = append(out, string(buf))
	}
	slices.Sort(out)
	return out, nil
}

// close removes the names' temporary file.
func (n *names) close() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.spill != nil {
		n.spill.Close()
		n.spill, n.w = nil, nil
	}
}
