package search

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"sync"

	kgzip "github.com/klauspost/compress/gzip"
)

// The binary files are stored gzip-compressed, as a browser can undo
// with DecompressionStream: the index on disk is then a third smaller,
// and so is a query's download on a host that does not compress them.
// JSON files are left as they are: hosts compress those themselves.

// gzipLevel trades a little size for the build's time.
const gzipLevel = gzip.DefaultCompression

// Postings and positions (tail blocks, x/ files) are numbers packed as
// tightly as they go: a string matcher finds next to nothing in them,
// and their gain is all in the Huffman codes. A build writes thousands
// of these small files, and the standard library spends most of each
// one's time building its code table, so they are coded Huffman-only by
// klauspost/compress, which builds the table several times faster for
// the same size (within 0.1%).
var huffWriters = sync.Pool{New: func() any {
	w, _ := kgzip.NewWriterLevel(nil, kgzip.HuffmanOnly)
	return w
}}

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

// packNumbers compresses postings or positions.
func packNumbers(data []byte) []byte { return packWith(&huffWriters, data) }

// gzipWriter is what both libraries' writers do.
type gzipWriter interface {
	Reset(io.Writer)
	Write([]byte) (int, error)
	Close() error
}

func packWith(pool *sync.Pool, data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data)/2 + 64)
	w := pool.Get().(gzipWriter)
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
