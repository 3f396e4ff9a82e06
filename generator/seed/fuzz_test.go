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
	for _, s := range append(append([]string{cleanSeed}, chromeLines...), trickyText...) {
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

func sameArticle(t *testing.T, a, b *content.Article) {
	t.Helper()
	got := []string{b.Title, b.Slug, b.Date.Format(content.DateLayout), b.DateSource, b.Category, b.Summary, image(b.Image), strings.Join(b.Tags, "\x00"), b.Seed}
	want := []string{a.Title, a.Slug, a.Date.Format(content.DateLayout), a.DateSource, a.Category, a.Summary, image(a.Image), strings.Join(a.Tags, "\x00"), a.Seed}
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
