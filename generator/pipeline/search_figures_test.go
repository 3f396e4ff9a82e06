package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsgen/generator/content"
	"newsgen/generator/corpus"
	"newsgen/generator/search"
)

// TestSearchFigures measures the search index on a generated archive of
// NEWSGEN_SEARCH_FIGURES articles (skipped without it): the index's
// build time beside the cold build's, the extra heap it peaks at, its
// size beside the articles' text, its files and largest folder, the
// files one new article rewrites, and what first queries of the fixed
// query set read. NEWSGEN_SEARCH_FIGURES_DIR keeps the site elsewhere
// than the test's temporary folder. Large sizes belong under
// `flock /tmp/newsgen-heavy.lock`.
func TestSearchFigures(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("NEWSGEN_SEARCH_FIGURES"))
	if n <= 0 {
		t.Skip("set NEWSGEN_SEARCH_FIGURES=N to measure the index on N articles")
	}
	dir := os.Getenv("NEWSGEN_SEARCH_FIGURES_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	root := filepath.Join(dir, strconv.Itoa(n))
	os.RemoveAll(root)
	t.Cleanup(func() { os.RemoveAll(root) })
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	corpusSiteIn(t, root, n)
	out := filepath.Join(root, OutDir)

	// A cold build, import included, as `make bench` times it.
	rep := build(t, Options{Root: root})
	t.Logf("cold build: %v, search stage %v (%.1f%%); CPU %v, search CPU %v (%.1f%%); search heap peak +%d MiB, peak RSS %d MiB; stages: %s",
		rep.Elapsed.Round(time.Millisecond), rep.Stage("search").Round(time.Millisecond),
		100*rep.Stage("search").Seconds()/rep.Elapsed.Seconds(),
		rep.CPU.Round(time.Millisecond), rep.SearchCPU.Round(time.Millisecond), 100*rep.SearchCPU.Seconds()/rep.CPU.Seconds(),
		rep.SearchHeap>>20, rep.PeakRSS>>20, rep.stageLine())

	// The index alone, with the heap sampled while it is built.
	b := NewBuilder(Options{Root: root})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	extra, took := heapPeakDuring(func() {
		b.cache.Search = ""
		if _, err := b.Build(); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("a build that rebuilds only the index: %v, heap peak above the start %d MiB", took.Round(time.Millisecond), extra>>20)

	textBytes := articleTextBytes(t, root)
	files, size, largest, largestDir := folderFigures(t, filepath.Join(out, SearchDir))
	t.Logf("index: %d files, %.1f MB, %.1f%% of the articles' text (%.1f MB); largest folder %s, %d entries",
		files, float64(size)/1e6, 100*float64(size)/float64(textBytes), float64(textBytes)/1e6, largestDir, largest)

	before := snapshot(t, filepath.Join(out, SearchDir))
	// A new article of ordinary length, dated after all others: the body
	// of the archive's first article under a new headline.
	names, err := contentFiles(root)
	if err != nil || len(names) == 0 {
		t.Fatal("no content files", err)
	}
	data, err := os.ReadFile(filepath.Join(root, names[0]))
	if err != nil {
		t.Fatal(err)
	}
	body, err := content.Body(names[0], data)
	if err != nil {
		t.Fatal(err)
	}
	article := "---\ntitle: \"Harbour authority names a new chief\"\ndate: 2026-10-31\ncategory: World\nsummary: \"The port's board chose an engineer from Malmö.\"\n---\n\n" + body
	if err := os.WriteFile(filepath.Join(root, ContentDir, "harbour-chief.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	build(t, Options{Root: root})
	after := snapshot(t, filepath.Join(out, SearchDir))
	changed := changedNames(before, after)
	t.Logf("one new article (%d distinct terms; build %v) rewrote %d of %d index files: %s",
		distinct(article), time.Since(start).Round(time.Millisecond), len(changed), len(after), describeChanged(changed))

	// Then the article that completes a chunk and seals it into the
	// shards: the costliest new article, one in a chunk.
	ix, err := search.Open(os.DirFS(filepath.Join(out, SearchDir)))
	if err != nil {
		t.Fatal(err)
	}
	docs := ix.Docs()
	for docs%ix.Chunk() != ix.Chunk()-1 {
		docs++
		name := fmt.Sprintf("harbour-chief-%d.md", docs)
		if err := os.WriteFile(filepath.Join(root, ContentDir, name), []byte(strings.Replace(article, "title: \"", "title: \"More ", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build(t, Options{Root: root})
	before = snapshot(t, filepath.Join(out, SearchDir))
	if err := os.WriteFile(filepath.Join(root, ContentDir, "harbour-chief-seal.md"), []byte(strings.Replace(article, "title: \"", "title: \"Last ", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, Options{Root: root})
	after = snapshot(t, filepath.Join(out, SearchDir))
	changed = changedNames(before, after)
	t.Logf("the article completing a chunk (article %d) rewrote %d of %d index files: %s", docs+1, len(changed), len(after), describeChanged(changed))

	queryFigures(t, filepath.Join(out, SearchDir))
}

// corpusSiteIn writes n generated seeds into root.
func corpusSiteIn(t *testing.T, root string, n int) {
	t.Helper()
	start := time.Now()
	dir := filepath.Join(root, SeedDir)
	if err := corpus.Write(dir, n); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d seeds written in %v", n, time.Since(start).Round(time.Millisecond))
}

// heapPeakDuring runs fn while sampling the live heap; it returns the
// peak above the heap before fn, and fn's time.
func heapPeakDuring(fn func()) (int64, time.Duration) {
	runtime.GC()
	debug.FreeOSMemory()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	read := func() int64 { metrics.Read(sample); return int64(sample[0].Value.Uint64()) }
	base := read()
	var peak atomic.Int64
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				if v := read(); v > peak.Load() {
					peak.Store(v)
				}
			}
		}
	}()
	start := time.Now()
	fn()
	took := time.Since(start)
	close(done)
	return max(0, peak.Load()-base), took
}

// articleTextBytes sums the headline, summary and body bytes of every
// article in content/.
func articleTextBytes(t *testing.T, root string) int64 {
	files, err := contentFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		a, err := content.ParseMeta(f, data)
		if err != nil {
			continue
		}
		body, _ := content.Body(f, data)
		total += int64(len(a.Title) + len(a.Summary) + len(body))
	}
	return total
}

// folderFigures counts an output folder's files and bytes, and finds
// its most crowded folder.
func folderFigures(t *testing.T, dir string) (files int, size int64, largest int, largestDir string) {
	counts := map[string]int{}
	byTop := map[string]int64{}
	defer func() { t.Logf("bytes by folder: %v", byTop) }()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir {
			counts[filepath.Dir(p)]++
		}
		rel, _ := filepath.Rel(filepath.Dir(dir), p)
		if !d.IsDir() && isSearchFile(filepath.ToSlash(rel)) {
			info, err := d.Info()
			if err != nil {
				return err
			}
			files++
			size += info.Size()
			rel, _ := filepath.Rel(dir, p)
			top, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
			byTop[top] += info.Size()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for d, c := range counts {
		if c > largest || c == largest && d < largestDir {
			largest, largestDir = c, d
		}
	}
	rel, _ := filepath.Rel(filepath.Dir(dir), largestDir)
	return files, size, largest, rel
}

func distinct(text string) int {
	seen := map[string]bool{}
	for _, t := range search.Terms(text) {
		seen[t] = true
	}
	return len(seen)
}

// changedNames lists the files that differ between two snapshots.
func changedNames(before, after map[string][32]byte) []string {
	var changed []string
	for name, sum := range after {
		if before[name] != sum {
			changed = append(changed, name)
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	return changed
}

// describeChanged counts changed index files by kind.
func describeChanged(changed []string) string {
	return fmt.Sprintf("%d shards, %d positions, %d tail, %d metadata, manifest %v, r.bin %v",
		countPrefix(changed, "t/"), countPrefix(changed, "x/"), countPrefix(changed, "p/"), countPrefix(changed, "m/"),
		slices.Contains(changed, "index.json"), slices.Contains(changed, "r.bin"))
}

func countPrefix(names []string, prefix string) int {
	n := 0
	for _, s := range names {
		if strings.HasPrefix(s, prefix) {
			n++
		}
	}
	return n
}

// queryFigures runs every query of the fixed set as a first query (an
// empty cache) with the Go reader, as typed and as submitted, and
// reports the files and bytes (raw and gzipped) each read.
func queryFigures(t *testing.T, dir string) {
	queries := readQueries(t)
	fsys := os.DirFS(dir)
	var reqs, raw, gz []float64
	var worst string
	var worstGz float64
	for _, q := range queries {
		for _, typing := range []bool{false, true} {
			ix, err := search.Open(fsys)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ix.Query(q, search.Options{Typing: typing}); err != nil {
				t.Fatal(err)
			}
			var r, g int64
			for _, f := range ix.Fetched {
				data, err := fs.ReadFile(fsys, f)
				if err != nil {
					t.Fatal(err)
				}
				r += int64(len(data))
				if strings.HasSuffix(f, ".bin") {
					g += int64(len(data)) // stored gzipped, served as is
				} else {
					g += gzipSize(data)
				}
			}
			reqs = append(reqs, float64(len(ix.Fetched)))
			raw = append(raw, float64(r))
			gz = append(gz, float64(g))
			if float64(g) > worstGz {
				worstGz, worst = float64(g), fmt.Sprintf("%q typing=%v: %v", q, typing, ix.Fetched)
			}
		}
	}
	t.Logf("%d first queries (each query as submitted and as typed), index files only, JS not included:", len(reqs))
	t.Logf("  files read: median %.0f, p95 %.0f", quantile(reqs, 0.5), quantile(reqs, 0.95))
	t.Logf("  bytes as stored: median %.1f kB, p95 %.1f kB", quantile(raw, 0.5)/1e3, quantile(raw, 0.95)/1e3)
	t.Logf("  bytes served (.bin as stored, JSON gzipped): median %.1f kB, p95 %.1f kB, max %.1f kB (%s)", quantile(gz, 0.5)/1e3, quantile(gz, 0.95)/1e3, worstGz/1e3, worst)
}

func readQueries(t *testing.T) []string {
	f, err := os.Open("../e2e/testdata/queries.txt")
	if err != nil {
		t.Skipf("no query set: %v", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

func gzipSize(data []byte) int64 {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	return int64(buf.Len())
}

// quantile is the nearest-rank quantile of xs.
func quantile(xs []float64, q float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(q*float64(len(s))+0.5) - 1
	return s[max(0, min(len(s)-1, i))]
}
