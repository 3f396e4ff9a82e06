package search

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// readPairs reads a test vector file: input, a tab, the expected output;
// lines starting with # are comments.
func readPairs(t *testing.T, name string) [][2]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		in, want, ok := strings.Cut(text, "\t")
		if !ok {
			t.Fatalf("%s:%d: no tab", name, line)
		}
		out = append(out, [2]string{in, want})
	}
	return out
}

func TestStemVectors(t *testing.T) {
	pairs := readPairs(t, "testdata/stems.txt")
	if len(pairs) < 100 {
		t.Fatalf("only %d stem vectors", len(pairs))
	}
	for _, p := range pairs {
		if got := Stem(p[0]); got != p[1] {
			t.Errorf("Stem(%q) = %q, want %q", p[0], got, p[1])
		}
	}
}

func TestNormalizeVectors(t *testing.T) {
	for _, p := range readPairs(t, "testdata/normalize.txt") {
		if got := strings.Join(Terms(p[0]), " "); got != p[1] {
			t.Errorf("Terms(%q) = %q, want %q", p[0], got, p[1])
		}
	}
}

// The forms a reader expects to find each other share one stem.
func TestStemGroups(t *testing.T) {
	for _, group := range [][]string{
		{"vote", "votes", "voted", "voting"},
		{"run", "runs", "running"},
		{"story", "stories"},
		{"study", "studies", "studied", "studying"},
		{"plan", "plans", "planned", "planning"},
		{"agree", "agrees", "agreed", "agreeing"},
		{"class", "classes"},
		{"call", "calls", "called", "calling"},
		{"meeting", "meetings", "meet", "meets"},
		{"miss", "missed", "missing"},
		{"city", "cities"},
	} {
		want := Stem(group[0])
		for _, w := range group[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q: want the same", w, got, group[0], want)
			}
		}
	}
}

// The stop list is of stems: each is its own stem, so it matches the
// terms that the words become.
func TestStopTermsAreStems(t *testing.T) {
	if len(stopTerms) != 41 {
		t.Errorf("%d stop terms, want FORMAT.md's 41", len(stopTerms))
	}
	for term := range stopTerms {
		if Stem(term) != term {
			t.Errorf("stop term %q stems to %q", term, Stem(term))
		}
	}
	for _, w := range []string{"have", "were", "The", "Said"} {
		if ts := Terms(w); len(ts) != 1 || !stopTerms[ts[0]] {
			t.Errorf("%q gives %v, not a stop term", w, ts)
		}
	}
}
