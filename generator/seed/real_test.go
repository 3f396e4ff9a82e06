package seed

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestRealSeedContract checks the real seed against the example in the
// seed contract, value by value, and its page against its text.
func TestRealSeedContract(t *testing.T) {
	seed := realSeed(t)
	a, notes, err := Parse("seeds/000_09f99dd35366e427.txt", []byte(seed), time.Date(2026, 11, 26, 17, 39, 8, 0, time.UTC), Options{})
	if err != nil || len(notes) != 0 {
		t.Fatalf("err %v notes %v", err, notes)
	}
	got := []string{a.Title, a.Slug, a.Date.Format("2006-01-02"), a.DateSource, a.Category, a.Summary, a.Image.Caption, a.Image.Credit, a.Seed}
	want := []string{
		"Putin finally admits he never actually struck a deal with Trump at Alaska Summit",
		"putin-finally-admits-he-never-actually-struck-a-deal-with-trump-at-alaska-summit",
		"2026-06-29", "inferred", "War", "But why is he admitting it now?",
		"President Donald Trump meets with Russian President Vladimir Putin",
		"The White House, Public domain, via Wikimedia Commons",
		"000_09f99dd35366e427.txt",
	}
	if !slices.Equal(got, want) || a.Tags == nil || len(a.Tags) != 0 {
		t.Errorf("got  %q\nwant %q\ntags %#v", got, want, a.Tags)
	}
	blocks := strings.Split(seed, "\n\n")
	bodyText := blocks[4 : len(blocks)-1] // after the dek, before "Ads by MGDK"
	checkPage(t, a.Body, bodyText, []string{"Pressure from Washington", "Why admit it now?", "Stalled on the battlefield"})
}

// TestMarkupSeedPage renders a seed full of Markdown and HTML look-alikes.
func TestMarkupSeedPage(t *testing.T) {
	var text []string
	for _, s := range trickyText {
		if _, _, _, list := listItem(s); !list {
			text = append(text, s) // a "- " line is a list by the contract
		}
	}
	a := mustParse(t, strings.Join(append([]string{"A title", longPara}, text...), "\n\n"))
	checkPage(t, a.Body, append([]string{longPara}, text...), nil)
}

// checkPage renders a body and checks that the page shows exactly the
// given blocks, as paragraphs and h2 headings only, and, unless headings
// is nil, that the headings are those.
func checkPage(t *testing.T, body string, want, headings []string) {
	t.Helper()
	shown, elems := visible(t, render(body))
	for i := range want {
		want[i] = strings.TrimSpace(want[i])
	}
	if len(shown) != len(want) {
		t.Fatalf("page shows %d blocks, want %d:\n%s", len(shown), len(want), strings.Join(shown, "\n"))
	}
	for i := range want {
		if !same(shown[i], want[i]) {
			t.Errorf("block %d shows %q, want %q", i, shown[i], want[i])
		}
	}
	for _, e := range elems {
		if e != "p" && e != "h2" {
			t.Errorf("element <%s> on the page", e)
		}
	}
	if headings == nil {
		return
	}
	var h []string
	for _, l := range strings.Split(body, "\n") {
		if s, ok := strings.CutPrefix(l, "## "); ok {
			h = append(h, s)
		}
	}
	if !slices.Equal(h, headings) {
		t.Errorf("headings %q, want %q", h, headings)
	}
}
