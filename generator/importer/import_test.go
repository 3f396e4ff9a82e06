package importer

import (
	"bytes"
	"github.com/rogpeppe/go-internal/txtar"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"newsgen/generator/content"
)

// site is a temporary site root with seeds/ and content/.
type site struct {
	t    *testing.T
	root string
	log  bytes.Buffer
	// memo carries from one run to the next, as a build's cache does, so
	// that every test here also proves the memo changes no outcome.
	memo *Memo
}

func newSite(t *testing.T, seeds map[string]string) *site {
	t.Helper()
	s := &site{t: t, root: t.TempDir(), memo: NewMemo()}
	for name, text := range seeds {
		s.addSeed(name, text)
	}
	return s
}

func (s *site) addSeed(name, text string) {
	s.t.Helper()
	p := filepath.Join(s.root, "seeds", name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
	os.Chtimes(p, modTime, modTime)
}

func (s *site) run(maxBytes int64) Report {
	s.t.Helper()
	s.log.Reset()
	rep, err := Import(ImportOptions{
		SeedsDir: filepath.Join(s.root, "seeds"), ContentDir: filepath.Join(s.root, "content"),
		DisplayRoot: s.root, MaxBytes: maxBytes, Log: &s.log, Memo: s.memo,
	})
	if err != nil {
		s.t.Fatal(err)
	}
	return rep
}

func (s *site) content() map[string]string {
	s.t.Helper()
	out := map[string]string{}
	entries, _ := os.ReadDir(filepath.Join(s.root, "content"))
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(s.root, "content", e.Name()))
		out[e.Name()] = string(data)
	}
	return out
}

func realSeed(t testing.TB) string {
	t.Helper()
	arch, err := txtar.ParseFile("../seed/testdata/golden/real.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return string(arch.Files[0].Data)
}

func TestImportWritesAndIsIdempotent(t *testing.T) {
	s := newSite(t, map[string]string{"000_09f99dd35366e427.txt": realSeed(t), "b.txt": cleanSeed})
	rep := s.run(0)
	if rep.Imported != 2 || len(rep.Skipped) != 0 {
		t.Fatalf("first run: %+v\n%s", rep, s.log.String())
	}
	first := s.content()
	p := filepath.Join(s.root, "content", "putin-finally-admits-he-never-actually-struck-a-deal-with-trump-at-alaska-summit.md")
	before, err := os.Stat(p)
	if err != nil {
		t.Fatalf("content file not named by slug: %v", first)
	}
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	os.Chtimes(p, old, old)
	rep = s.run(0)
	if rep.Imported != 0 || rep.Unchanged != 2 {
		t.Errorf("second run: %+v", rep)
	}
	after, _ := os.Stat(p)
	if !after.ModTime().Equal(old) || !os.SameFile(before, after) {
		t.Errorf("second run rewrote %s", p)
	}
	if !maps(first, s.content()) {
		t.Errorf("second run changed content/")
	}
	if got := strings.TrimSpace(s.log.String()); got != "import: 0 imported, 2 unchanged, 0 kept (edited by hand), 0 skipped" {
		t.Errorf("log %q", got)
	}
	if strings.Contains(strings.Join(keys(s.content()), " "), ".tmp") {
		t.Errorf("temporary files left: %v", keys(s.content()))
	}
}

func TestImportKeepsHandEdits(t *testing.T) {
	s := newSite(t, map[string]string{"b.txt": cleanSeed})
	s.run(0)
	p := filepath.Join(s.root, "content", "cafe-reopens-after-a-year.md")
	data, _ := os.ReadFile(p)
	edited := strings.Replace(string(data), "Regulars queued", "Regulars happily queued", 1)
	os.WriteFile(p, []byte(edited), 0o644)
	s.addSeed("b.txt", cleanSeed+"\n\nA new paragraph from a later scrape.")
	rep := s.run(0)
	if rep.Kept != 1 || rep.Imported != 0 || !slices.Equal(rep.KeptFiles, []string{"content/cafe-reopens-after-a-year.md"}) {
		t.Errorf("report %+v", rep)
	}
	if got, _ := os.ReadFile(p); string(got) != edited {
		t.Errorf("hand-edited file overwritten")
	}
	if !strings.Contains(s.log.String(), "content/cafe-reopens-after-a-year.md: kept") || !strings.Contains(s.log.String(), "1 kept (edited by hand)") {
		t.Errorf("log:\n%s", s.log.String())
	}
}

func TestImportUpdatesUntouchedFile(t *testing.T) {
	s := newSite(t, map[string]string{"b.txt": cleanSeed})
	s.run(0)
	s.addSeed("b.txt", cleanSeed+"\n\nA new paragraph from a later scrape.")
	if rep := s.run(0); rep.Imported != 1 {
		t.Errorf("report %+v", rep)
	}
	if !strings.Contains(s.content()["cafe-reopens-after-a-year.md"], "later scrape") {
		t.Errorf("untouched file not updated")
	}
}

func TestImportDuplicateTitles(t *testing.T) {
	a := "Same title\n\n" + longPara
	b := "Same title\n\nAnother text entirely, about something else that happened on another day in another town."
	s := newSite(t, map[string]string{"b.txt": a, "c.txt": b})
	s.run(0)
	firstRun := s.content()
	first := keys(firstRun)
	if len(first) != 2 || !slices.Contains(first, "same-title.md") {
		t.Fatalf("files %v", first)
	}
	// A third seed with the same title, sorted before the others, must
	// not take a slug the others already have.
	s.addSeed("a.txt", "Same title\n\nA third one.")
	rep := s.run(0)
	got := s.content()
	if rep.Imported != 1 || rep.Unchanged != 2 || len(got) != 3 {
		t.Fatalf("report %+v files %v", rep, keys(got))
	}
	for _, f := range first {
		if got[f] != firstRun[f] {
			t.Errorf("%s changed", f)
		}
	}
	seeds := map[string]bool{}
	for name, data := range got {
		m, err := content.ParseMeta(name, []byte(data))
		if err != nil || m.Slug+".md" != name {
			t.Errorf("%s: slug %q err %v", name, m.Slug, err)
		}
		seeds[m.Seed] = true
	}
	if len(seeds) != 3 {
		t.Errorf("seeds %v", seeds)
	}
}

func TestImportReportsBadSeeds(t *testing.T) {
	s := newSite(t, map[string]string{
		"good.txt":   cleanSeed,
		"empty.txt":  "",
		"binary.txt": "\x89PNG\x00\x00",
		"chrome.txt": "Advertisement\n\nShare this article",
		"huge.txt":   strings.Repeat("A very long line of text. ", 100),
		"old.txt":    "Caf\xe9 news\n\nThe caf\xe9 reopened.",
		"notes.md":   "not a seed",
	})
	os.MkdirAll(filepath.Join(s.root, "seeds", "dir.txt"), 0o755)
	rep := s.run(1000)
	want := []string{
		"seeds/binary.txt: binary file, not text (NUL byte at offset 4)",
		"seeds/chrome.txt: no article in it: only site chrome (ads, promos, share prompts)",
		"seeds/empty.txt: empty file",
		"seeds/huge.txt: too large: 2600 bytes, the limit is 1000 (import.max_seed_bytes)",
	}
	var got []string
	for _, p := range rep.Skipped {
		got = append(got, p.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rep.Imported != 2 || !slices.Equal(rep.Notes, []string{"seeds/old.txt: not UTF-8: decoded as Windows-1252"}) {
		t.Errorf("report %+v", rep)
	}
	wantLog := "seeds/old.txt: not UTF-8: decoded as Windows-1252\nimport: 2 imported, 0 unchanged, 0 kept (edited by hand), 4 skipped\n" + strings.Join(want, "\n") + "\n"
	if s.log.String() != wantLog {
		t.Errorf("log:\n%s\nwant:\n%s", s.log.String(), wantLog)
	}
}

func TestImportKeepsContentOfBrokenSeed(t *testing.T) {
	s := newSite(t, map[string]string{"b.txt": cleanSeed})
	s.run(0)
	before := s.content()
	s.addSeed("b.txt", "")
	rep := s.run(0)
	if len(rep.Skipped) != 1 || !maps(before, s.content()) {
		t.Errorf("report %+v; content changed", rep)
	}
}

func TestImportDoesNotReadGiantSeeds(t *testing.T) {
	s := newSite(t, map[string]string{"good.txt": cleanSeed})
	p := filepath.Join(s.root, "seeds", "giant.txt")
	f, _ := os.Create(p)
	f.Truncate(1 << 40) // a sparse terabyte: reading it would never end
	f.Close()
	rep := s.run(1 << 20)
	if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Reason, "too large") || rep.Imported != 1 {
		t.Errorf("report %+v", rep)
	}
}

func TestImportHandWrittenArticleKeepsItsSlug(t *testing.T) {
	s := newSite(t, map[string]string{"b.txt": cleanSeed})
	os.MkdirAll(filepath.Join(s.root, "content"), 0o755)
	mine := "---\ntitle: Mine\nslug: cafe-reopens-after-a-year\ndate: 2026-01-01\ntags: []\n---\n\nWritten by an editor.\n"
	os.WriteFile(filepath.Join(s.root, "content", "cafe-reopens-after-a-year.md"), []byte(mine), 0o644)
	rep := s.run(0)
	got := s.content()
	if rep.Imported != 1 || got["cafe-reopens-after-a-year.md"] != mine || len(got) != 2 {
		t.Errorf("report %+v files %v", rep, keys(got))
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func maps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// modTime is the seeds' modification time in these tests.
var modTime = time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)

// cleanSeed is a small seed with nothing to repair.
const cleanSeed = "Home Culture Café reopens...\n\nCafé reopens after a year\n\nThe café on the square reopened on Monday, its owner said, after a year of repairs to the roof and the kitchen that cost more than planned.\n\nRegulars queued from seven."

// longPara is a paragraph long enough never to read as a heading.
const longPara = "The council said on Tuesday that the work would take most of the summer and that buses would be diverted through the town centre while it lasted, adding a few minutes to most journeys."
