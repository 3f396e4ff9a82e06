package seed

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"newsgen/generator/content"
)

// FuzzParse checks that Parse never panics and that what import writes
// reads back as the same article.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("testdata/golden/*.txtar")
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		f.Add(parseArchive(data).files[0].data)
	}
	for _, s := range append(append(append([]string{cleanSeed}, chromeLines...), trickyText...), secondEdition...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := Parse("fuzz.txt", data, modTime, Options{})
		if err != nil {
			return
		}
		written := content.FormatImported(a)
		if !content.Untouched(written) {
			t.Fatalf("written file does not count as untouched:\n%s", written)
		}
		b, err := content.Parse("content/"+a.Slug+".md", written)
		if err != nil {
			t.Fatalf("written file does not read back: %v\n%s", err, written)
		}
		sameArticle(t, a, b)
	})
}

// secondEdition are seeds with the rows the contract's second edition
// added: bylines, updated lines, times of day, notes, other scripts.
var secondEdition = []string{
	"Home World Storm closes...\n\nStorm closes coastal road\n\nBy Jane Doe, John Roe and Ann Lee | Reuters\n\nPublished: June 29, 2026, 14:05 GMT\n\nUpdated: June 30, 2026 at 9:15 am\n\nEditor's note: names changed\n\n" + longPara + "\n\nCorrection: An earlier version misstated the cost.",
	"Україна відновлює світло\n\nBy Олена Коваль in Kyiv\n\n2026-06-29T14:05:00+03:00\n\n" + longPara + "\n\nReporting by Jane Doe; Editing by Ann Lee\n\nTags: energy, Ukraine",
	"Η Αθήνα ψηφίζει σήμερα\n\nWritten by J. R. Okafor and Ana de la Cruz for The Courier\n\nUpdated 2026-11-03 14:05\n\nBy the evening of September 13, the road was closed.\n\n" + longPara,
}

func sameArticle(t *testing.T, a, b *content.Article) {
	t.Helper()
	got := []string{b.Title, b.Slug, content.FormatDate(b.Date, b.DateHasTime), b.DateSource, b.Category, b.Summary, image(b.Image),
		strings.Join(b.Tags, "\x00"), b.Seed, strings.Join(b.Authors, "\x00"), content.FormatDate(b.Updated, b.UpdatedHasTime)}
	want := []string{a.Title, a.Slug, content.FormatDate(a.Date, a.DateHasTime), a.DateSource, a.Category, a.Summary, image(a.Image),
		strings.Join(a.Tags, "\x00"), a.Seed, strings.Join(a.Authors, "\x00"), content.FormatDate(a.Updated, a.UpdatedHasTime)}
	if !slices.Equal(got, want) {
		t.Fatalf("read back %q\nwant %q", got, want)
	}
	if strings.TrimSpace(b.Body) != strings.TrimSpace(a.Body) {
		t.Fatalf("body read back differs:\n%s\nwant:\n%s", b.Body, a.Body)
	}
}

func image(i *content.Image) string {
	if i == nil {
		return ""
	}
	return i.Caption + "\x00" + i.Credit
}
