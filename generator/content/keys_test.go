package content

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestUnknownFrontMatterKeysAreNamedWithLineAndClosestKey(t *testing.T) {
	file := "---\ntitle: A\ndate: 2026-01-02\ndarft: true\ncatgory: War\nimage:\n  captoin: Ruins\n  credit: AP\ntags: [a]\nSlug: x\nupdated: 2026-01-03\n---\n\nText.\n"
	a, err := Parse("content/a.md", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`content/a.md:4: unknown front-matter key "darft" (did you mean "draft"?); it is ignored`,
		`content/a.md:5: unknown front-matter key "catgory" (did you mean "category"?); it is ignored`,
		`content/a.md:7: unknown front-matter key "image.captoin" (did you mean "image.caption"?); it is ignored`,
		`content/a.md:10: unknown front-matter key "Slug" (did you mean "slug"?); it is ignored`,
	}
	if !reflect.DeepEqual(a.Warnings, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(a.Warnings, "\n"), strings.Join(want, "\n"))
	}
	if a.Draft || a.Category != "" || a.Image.Credit != "AP" {
		t.Errorf("article = %+v", a.Meta)
	}
}

func TestEveryKeyImportWritesIsKnown(t *testing.T) {
	a := &Article{Meta: Meta{Title: "T", Slug: "t", DateSource: "seed", Category: "War", Summary: "S",
		Image: &Image{Caption: "C", Credit: "R"}, Tags: []string{"x"}, Seed: "t.txt", Draft: true}, Body: "B"}
	a.Date = time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	a.Updated = time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC)
	for _, data := range [][]byte{Format(a), FormatImported(a)} {
		got, err := Parse("content/t.md", data)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Warnings) > 0 {
			t.Errorf("warnings on a file newsgen wrote: %q\n%s", got.Warnings, data)
		}
	}
}

func TestKnownKeysFollowTheStruct(t *testing.T) {
	k := knownKeys()
	for _, key := range []string{"title", "slug", "date", "updated", "date_source", "category", "summary", "image", "tags", "seed", "draft", "import_hash"} {
		if _, ok := k[key]; !ok {
			t.Errorf("key %q not known", key)
		}
	}
	if _, ok := k["image"]["caption"]; !ok {
		t.Error("image.caption not known")
	}
	type author struct {
		Name string `yaml:"name"`
	}
	type extended struct {
		Meta    `yaml:",inline"`
		Authors []author `yaml:"authors"`
		Hidden  string   `yaml:"-"`
	}
	e := keysOf(reflect.TypeFor[extended]())
	if _, ok := e["authors"]["name"]; !ok || e["hidden"] != nil {
		t.Errorf("keys of a struct with a list of mappings: %v", e)
	}
}

func TestEmptyFrontMatterIsCalledEmpty(t *testing.T) {
	for _, file := range []string{"---\n---\n\nText.\n", "---\n---", "---\n\n  \n---\nText\n"} {
		_, err := Parse("content/e.md", []byte(file))
		if err == nil || err.Error() != "content/e.md:1: front matter is empty: it needs at least a title and a date" {
			t.Errorf("%q: %v", file, err)
		}
	}
	_, err := Parse("content/e.md", []byte("---\ntitle: x\n"))
	if err == nil || !strings.Contains(err.Error(), "not closed") {
		t.Errorf("unclosed: %v", err)
	}
	if body, err := Body("content/e.md", []byte("---\n---\n\nText.\n")); err != nil || body != "Text.\n" {
		t.Errorf("body %q, %v", body, err)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"darft", "draft", 2}, {"catgory", "category", 1}, {"", "abc", 3}, {"same", "same", 0}, {"é", "e", 1}} {
		if got := editDistance(c.a, c.b); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}
