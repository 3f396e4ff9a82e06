package search

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"testing"
	"testing/fstest"

	"newsgen/generator/corpus"
)

// seedArticles are n generated articles, one a day, their seeds' text as
// bodies.
func seedArticles(n int) []article {
	arts := make([]article, n)
	for i := range arts {
		_, seed, _ := corpus.Seed(i)
		arts[i] = planted(fmt.Sprintf("a/%d/", i), fmt.Sprintf("Headline %d", i), "A summary of the story.", string(seed), day(i), "world")
	}
	return arts
}

// changedFiles lists the files that differ between two indexes: changed,
// new or gone.
func changedFiles(before, after fstest.MapFS) []string {
	var out []string
	for name, f := range after {
		if g, ok := before[name]; !ok || !bytes.Equal(f.Data, g.Data) {
			out = append(out, name)
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// A new article dated after all others changes the manifest and r.bin
// only, unless it completes a chunk; then the chunk is sealed, which
// rewrites the shards of its articles' terms, and its metadata chunk.
func TestNewArticleRewritesTwoFiles(t *testing.T) {
	arts := seedArticles(chunkSize * 21)
	n := chunkSize*20 + 5
	before := build(t, arts[:n-1])
	after := build(t, arts[:n])
	if got := changedFiles(before, after); !slices.Equal(got, []string{"index.json", recentPath}) {
		t.Errorf("a new article changed %d files %v, want index.json and %s", len(got), got, recentPath)
	}
	n = len(arts) - 1
	after = build(t, arts[:n])
	sealed := build(t, arts[:n+1])
	got := changedFiles(after, sealed)
	var shards int
	for _, name := range got {
		switch {
		case name[:2] == "t/":
			shards++
		case name[:2] == "m/" && name != metaPath(n/chunkSize):
			t.Errorf("sealing chunk %d changed metadata chunk %s", n/chunkSize, name)
		}
	}
	if !slices.Contains(got, metaPath(n/chunkSize)) {
		t.Errorf("sealing chunk %d did not write its metadata chunk", n/chunkSize)
	}
	t.Logf("the article completing a chunk rewrote %d files, %d of them shards", len(got), shards)
}

// Results are the same whether the articles they come from are recent or
// sealed: a phrase, a prefix and counts across both.
func TestRecentAndSealedArticles(t *testing.T) {
	arts := seedArticles(chunkSize + 5)
	planted := []int{3, 5, chunkSize + 2, chunkSize + 3}
	for _, i := range planted {
		arts[i].Title = fmt.Sprintf("Zorbelin quarvax %d", i)
		arts[i].body += " The zorbelin quarvax went on."
	}
	ix := open(t, build(t, arts))
	var want []string
	for _, i := range slices.Backward(planted) {
		want = append(want, fmt.Sprintf("Zorbelin quarvax %d", i))
	}
	for _, c := range []struct {
		q      string
		typing bool
	}{{`"zorbelin quarvax"`, false}, {"zorbe", true}, {"quarvax zorbelin", false}} {
		r, err := ix.Query(c.q, Options{Typing: c.typing})
		if err != nil {
			t.Fatal(err)
		}
		if got := titles(r); !slices.Equal(got, want) || r.Total != len(want) || !r.Exact {
			t.Errorf("Query(%q) = %v, total %d, exact %v; want %v, %d, exact", c.q, got, r.Total, r.Exact, want, len(want))
		}
	}
	if !slices.Contains(ix.Fetched, recentPath) {
		t.Errorf("the phrase did not read %s: %v", recentPath, ix.Fetched)
	}
}

// buildKeeping indexes articles as a build that knows the last index's
// sealed key does: it returns the files written and the new sealed key.
func buildKeeping(t *testing.T, arts []article, last string) (fstest.MapFS, string) {
	t.Helper()
	in, files := memInput(t, arts, 2)
	in.Key = func(i int) string { return arts[i].body }
	in.Keep = func(key string) bool { return key == last }
	st, err := Write(in)
	if err != nil {
		t.Fatal(err)
	}
	return files, st.SealedKey
}

// A build whose sealed part is the last one's writes the manifest and
// r.bin alone, with the bytes a build from scratch gives them; one that
// seals a chunk, or changes a sealed article, writes everything.
func TestSealedPartKept(t *testing.T) {
	arts := seedArticles(chunkSize * 5)
	n := chunkSize*4 + 1
	_, key := buildKeeping(t, arts[:n], "")
	got, key2 := buildKeeping(t, arts[:n+1], key)
	if key2 != key {
		t.Fatalf("a recent article changed the sealed key")
	}
	whole := build(t, arts[:n+1])
	if names := slices.Sorted(maps.Keys(got)); !slices.Equal(names, []string{"index.json", recentPath}) {
		t.Errorf("with the sealed part kept, wrote %v", names)
	}
	for name, f := range got {
		if !bytes.Equal(f.Data, whole[name].Data) {
			t.Errorf("%s differs from a build from scratch", name)
		}
	}
	if got, _ := buildKeeping(t, arts[:chunkSize*5], key); len(got) <= 2 {
		t.Errorf("sealing a chunk wrote %d files", len(got))
	}
	edited := slices.Clone(arts[:n+1])
	edited[3].body += " An edit."
	if got, key3 := buildKeeping(t, edited, key); len(got) <= 2 || key3 == key {
		t.Errorf("after an edit to a sealed article, wrote %d files, key changed %v", len(got), key3 != key)
	}
}
