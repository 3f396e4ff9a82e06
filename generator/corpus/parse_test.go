package corpus

import (
	"regexp"
	"strings"
	"testing"

	"newsgen/generator/content"
	"newsgen/generator/seed"
)

// markup is what import adds to a body's words: heading and list marks and
// the backslashes that keep seed text from reading as Markdown.
var markup = regexp.MustCompile(`(?m)^(#+|[-*]|\d+\.) |\\`)

var topicsLine = regexp.MustCompile(`(?m)^(?:Tags|Topics): (.+)$`)

func TestEverySeedImports(t *testing.T) {
	n := 1500
	if testing.Short() {
		n = 200
	}
	for i := range n {
		d := build(i, false)
		a, _, err := seed.Parse(d.name, d.text, d.saved, seed.Options{})
		if err != nil {
			t.Fatalf("seed %d: %v", i, err)
		}
		checkImport(t, i, d, a)
	}
}

func checkImport(t *testing.T, i int, d *draft, a *content.Article) {
	t.Helper()
	if a.Title != d.title {
		t.Fatalf("seed %d: title %q, want %q", i, a.Title, d.title)
	}
	if strings.Contains(string(d.text), "\nHome") || strings.HasPrefix(string(d.text), "Home") {
		if a.Category != d.category {
			t.Fatalf("seed %d: category %q, want %q", i, a.Category, d.category)
		}
	}
	if d.dated && (a.DateSource != "seed" || !a.Date.Equal(d.date)) {
		t.Fatalf("seed %d: date %v (%s), want %v from its dateline", i, a.Date, a.DateSource, d.date)
	}
	if a.Date.After(d.saved) || a.Date.Year() < 2015 {
		t.Fatalf("seed %d: date %v, saved %v", i, a.Date, d.saved)
	}
	for _, chrome := range []string{"Ads by MGDK", "Read also", "Share this article", "Tags:", "Topics:", "Advertisement"} {
		if strings.Contains(a.Body, chrome) {
			t.Fatalf("seed %d: body keeps %q", i, chrome)
		}
	}
	if m := topicsLine.FindStringSubmatch(string(d.text)); m != nil && strings.Join(a.Tags, ", ") != m[1] {
		t.Fatalf("seed %d: tags %q, want %s", i, a.Tags, m[1])
	}
	if got := len(strings.Fields(markup.ReplaceAllString(a.Body, ""))); got < MinWords || got > MaxWords+250 {
		t.Fatalf("seed %d: imported body has %d words", i, got)
	}
	if h := strings.Count(a.Body, "\n## ") + strings.Count(a.Body[:3], "## "); h < 2 || h > 4 {
		t.Fatalf("seed %d: %d subheadings, want 2 to 4:\n%s", i, h, a.Body)
	}
}

// TestFreshSeedIsNextDaysNews checks that a fresh seed imports like any
// other and is dated, by its dateline, after every seed of the corpus.
func TestFreshSeedIsNextDaysNews(t *testing.T) {
	for i := range 200 {
		d := build(i, true)
		a, _, err := seed.Parse(d.name, d.text, d.saved, seed.Options{})
		if err != nil {
			t.Fatalf("fresh seed %d: %v", i, err)
		}
		checkImport(t, i, d, a)
		if !a.Date.After(lastDay) {
			t.Fatalf("fresh seed %d: dated %v, not after the corpus's last day %v", i, a.Date, lastDay)
		}
		name, text, _ := Seed(i)
		if fname, ftext, _ := Fresh(i); fname == name || string(ftext) == string(text) {
			t.Fatalf("fresh seed %d: same file as Seed(%d)", i, i)
		}
	}
}
