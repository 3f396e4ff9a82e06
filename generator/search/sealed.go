package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"strconv"
)

// sealedKey fingerprints everything the sealed files (shards, positions,
// tail blocks, metadata chunks) are made of: the format, the shard
// count, the sections and years that their counts and postings number,
// and each sealed article's fields and text, in id order. The recent
// articles count only through the sections and years they bring.
func (w *writer) sealedKey() string {
	h := sha256.New()
	add := func(parts ...string) {
		for _, p := range parts {
			putLen(h, len(p))
			h.Write([]byte(p))
		}
	}
	add(strconv.Itoa(formatVersion), strconv.Itoa(blockSize), strconv.Itoa(chunkSize),
		strconv.Itoa(w.sealed), strconv.Itoa(w.shards))
	for _, s := range w.sections {
		add(s.slug, s.name)
	}
	for _, y := range w.years {
		add(strconv.Itoa(y[0]), strconv.Itoa(y[1]))
	}
	for id := range w.sealed {
		d := w.doc(id)
		add(d.Path, d.Title, d.Summary, d.Date.String(), d.Section, w.in.Key(w.input(id)))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func putLen(h hash.Hash, n int) {
	var b [binary.MaxVarintLen64]byte
	h.Write(b[:binary.PutUvarint(b[:], uint64(n))])
}
