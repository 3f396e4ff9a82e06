package pipeline

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"newsgen/generator/progress"
)

// A cold build counts every stage up to a total it knew beforehand, in
// pipeline order, and writes the same bytes as a build without progress.
func TestProgressTotalsAreKnownAndOutputUnchanged(t *testing.T) {
	root := corpusSite(t, 40)
	plainRoot := t.TempDir()
	copyTree(t, root, plainRoot)
	var lines bytes.Buffer
	r := progress.New(&lines, progress.Options{Ticks: make(chan time.Time)})
	rep := build(t, Options{Root: root, Progress: r})
	var names []string
	counts := map[string]int64{}
	for _, s := range r.Stages() {
		names = append(names, s.Name)
		counts[s.Name] = s.Count
		if s.Overran {
			t.Errorf("stage %s counted %d past the total it expected", s.Name, s.Count)
		}
	}
	articles := int64(rep.Articles)
	if counts[progress.Import] != 40 || counts[progress.Load] != 40 || counts[progress.Search] != articles {
		t.Errorf("counted %v for 40 seeds and %d articles", counts, articles)
	}
	if counts[progress.Render] <= articles || counts[progress.Write] != counts[progress.Render] {
		t.Errorf("rendered %d and wrote %d pages for %d articles and their lists",
			counts[progress.Render], counts[progress.Write], articles)
	}
	want := []string{progress.Import, progress.Load, progress.Render, progress.Write, progress.Search}
	if !slices.Equal(names, want) {
		t.Errorf("stages %v, want %v", names, want)
	}
	build(t, Options{Root: plainRoot})
	got, plain := snapshot(t, filepath.Join(root, OutDir)), snapshot(t, filepath.Join(plainRoot, OutDir))
	if !maps.Equal(got, plain) {
		t.Error("output with progress differs from output without")
	}
	if lines.Len() != 0 {
		t.Errorf("progress printed without a tick: %q", lines.String())
	}
}

// A second build keeps the pages: they count as rendered and written, and
// the totals still hold.
func TestProgressOfAWarmBuild(t *testing.T) {
	root := corpusSite(t, 20)
	build(t, Options{Root: root})
	if _, err := os.Stat(filepath.Join(root, OutDir, "index.html")); err != nil {
		t.Fatal(err)
	}
	r := progress.New(&bytes.Buffer{}, progress.Options{Ticks: make(chan time.Time)})
	build(t, Options{Root: root, Progress: r})
	for _, s := range r.Stages() {
		if s.Overran || s.Count == 0 {
			t.Errorf("stage %s: %d of %d (overran %v)", s.Name, s.Count, s.Total, s.Overran)
		}
	}
}
