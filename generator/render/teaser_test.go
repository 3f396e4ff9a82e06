package render

import (
	"html/template"
	"strconv"
	"testing"

	"newsgen/generator/site"
)

// The teaser memo forgets when full, and never answers with another
// entry's teaser.
func TestTeaserMemoIsBounded(t *testing.T) {
	memo := &teaserMemo{m: map[Teaser]template.HTML{}}
	entries := make([]*site.Entry, teaserMemoSize+10)
	for i := range entries {
		entries[i] = &site.Entry{Slug: strconv.Itoa(i)}
		memo.put(Teaser{Entry: entries[i]}, template.HTML(entries[i].Slug))
		if len(memo.m) > teaserMemoSize {
			t.Fatalf("%d teasers kept", len(memo.m))
		}
	}
	found := 0
	for _, e := range entries {
		if html, ok := memo.get(Teaser{Entry: e}); ok {
			found++
			if string(html) != e.Slug {
				t.Fatalf("teaser of %s is %q", e.Slug, html)
			}
		}
	}
	if found == 0 || found > teaserMemoSize {
		t.Errorf("%d of %d teasers found", found, len(entries))
	}
	if _, ok := memo.get(Teaser{Entry: entries[len(entries)-1], Kicker: true}); ok {
		t.Error("teaser with a kicker found where only one without was put")
	}
}
