package seed

import (
	"bytes"
	"strings"
	"testing"

	"newsgen/generator/content"
)

const cleanSeed = "Home Culture Café reopens...\n\nCafé reopens after a year\n\nThe café on the square reopened on Monday, its owner said, after a year of repairs to the roof and the kitchen that cost more than planned.\n\nRegulars queued from seven."

func TestMessySeedsReadLikeClean(t *testing.T) {
	want := parseBytes(t, []byte(cleanSeed))
	tests := map[string]string{
		"crlf":                    strings.ReplaceAll(cleanSeed, "\n", "\r\n"),
		"old mac line ends":       strings.ReplaceAll(cleanSeed, "\n", "\r"),
		"bom":                     "\ufeff" + cleanSeed,
		"non-breaking spaces":     strings.ReplaceAll(cleanSeed, " on ", "\u00a0on\u00a0"),
		"trailing white space":    strings.ReplaceAll(cleanSeed, "\n", " \t\n"),
		"tabs and runs":           strings.ReplaceAll(cleanSeed, " the ", " \t the  "),
		"zero-width":              strings.ReplaceAll(cleanSeed, "reopened", "re\u200bopened"),
		"blank lines with spaces": strings.ReplaceAll(cleanSeed, "\n\n", "\n   \n"),
	}
	for name, seed := range tests {
		t.Run(name, func(t *testing.T) {
			got := parseBytes(t, []byte(seed))
			if string(content.Format(got)) != string(content.Format(want)) {
				t.Errorf("got\n%s\nwant\n%s", content.Format(got), content.Format(want))
			}
		})
	}
}

func parseBytes(t *testing.T, data []byte) *content.Article {
	t.Helper()
	a, _, err := Parse("x.txt", data, modTime, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestWindows1252(t *testing.T) {
	seed := []byte("Caf\xe9 owner says \x93never again\x94\n\nThe caf\xe9\x92s owner spoke on Monday about the repairs, which took a year and cost more than planned.")
	a, notes, err := Parse("old.txt", seed, modTime, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café owner says “never again”" || !strings.Contains(a.Body, "café’s owner") {
		t.Errorf("title %q body %q", a.Title, a.Body)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "Windows-1252") {
		t.Errorf("notes %q, want one about Windows-1252", notes)
	}
}

func TestUTF16(t *testing.T) {
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xFE})
	for _, r := range "A title\n\nOne paragraph of text." {
		b.Write([]byte{byte(r), 0})
	}
	a, notes, err := Parse("u.txt", b.Bytes(), modTime, Options{})
	if err != nil || a.Title != "A title" || len(notes) != 1 {
		t.Errorf("title %v notes %q err %v", a, notes, err)
	}
}

func TestBadSeedsRefused(t *testing.T) {
	tests := []struct {
		name, seed, reason string
		max                int64
	}{
		{"empty", "", "empty file", 0},
		{"white space only", " \n\t\r\n  \n", "empty file", 0},
		{"nul bytes", "PNG\x00\x00\x01\x02 title", "binary file", 0},
		{"control characters", strings.Repeat("\x01\x02\x03\x1b", 10) + "abc", "binary file", 0},
		{"only chrome", "Advertisement\n\nShare this article\n\nAds by MGDK\n\nFollow us on X", "only site chrome", 0},
		{"only a date", "June 29, 2026", "only a date", 0},
		{"too large", cleanSeed, "too large", 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse("bad.txt", []byte(tt.seed), modTime, Options{MaxBytes: tt.max})
			if err == nil || !strings.Contains(err.Error(), tt.reason) || !strings.HasPrefix(err.Error(), "bad.txt: ") {
				t.Errorf("error %v, want bad.txt: ...%s...", err, tt.reason)
			}
		})
	}
}
