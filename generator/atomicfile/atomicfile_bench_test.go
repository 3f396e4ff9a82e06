package atomicfile

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkNewFiles writes a first build's worth of new pages, 20 KB each
// in folders of their own, the safe way (Create: a temporary file and a
// rename) beside the way newsgen wrote them before, straight to their
// names, which a killed build could leave half-written: the ratio is what
// crash safety costs a cold build's writes. WriteNew is how a first build
// writes into its staging folder: straight to the names too, with the
// system calls alone.
func BenchmarkNewFiles(b *testing.B) {
	data := bytes.Repeat([]byte("<p>newsgen</p>"), 20<<10/14)
	for _, c := range []struct {
		name  string
		write func(string, []byte) error
	}{{"in-place", writeInPlace}, {"temp-and-rename", Create}, {"write-new", WriteNew}} {
		b.Run(c.name, func(b *testing.B) {
			dir := b.TempDir()
			b.SetBytes(int64(len(data)))
			for i := 0; b.Loop(); i++ {
				name := filepath.Join(dir, strconv.Itoa(i/100), strconv.Itoa(i), "index.html")
				if err := c.write(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// writeInPlace is how new files were written before: created under their
// final name, then filled.
func writeInPlace(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if os.IsNotExist(err) {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}
