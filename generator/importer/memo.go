package importer

import (
	"crypto/sha256"
	"os"
	"time"
)

// Memo remembers what an import made of each seed and found in each
// content file, so that the next import reads only the files whose size
// or modification time changed. Builds keep it between runs; an empty
// Memo makes Import read everything.
type Memo struct {
	Seeds   map[string]SeedMemo
	Content map[string]ContentMemo
}

// Stamp is what tells a file changed without reading it.
type Stamp struct {
	Size    int64
	ModTime time.Time
}

// SeedMemo is what became of one seed.
type SeedMemo struct {
	Stamp
	// Slug is the article's slug; Problem why the seed was skipped.
	Slug    string
	Problem string
	Notes   []string
	// Out is the content file's stamp after the import, and Kept says an
	// editor had changed it, so import left it alone.
	Out  Stamp
	Kept bool
	// Sum and OutSum identify the seed's and the content file's bytes,
	// and DateSource says how the date was found. A fresh checkout gives
	// every file a new time but the same bytes: a seed whose date does not
	// hang on its file's time is then known by its bytes.
	Sum, OutSum, DateSource string
}

// ContentMemo is what a content file told about its owner seed, and the
// sum of its bytes.
type ContentMemo struct {
	Stamp
	Seed, Sum string
}

// sum identifies a file's bytes, in 12 raw bytes: sums are only ever
// compared, and the memo keeps two for every seed of the archive.
func sum(data []byte) string {
	h := sha256.Sum256(data)
	return string(h[:12])
}

// knownOut reports whether a seed's content file is as the import that
// filled the memo left it.
func (memo *Memo) knownOut(m SeedMemo) bool {
	c, ok := memo.Content[m.Slug+".md"]
	return ok && (c.same(m.Out) || (c.Sum != "" && c.Sum == m.OutSum))
}

// NewMemo returns an empty memo.
func NewMemo() *Memo {
	return &Memo{Seeds: map[string]SeedMemo{}, Content: map[string]ContentMemo{}}
}

func stampOf(info os.FileInfo) Stamp {
	return Stamp{Size: info.Size(), ModTime: info.ModTime()}
}

func statStamp(p string) (Stamp, bool) {
	info, err := os.Stat(p)
	if err != nil {
		return Stamp{}, false
	}
	return stampOf(info), true
}

// same reports whether two stamps are of one version of a file.
func (s Stamp) same(o Stamp) bool { return s.Size == o.Size && s.ModTime.Equal(o.ModTime) }
