package search

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"sync"
)

// The binary files are stored gzip-compressed, as a browser can undo
// with DecompressionStream: the index on disk is then a third smaller,
// and so is a query's download on a host that does not compress them.
// JSON files are left as they are: hosts compress those themselves.

// gzipLevel trades a little size for the build's time.
const gzipLevel = gzip.DefaultCompression

var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzipLevel)
	return w
}}

var fastWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

func compressed(name string) bool { return strings.HasSuffix(name, ".bin") }

// pack compresses data; the header has no name and no time, so the same
// data gives the same bytes.
func pack(data []byte) []byte { return packWith(&gzipWriters, data) }

func packFast(data []byte) []byte { return packWith(&fastWriters, data) }

func packWith(pool *sync.Pool, data []byte) []byte {
	var buf bytes.Buffer
	w := pool.Get().(*gzip.Writer)
	defer pool.Put(w)
	w.Reset(&buf)
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

func unpack(data []byte) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}
