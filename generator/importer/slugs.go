package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"newsgen/generator/atomicfile"
	"newsgen/generator/content"
	"newsgen/generator/inroot"
)

// contentFiles is what content/ holds before an import: the owner seed of
// each slug ("" for an article not from a seed), and the slug of each
// seed's article.
type contentFiles struct {
	owner  map[string]string
	bySeed map[string]string
}

// scanContent reads the front matter of every content file whose stamp
// the memo does not already know, and refreshes the memo. A file that
// does not parse still holds its slug.
func scanContent(dir string, memo *Memo, changed map[string]bool, g *inroot.Guard) (contentFiles, error) {
	cf := contentFiles{owner: map[string]string{}, bySeed: map[string]string{}}
	entries, err := contentEntries(dir, memo, changed)
	if err != nil {
		return cf, err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	seen := map[string]ContentMemo{}
	for _, e := range entries {
		if atomicfile.IsTemp(e.Name()) && e.Type().IsRegular() {
			// Left by an import that was stopped before its rename.
			os.Remove(filepath.Join(dir, e.Name()))
			continue
		}
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		slug := strings.TrimSuffix(e.Name(), ".md")
		m := contentMemo(dir, e, memo, g)
		seen[e.Name()] = m
		cf.owner[slug] = m.Seed
		if _, dup := cf.bySeed[m.Seed]; m.Seed != "" && !dup {
			cf.bySeed[m.Seed] = slug
		}
	}
	memo.Content = seen
	return cf, nil
}

// contentEntries lists content/: from the folder, or with changed set from
// the memo, looking only at the changed names.
func contentEntries(dir string, memo *Memo, changed map[string]bool) ([]os.DirEntry, error) {
	if changed == nil {
		return os.ReadDir(dir)
	}
	var out []os.DirEntry
	for name, m := range memo.Content {
		if !changed[name] {
			out = append(out, memoEntry{name, m})
		}
	}
	for name := range changed {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		if info, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			out = append(out, fs.FileInfoToDirEntry(info))
		}
	}
	return out, nil
}

// memoEntry is a content file as the memo last saw it.
type memoEntry struct {
	name string
	m    ContentMemo
}

func (e memoEntry) Name() string               { return e.name }
func (e memoEntry) IsDir() bool                { return false }
func (e memoEntry) Type() fs.FileMode          { return 0 }
func (e memoEntry) Info() (fs.FileInfo, error) { return memoInfo(e), nil }

// memoInfo answers Info from the memo: only the stamp is ever asked.
type memoInfo memoEntry

func (i memoInfo) Name() string       { return i.name }
func (i memoInfo) Size() int64        { return i.m.Size }
func (i memoInfo) Mode() fs.FileMode  { return 0o644 }
func (i memoInfo) ModTime() time.Time { return time.Unix(0, i.m.Mod) }
func (i memoInfo) IsDir() bool        { return false }
func (i memoInfo) Sys() any           { return nil }

// contentMemo is what one content file says of its seed, read again only
// when its stamp changed.
func contentMemo(dir string, e os.DirEntry, memo *Memo, g *inroot.Guard) ContentMemo {
	info, err := e.Info()
	if err != nil {
		return ContentMemo{}
	}
	st := stampOf(info)
	if m, ok := memo.Content[e.Name()]; ok && m.same(st) {
		return m
	}
	m := ContentMemo{Stamp: st}
	if data, err := g.ReadFile(filepath.Join(dir, e.Name())); err == nil {
		m.Sum = sum(data)
		if old, ok := memo.Content[e.Name()]; ok && old.Sum == m.Sum {
			m.Seed = old.Seed // touched, not changed
			return m
		}
		if a, err := content.ParseMeta(e.Name(), data); err == nil {
			m.Seed = a.Seed
		}
	}
	return m
}

// slugger hands out slugs in seed name order, so that two seeds with one
// title get two slugs that stay put when more seeds arrive: a seed keeps
// the slug its article already has; otherwise it gets the plain slug if
// no other seed holds it, else the slug with a short hash of its file name.
type slugger struct {
	files contentFiles
	taken map[string]string
}

func newSlugger(cf contentFiles) *slugger {
	return &slugger{files: cf, taken: map[string]string{}}
}

func (s *slugger) assign(seedName, slug string) string {
	if have, ok := s.files.bySeed[seedName]; ok && s.free(have, seedName) {
		return s.take(have, seedName)
	}
	if s.free(slug, seedName) {
		return s.take(slug, seedName)
	}
	sum := sha256.Sum256([]byte(seedName))
	h := hex.EncodeToString(sum[:])
	for n := 6; n < len(h); n += 2 {
		if c := slug + "-" + h[:n]; s.free(c, seedName) {
			return s.take(c, seedName)
		}
	}
	return s.take(slug+"-"+h, seedName)
}

func (s *slugger) free(slug, seedName string) bool {
	if who, ok := s.taken[slug]; ok && who != seedName {
		return false
	}
	who, ok := s.files.owner[slug]
	return !ok || who == seedName
}

func (s *slugger) take(slug, seedName string) string {
	s.taken[slug] = seedName
	return slug
}
