package site

import (
	"fmt"
	"testing"
	"time"
	"unsafe"
)

// An entry's page path is its year and month, zero-padded as %04d/%02d,
// then its slug, made each time it is asked for.
func TestPathIsYearMonthAndSlug(t *testing.T) {
	for _, c := range []struct {
		year  int
		month time.Month
	}{{2026, time.June}, {1999, time.December}, {987, time.January}, {12345, time.March}} {
		e := &Entry{Slug: "a-slug", Date: time.Date(c.year, c.month, 3, 0, 0, 0, 0, time.UTC)}
		want := fmt.Sprintf("%04d/%02d/a-slug/", c.year, int(c.month))
		if got := e.Path(); got != want {
			t.Errorf("%d-%02d: Path() = %q, want %q", c.year, c.month, got, want)
		}
	}
}

// A slug that names the source file shares its memory; one that does not
// stays as it was.
func TestSlugSharesTheSourceName(t *testing.T) {
	source := "content/world/peace-talks.md"
	e := &Entry{Slug: string([]byte("peace-talks")), Source: source}
	e.Compact(source)
	if unsafe.StringData(e.Slug) != unsafe.StringData(source[len("content/world/"):]) {
		t.Error("the slug was not made a part of the source's name")
	}
	other := &Entry{Slug: "talks", Source: "content/world/peace-talks.md"}
	other.Compact(other.Source)
	if other.Slug != "talks" || unsafe.StringData(other.Slug) == unsafe.StringData(other.Source[len("content/world/peace-"):]) {
		t.Errorf("a slug that is only the end of the file's name was shared: %q", other.Slug)
	}
}
