package importer

import (
	"crypto/sha256"
	"os"

	"newsgen/generator/seed"
)

// Memo remembers what an import made of each seed and found in each
// content file, so that the next import reads only the files whose size
// or modification time changed. Builds keep it between runs; an empty
// Memo makes Import read everything.
type Memo struct {
	Seeds   map[string]SeedMemo
	Content map[string]ContentMemo
}

// Stamp is what tells a file changed without reading it: its size and
// its modification time in nanoseconds since 1970, kept as a number
// rather than a time.Time, which takes half as much again in a memo of a
// million seeds.
type Stamp struct {
	Size, Mod int64
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
	Sum, OutSum Digest
	DateSource  string
}

// Digest identifies a file's bytes: the first 12 bytes of their SHA-256
// sum. Digests are only ever compared, and the memo keeps two for every
// seed of the archive, so they are kept in place rather than as strings.
// The zero Digest stands for none.
type Digest [12]byte

// ContentMemo is what a content file told about its owner seed, and the
// sum of its bytes.
type ContentMemo struct {
	Stamp
	Seed string
	Sum  Digest
}

// Compact makes a memo read back from a store share its date source with
// every other seed's.
func (m *SeedMemo) Compact() {
	for _, known := range []string{seed.FromSeed, seed.FromInferred, seed.FromFile} {
		if m.DateSource == known {
			m.DateSource = known
			return
		}
	}
}

// sum is the Digest of a file's bytes.
func sum(data []byte) Digest {
	h := sha256.Sum256(data)
	return Digest(h[:12])
}

// knownOut reports whether a seed's content file is as the import that
// filled the memo left it.
func (memo *Memo) knownOut(m SeedMemo) bool {
	c, ok := memo.Content[m.Slug+".md"]
	return ok && (c.same(m.Out) || (c.Sum != Digest{} && c.Sum == m.OutSum))
}

// NewMemo returns an empty memo.
func NewMemo() *Memo {
	return &Memo{Seeds: map[string]SeedMemo{}, Content: map[string]ContentMemo{}}
}

func stampOf(info os.FileInfo) Stamp {
	return Stamp{Size: info.Size(), Mod: info.ModTime().UnixNano()}
}

func statStamp(p string) (Stamp, bool) {
	info, err := os.Stat(p)
	if err != nil {
		return Stamp{}, false
	}
	return stampOf(info), true
}

// same reports whether two stamps are of one version of a file.
func (s Stamp) same(o Stamp) bool { return s == o }
