// Package search builds the archive's search index during a build and
// reads it back. The index is sharded static files under search/ in the
// output, made so that a browser answers a query by fetching a few small
// files, never one that grows with the archive; FORMAT.md is the contract
// that the browser client and the Go reader both follow.
//
// The package holds the text analysis (normalize.go, stem.go), the writer
// (write*.go, spilling postings to disk so that memory stays bounded), the
// binary encoding (encode.go) and the reader with the full query logic
// (read*.go, query*.go).
package search
