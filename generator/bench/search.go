package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// pagefindVersion is the Pagefind release newsgen's search is measured
// against, installed from npm into the cache folder.
const pagefindVersion = "1.6.0"

// pagefindMemoryCap bounds the address space Pagefind may take (through
// prlimit, when the machine has it), so that a run that would exhaust a
// shared machine's memory fails alone instead.
const pagefindMemoryCap = 16 << 30

// searchFigures are one size's search measurements: newsgen's index and
// Pagefind's on the same public/, and what first queries download.
type searchFigures struct {
	textBytes int64
	index     folderStats
	// indexMS is the build's search stage, median over cold builds;
	// coldMS the cold build's wall time.
	indexMS, coldMS float64
	// indexCPU and coldCPU are the same in CPU time, fairer on a shared
	// machine.
	indexCPU, coldCPU float64
	// heapMiB is the heap the index added at its peak in the cold build.
	heapMiB       float64
	pagefind      *sample
	pagefindFiles folderStats
	pagefindNote  string
	cost          *costReport
	costNote      string
}

// folderStats sums a folder's files.
type folderStats struct {
	files, largestFolder int
	bytes                int64
}

// costReport is what generator/e2e's TestSearchQueryCost writes.
type costReport struct {
	Newsgen, Pagefind []queryCost
}

type queryCost struct {
	Query          string  `json:"query"`
	Bytes          int64   `json:"bytes"`
	Requests       int     `json:"requests"`
	ServedBytes    int64   `json:"served_bytes"`
	ServedRequests int     `json:"served_requests"`
	DrawMS         float64 `json:"draw_ms"`
}

// findPagefind installs Pagefind from npm into the cache folder once, and
// returns its binary, or "" and why not.
func findPagefind(cache string) (string, string) {
	dir := filepath.Join(cache, "pagefind-"+pagefindVersion)
	bin := pagefindBinary(dir)
	if bin != "" {
		return bin, ""
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return "", "npm is not installed, so Pagefind is left out"
	}
	progress("installing Pagefind %s with npm into %s", pagefindVersion, dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err.Error()
	}
	cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", dir, "pagefind@"+pagefindVersion)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Sprintf("npm install pagefind@%s failed: %v: %s", pagefindVersion, err, tailString(string(out), 3))
	}
	if bin = pagefindBinary(dir); bin == "" {
		return "", "npm installed no Pagefind binary for this platform"
	}
	return bin, ""
}

// pagefindBinary is the platform's native binary of an npm install, run
// directly so that its own time and memory are measured, not node's.
func pagefindBinary(dir string) string {
	for _, pattern := range []string{"node_modules/@pagefind/*/bin/pagefind", "node_modules/@pagefind/*/bin/pagefind_extended"} {
		if m, _ := filepath.Glob(filepath.Join(dir, pattern)); len(m) > 0 {
			return m[0]
		}
	}
	return ""
}

// measureSearch measures search on a size's site once its builds are done.
func (e *env) measureSearch(r *result, dir string) *searchFigures {
	site := filepath.Join(dir, "site")
	public := filepath.Join(site, "public")
	f := &searchFigures{textBytes: sumFiles(filepath.Join(site, "content"), ".md")}
	f.index = scanFolder(filepath.Join(public, "search"), func(rel string) bool { return rel != "index.html" })
	f.indexMS = medianOf(r.samples[cold], func(s sample) (float64, bool) {
		if s.stats == nil {
			return 0, false
		}
		ms, ok := s.stats.StagesMS["search"]
		return ms, ok
	})
	f.heapMiB = medianOf(r.samples[cold], func(s sample) (float64, bool) {
		if s.stats == nil || s.stats.SearchHeapMiB == 0 {
			return 0, false
		}
		return s.stats.SearchHeapMiB, true
	})
	f.indexCPU = medianOf(r.samples[cold], func(s sample) (float64, bool) {
		return statOf(s, func(b *buildStats) float64 { return b.SearchCPUMS })
	})
	f.coldCPU = medianOf(r.samples[cold], func(s sample) (float64, bool) {
		return statOf(s, func(b *buildStats) float64 { return b.CPUMS })
	})
	f.coldMS = medianOf(r.samples[cold], func(s sample) (float64, bool) { return float64(s.wall.Milliseconds()), true })
	if e.pagefind == "" {
		f.pagefindNote = e.pagefindNote
	} else {
		progress("N=%d: Pagefind %s over the same public/", r.n, pagefindVersion)
		s := e.runPagefind(filepath.Join(dir, "logs", "pagefind.log"), public)
		f.pagefind = &s
		f.pagefindFiles = scanFolder(filepath.Join(public, "pagefind"), func(string) bool { return true })
	}
	progress("N=%d: first queries in Chromium", r.n)
	f.cost, f.costNote = queryCosts(site, filepath.Join(dir, "logs", "query-cost.json"))
	return f
}

func (e *env) runPagefind(logPath, public string) sample {
	args := []string{"--site", public}
	if prlimit, err := exec.LookPath("prlimit"); err == nil {
		return measure(logPath, prlimit, append([]string{fmt.Sprintf("--as=%d", pagefindMemoryCap), e.pagefind}, args...)...)
	}
	return measure(logPath, e.pagefind, args...)
}

// queryCosts runs generator/e2e's TestSearchQueryCost on the site and
// reads its report.
func queryCosts(site, report string) (*costReport, string) {
	cmd := exec.Command("go", "test", "-count=1", "-run", "^TestSearchQueryCost$", "./generator/e2e/")
	cmd.Env = append(os.Environ(), "NEWSGEN_E2E_SITE="+site, "NEWSGEN_SEARCH_COST="+report)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Sprintf("TestSearchQueryCost failed: %v: %s", err, tailString(string(out), 5))
	}
	if strings.Contains(string(out), "no tests to run") || strings.Contains(string(out), "SKIP") {
		return nil, "TestSearchQueryCost was skipped (no chromium?)"
	}
	data, err := os.ReadFile(report)
	if err != nil {
		return nil, "TestSearchQueryCost wrote no report; is /usr/bin/chromium installed (.ci/chromium)?"
	}
	var c costReport
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, err.Error()
	}
	return &c, ""
}

func (f *searchFigures) print(w io.Writer, n int) {
	fmt.Fprintf(w, "search at N=%d: article text (content/*.md) %.1f MB\n", n, float64(f.textBytes)/1e6)
	fmt.Fprintf(w, "  %-28s %12s %12s %16s %8s %14s\n", "index", "build", "peak memory", "size", "files", "largest folder")
	build := "n/a"
	if f.indexMS > 0 {
		build = fmt.Sprintf("%.2fs", f.indexMS/1000)
		if f.coldMS > 0 {
			build += fmt.Sprintf(" (%.1f%% of cold build)", 100*f.indexMS/f.coldMS)
		}
	}
	if f.indexCPU > 0 && f.coldCPU > 0 {
		build += fmt.Sprintf("; CPU %.2fs (%.1f%% of the cold build's)", f.indexCPU/1000, 100*f.indexCPU/f.coldCPU)
	}
	heap := "n/a"
	if f.heapMiB > 0 {
		heap = fmt.Sprintf("+%.0f MiB", f.heapMiB)
	}
	fmt.Fprintf(w, "  %-28s %12s %12s %9.1f MB %4.0f%% %8d %14d\n", "newsgen (search stage)", build, heap,
		float64(f.index.bytes)/1e6, 100*ratio(float64(f.index.bytes), float64(f.textBytes)), f.index.files, f.index.largestFolder)
	if f.pagefind != nil {
		p := f.pagefind
		fmt.Fprintf(w, "  %-28s %12s %8.0f MiB %9.1f MB %4.0f%% %8d %14d%s\n", "Pagefind "+pagefindVersion, secs(p.wall), mib(p.rss),
			float64(f.pagefindFiles.bytes)/1e6, 100*ratio(float64(f.pagefindFiles.bytes), float64(f.textBytes)),
			f.pagefindFiles.files, f.pagefindFiles.largestFolder, failures(min(1, len(p.failed))))
		if p.failed != "" {
			fmt.Fprintf(w, "  Pagefind failed (address space capped at %d GiB): %s\n", pagefindMemoryCap>>30, p.failed)
		}
	} else {
		fmt.Fprintln(w, "  Pagefind:", f.pagefindNote)
	}
	fmt.Fprintln(w, "  (newsgen's peak memory is the heap its index added over the build's, from build -stats; Pagefind's its whole peak RSS)")
	if f.cost == nil {
		fmt.Fprintln(w, "  first queries:", f.costNote)
		return
	}
	fmt.Fprintf(w, "  %-28s %8s %10s %10s %9s %14s\n", "first query, gzip", "queries", "bytes p50", "bytes p95", "requests", "draw p50/p95")
	for _, row := range []struct {
		name   string
		cs     []queryCost
		served bool
	}{{"newsgen (Chromium)", f.cost.Newsgen, false}, {"newsgen (server)", f.cost.Newsgen, true},
		{"Pagefind " + pagefindVersion + " (server)", f.cost.Pagefind, true}} {
		if len(row.cs) == 0 {
			continue
		}
		var bytes, reqs, draw []float64
		for _, c := range row.cs {
			b, n := c.Bytes, c.Requests
			if row.served {
				b, n = c.ServedBytes, c.ServedRequests
			}
			bytes, reqs, draw = append(bytes, float64(b)), append(reqs, float64(n)), append(draw, c.DrawMS)
		}
		drawn := fmt.Sprintf("%.0f/%.0f ms", pct(draw, 50), pct(draw, 95))
		if row.served {
			drawn = ""
		}
		fmt.Fprintf(w, "  %-28s %8d %7.1f kB %7.1f kB %9.0f %14s\n", row.name, len(row.cs),
			pct(bytes, 50)/1e3, pct(bytes, 95)/1e3, pct(reqs, 50), drawn)
	}
	fmt.Fprintln(w, "  (the search's own files, cache off: as Chromium's Resource Timing saw them, and as the gzip test server sent them,")
	fmt.Fprintln(w, "   which also sees Pagefind's Web Worker; requests: median; draw: last byte to results drawn; per query: logs/query-cost.json)")
}

// statOf is a figure of a sample's build stats, if it has a non-zero one.
func statOf(s sample, f func(*buildStats) float64) (float64, bool) {
	if s.stats == nil || f(s.stats) == 0 {
		return 0, false
	}
	return f(s.stats), true
}

// pct is the nearest-rank percentile p of v.
func pct(v []float64, p int) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[max(0, (p*len(s)+99)/100-1)]
}

func medianOf(ss []sample, f func(sample) (float64, bool)) float64 {
	var v []float64
	for _, s := range ss {
		if x, ok := f(s); ok {
			v = append(v, x)
		}
	}
	if len(v) == 0 {
		return 0
	}
	slices.Sort(v)
	return v[(len(v)-1)/2]
}

// scanFolder counts the files under dir that keep accepts (by path
// relative to dir), their bytes, and the most files in one folder.
func scanFolder(dir string, keep func(rel string) bool) folderStats {
	var st folderStats
	perDir := map[string]int{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if !keep(filepath.ToSlash(rel)) {
			return nil
		}
		if info, err := d.Info(); err == nil {
			st.bytes += info.Size()
		}
		st.files++
		perDir[filepath.Dir(p)]++
		return nil
	})
	for _, n := range perDir {
		st.largestFolder = max(st.largestFolder, n)
	}
	return st
}

func sumFiles(dir, ext string) int64 {
	var n int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ext) {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

func tailString(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
