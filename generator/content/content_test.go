package content

import (
	"strings"
	"testing"
	"time"
)

func sample() *Article {
	return &Article{
		Meta: Meta{
			Title:      `A "quoted" title: with colon & ampersand`,
			Slug:       "a-quoted-title",
			Date:       time.Date(2026, 6, 29, 0, 0, 0, 0, time.UTC),
			DateSource: "inferred",
			Category:   "Business & Economy",
			Summary:    "Yes",
			Image:      &Image{Caption: "A caption", Credit: "Reuters"},
			Tags:       []string{"true", "2024", "Oil"},
			Seed:       "001_x.txt",
		},
		Body: "First paragraph.\n\n## A heading\n\nSecond.",
	}
}

func TestFormatReadsBackTheSameFields(t *testing.T) {
	a := sample()
	data := FormatImported(a)
	got, err := Parse("content/a.md", data)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != a.Title || got.Slug != a.Slug || !got.Date.Equal(a.Date) || got.Category != a.Category ||
		got.Summary != a.Summary || *got.Image != *a.Image || strings.Join(got.Tags, "|") != "true|2024|Oil" ||
		got.Seed != a.Seed || got.DateSource != a.DateSource {
		t.Errorf("read back %+v, want %+v", got.Meta, a.Meta)
	}
	if got.Body != a.Body+"\n" {
		t.Errorf("body = %q", got.Body)
	}
	if got.BodyLine != strings.Count(string(data[:strings.Index(string(data), "First")]), "\n")+1 {
		t.Errorf("body line %d is not the line of the body's first word", got.BodyLine)
	}
}

func TestFormatMatchesTheContractLayout(t *testing.T) {
	a := sample()
	a.Summary, a.Tags, a.Image = "But why?", nil, nil
	a.Category = "War"
	got := string(Format(a))
	want := "---\ntitle: \"A \\\"quoted\\\" title: with colon & ampersand\"\nslug: a-quoted-title\ndate: 2026-06-29\n" +
		"date_source: inferred\ncategory: War\nsummary: \"But why?\"\ntags: []\nseed: 001_x.txt\n---\n\n"
	if !strings.HasPrefix(got, want) {
		t.Errorf("front matter:\n%s\nwant prefix:\n%s", got, want)
	}
}

func TestUntouchedTellsImportedFromEdited(t *testing.T) {
	data := FormatImported(sample())
	if !Untouched(data) {
		t.Fatal("a file as import wrote it reads as edited")
	}
	edited := strings.Replace(string(data), "Second.", "Second, edited.", 1)
	if Untouched([]byte(edited)) {
		t.Error("an edited body reads as untouched")
	}
	retitled := strings.Replace(string(data), "title: \"A", "title: \"The", 1)
	if Untouched([]byte(retitled)) {
		t.Error("an edited title reads as untouched")
	}
	if Untouched(Format(sample())) {
		t.Error("a file without an import hash reads as untouched")
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	cases := map[string]struct {
		in, want string
	}{
		"no front matter": {"Just text\n", "content/x.md:1: no front matter"},
		"not closed":      {"---\ntitle: x\n", "content/x.md:1: front matter is not closed"},
		"bad yaml":        {"---\ntitle: x\ndate: 2026-01-01\ntags: [a\n---\n", "content/x.md:"},
		"bad date":        {"---\ntitle: x\n\ndate: June 5th\n---\n", "content/x.md:4: date \"June 5th\" is not a date"},
		"missing title":   {"---\ndate: 2026-01-01\n---\n", "content/x.md:1: front matter has no title"},
		"missing date":    {"---\ntitle: x\n---\n", "content/x.md:1: front matter has no date"},
		"bad slug":        {"---\ntitle: x\ndate: 2026-01-01\nslug: A B\n---\n", "content/x.md:1: slug \"A B\""},
		"wrong type":      {"---\ntitle: x\ndate: 2026-01-01\ntags: {a: b}\n---\n", "content/x.md:4:"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("content/x.md", []byte(c.in))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error = %v, want prefix %q", err, c.want)
			}
		})
	}
}

func TestParseAcceptsCRLFAndBOMAndTimes(t *testing.T) {
	in := "\ufeff---\r\ntitle: x\r\ndate: 2026-01-02T15:04:05+02:00\r\nupdated: 2026-01-03\r\n---\r\n\r\nBody\r\n"
	a, err := Parse("content/x.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if a.Slug != "x" || a.Date.Hour() != 15 || a.Updated.Day() != 3 || a.Body != "Body\n" || a.BodyLine != 7 {
		t.Errorf("got slug %q date %v updated %v body %q line %d", a.Slug, a.Date, a.Updated, a.Body, a.BodyLine)
	}
}

// FormatImported puts the hash where Format would: as the last key.
func TestFormatImportedEqualsFormatWithTheHash(t *testing.T) {
	a := sample()
	got := FormatImported(a)
	if want := Format(a); string(got) != string(want) {
		t.Errorf("FormatImported:\n%s\nFormat with the hash:\n%s", got, want)
	}
}
