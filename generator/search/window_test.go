package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// commonCorpus has n articles that all say "common"; the oldest and the
// newest also say "rare"; only the oldest ten are in section "old".
func commonCorpus(n int) []article {
	var arts []article
	for i := range n {
		body := "A common sight in the town. "
		if i == 3 || i == n-2 {
			body += "A rare bird sang. "
		}
		if i == 7 {
			body += "The common goldfinch nested. "
		}
		sec := "news"
		if i < 10 {
			sec = "old"
		}
		arts = append(arts, planted(fmt.Sprintf("x/%04d/", i), fmt.Sprintf("Item %d", i), "", body, day(i), sec))
	}
	return arts
}

func TestCommonWordReadsOnlyTheHead(t *testing.T) {
	n := 3*blockSize + 100
	ix := open(t, build(t, commonCorpus(n)))
	r, err := ix.Query("common", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ix.Fetched {
		if strings.HasPrefix(f, "p/") {
			t.Errorf("a first page of a common word read tail block %s", f)
		}
	}
	if r.Total != n || !r.Exact || r.Window >= n {
		t.Errorf("Total %d Exact %v Window %d; want the dictionary's %d, exact, from a partial window", r.Total, r.Exact, r.Window, n)
	}
	if got := r.Sections; !slices.Equal(got, []SectionCount{{"news", "News", n - 10}, {"old", "Old", 10}}) {
		t.Errorf("sections %v", got)
	}
	if r.Hits[0].Path != fmt.Sprintf("x/%04d/", n-1) {
		t.Errorf("first hit %s, want the newest (all score alike)", r.Hits[0].Path)
	}
}

func TestWindowGrowsUntilThePageIsFull(t *testing.T) {
	n := 3*blockSize + 100
	arts := commonCorpus(n)
	for _, c := range []struct {
		q         string
		opt       Options
		wantPaths []string
	}{
		{"common rare", Options{}, []string{fmt.Sprintf("x/%04d/", n-2), "x/0003/"}},
		{"rare common", Options{ByDate: true}, []string{fmt.Sprintf("x/%04d/", n-2), "x/0003/"}},
		{`"common goldfinch"`, Options{}, []string{"x/0007/"}},
		{"common", Options{Section: "old", Limit: 2}, []string{"x/0009/", "x/0008/"}},
	} {
		ix := open(t, build(t, arts))
		r, err := ix.Query(c.q, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		var paths []string
		for _, h := range r.Hits {
			paths = append(paths, h.Path)
		}
		if !slices.Equal(paths, c.wantPaths) {
			t.Errorf("Query(%q, %+v) = %v, want %v (read %v)", c.q, c.opt, paths, c.wantPaths, ix.Fetched)
		}
	}
}

// Same articles, in any order, with any number of workers: same bytes.
func TestIndexIsDeterministic(t *testing.T) {
	arts := commonCorpus(blockSize*2 + 50)
	arts = append(arts, knownCorpus()...)
	a := build(t, arts)
	shuffled := slices.Clone(arts)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b := buildWith(t, shuffled, 1)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, f := range a {
		if g, ok := b[name]; !ok || !bytes.Equal(f.Data, g.Data) {
			t.Errorf("%s differs", name)
		}
	}
}

// A new newest article renumbers nothing: sealed tail blocks and the
// other metadata chunks stay byte for byte.
func TestAppendingKeepsSealedFiles(t *testing.T) {
	arts := commonCorpus(2*blockSize + 300)
	before := build(t, arts)
	arts = append(arts, planted("y/new/", "Newest", "", "A common quokka.", day(5000), "news"))
	after := build(t, arts)
	var changed []string
	for name, f := range after {
		if g, ok := before[name]; !ok || !bytes.Equal(f.Data, g.Data) {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	t.Logf("changed: %v", changed)
	for _, name := range changed {
		if strings.HasPrefix(name, "p/") {
			t.Errorf("sealed tail block %s changed", name)
		}
	}
	// The manifest, the chunk, each term's shard and positions, the
	// completions of new terms' prefixes, and a few whose best
	// completions changed order.
	limit := 2 + 2
	for _, term := range Terms("Newest A common quokka.") {
		limit += 2 + max(0, len(term)-3)
	}
	if len(changed) > limit {
		t.Errorf("%d files changed", len(changed))
	}
}

func TestParseQuery(t *testing.T) {
	for _, c := range []struct {
		q      string
		typing bool
		want   string
	}{
		{"Zürich votes", false, "0zurich 0vot"},
		{"Zürich votes", true, "0zurich 1vot"},
		{"votes voting", true, "0vot"},
		{`"minister of finance" budget`, false, "2minister of financ 0budget"},
		{`“minister of finance” bud`, true, "2minister of financ 1bud"},
		{`bud "minister of`, true, "0bud 2minister of"},
		{`"single"`, true, "0singl"},
		{"ab", true, "0ab"},
		{"a b", true, "0a 0b"},
		{`""`, true, ""},
		{"cities ", true, "0city"},
	} {
		var parts []string
		for _, w := range parseQuery(c.q, c.typing) {
			parts = append(parts, w.key())
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("parseQuery(%q, %v) = %q, want %q", c.q, c.typing, got, c.want)
		}
	}
}

// Words that never meet read a few of the common word's blocks, not all.
func TestNeverMeetingWordsReadFewBlocks(t *testing.T) {
	arts := commonCorpus(12*blockSize + 10)
	arts = append(arts, planted("y/lone/", "Lone", "", "A solitary walrus.", day(-5), "news"))
	ix := open(t, build(t, arts))
	r, err := ix.Query("common walrus", Options{})
	if err != nil {
		t.Fatal(err)
	}
	tails := 0
	for _, f := range ix.Fetched {
		if strings.HasPrefix(f, "p/") {
			tails++
		}
	}
	if tails > maxRounds || !r.Fallback || r.Exact {
		t.Errorf("read %d tail blocks, Fallback %v, Exact %v; want at most %d, the OR fallback, not exact", tails, r.Fallback, r.Exact, maxRounds)
	}
}
