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
		"date_source: inferred\ncategory: War\nsummary: \"But why?\"\ntags: []\nauthors: []\nseed: 001_x.txt\n---\n\n"
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

func TestFormatWritesAuthorsUpdatedAndTimes(t *testing.T) {
	a := sample()
	a.Image, a.Tags = nil, []string{"Oil"}
	a.Authors = []string{"Jane Doe", "Seán O’Connell", "J. R. Okafor"}
	a.Date, a.DateHasTime = time.Date(2026, 6, 29, 14, 5, 0, 0, time.FixedZone("", 2*3600)), true
	a.Updated, a.UpdatedHasTime = time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC), false
	got := string(Format(a))
	for _, want := range []string{
		"\ndate: 2026-06-29T14:05:00+02:00\ndate_source: inferred\nupdated: 2026-11-03\n",
		"\ntags: [Oil]\nauthors: [Jane Doe, Seán O’Connell, J. R. Okafor]\nseed: 001_x.txt\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("front matter:\n%s\nwant it to contain:\n%s", got, want)
		}
	}
	b, err := Parse("content/a.md", FormatImported(a))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(b.Authors, "|") != "Jane Doe|Seán O’Connell|J. R. Okafor" || !b.Date.Equal(a.Date) || !b.DateHasTime ||
		!b.Updated.Equal(a.Updated) || b.UpdatedHasTime {
		t.Errorf("read back authors %q date %v (%v) updated %v (%v)", b.Authors, b.Date, b.DateHasTime, b.Updated, b.UpdatedHasTime)
	}
	if _, off := b.Date.Zone(); off != 2*3600 {
		t.Errorf("offset %d, want +02:00 kept", off)
	}
}

func TestEditorsWriteAuthorsAndTimesTheirWay(t *testing.T) {
	cases := []struct {
		keys, authors string
		hasTime       bool
		zone          *time.Location // nil: no zone written
	}{
		{"date: 2026-06-29\nauthors: [Jane Doe, John Roe]", "Jane Doe|John Roe", false, nil},
		{"date: 2026-06-29T14:05:00Z\nauthors:\n  - Jane Doe\n  - \"\"", "Jane Doe", true, UTC},
		{"date: 2026-06-29 14:05\nauthor: Zoë Müller", "Zoë Müller", true, nil},
		{"date: 2026-06-29T14:05+05:30\nauthors: Олена Коваль", "Олена Коваль", true, time.FixedZone("", 19800)},
		{"date: 2026-06-29T14:05:00+00:00\nauthors: []", "", true, UTC},
	}
	for _, c := range cases {
		a, err := Parse("content/x.md", []byte("---\ntitle: x\n"+c.keys+"\n---\nBody\n"))
		if err != nil {
			t.Errorf("%q: %v", c.keys, err)
			continue
		}
		if got := strings.Join(a.Authors, "|"); got != c.authors || a.DateHasTime != c.hasTime {
			t.Errorf("%q: authors %q has time %v", c.keys, got, a.DateHasTime)
		}
		_, off := a.Date.Zone()
		switch {
		case c.zone == nil && a.Date.Location() != time.UTC:
			t.Errorf("%q: zone %v, want none (time.UTC)", c.keys, a.Date.Location())
		case c.zone != nil && a.Date.Location() == time.UTC:
			t.Errorf("%q: a written zone reads as no zone", c.keys)
		case c.zone != nil:
			if _, want := time.Date(2026, 6, 29, 0, 0, 0, 0, c.zone).Zone(); off != want {
				t.Errorf("%q: offset %d, want %d", c.keys, off, want)
			}
		}
	}
	_, err := Parse("content/x.md", []byte("---\ntitle: x\ndate: 2026-06-29\nauthors: {a: b}\n---\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "content/x.md:4: authors") {
		t.Errorf("authors as a map: error %v, want one naming line 4", err)
	}
}
