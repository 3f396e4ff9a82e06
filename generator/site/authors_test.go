package site

import (
	"strings"
	"testing"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/content"
)

func TestAuthorsAreGroupedBySlug(t *testing.T) {
	article := func(slug string, day int, authors ...string) *Entry {
		return NewEntry(&content.Article{Meta: content.Meta{Title: slug, Slug: slug,
			Date: time.Date(2026, 6, day, 0, 0, 0, 0, time.UTC), Authors: authors}, Path: "content/" + slug + ".md"}, time.UTC)
	}
	s := New(config.Default(), []*Entry{
		article("a", 1, "Jane Doe", "J. R. Okafor"),
		article("b", 2, "Zoë Müller", "jane doe"),
		article("c", 3, "Олена Коваль", "★"),
		article("d", 4),
		article("e", 5, "Jane Doe", "Jane Doe"),
	}, Options{})
	var got []string
	for _, g := range s.Authors {
		var slugs []string
		for _, e := range g.Entries {
			slugs = append(slugs, e.Slug)
		}
		got = append(got, g.Slug+"="+g.Name+":"+strings.Join(slugs, ","))
	}
	want := "j-r-okafor=J. R. Okafor:a|jane-doe=Jane Doe:e,b,a|olena-koval=Олена Коваль:c|zoe-muller=Zoë Müller:b"
	if strings.Join(got, "|") != want {
		t.Errorf("authors\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	if e := s.Entries[0]; len(e.Authors) != 1 {
		t.Errorf("a name given twice counts once: %v", e.Authors)
	}
}
