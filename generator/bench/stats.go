package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// buildStats is what `newsgen build -stats FILE` writes.
type buildStats struct {
	Articles       int                `json:"articles"`
	PagesWritten   int                `json:"pages_written"`
	PagesUnchanged int                `json:"pages_unchanged"`
	StagesMS       map[string]float64 `json:"stages_ms"`
	PeakRSSMiB     float64            `json:"peak_rss_mib"`
	// SearchHeapMiB is the heap the search index added at its peak, over
	// what the build held before it.
	SearchHeapMiB float64 `json:"search_heap_mib"`
	// CPUMS and SearchCPUMS are the CPU time of the build and of its
	// search index.
	CPUMS       float64 `json:"cpu_ms"`
	SearchCPUMS float64 `json:"search_cpu_ms"`
	// fromLog says the figures come from the summary line, not -stats.
	fromLog bool
}

// stages are newsgen's stages in pipeline order; others it reports come
// after them.
var stages = []string{"import", "load", "markdown", "templates", "minify", "write"}

// readStats reads a stats file; a missing or unreadable one gives nil.
func readStats(path string) *buildStats {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var s buildStats
	if json.Unmarshal(data, &s) != nil {
		return nil
	}
	return &s
}

// countFiles counts the files under dir whose names end in ext.
func countFiles(dir, ext string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ext) {
			n++
		}
		return nil
	})
	return n
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

var (
	stageTime = regexp.MustCompile(`(\w+) (\d+(?:\.\d+)?(?:µs|ms|s))\b`)
	peakLine  = regexp.MustCompile(`peak memory (\d+(?:\.\d+)?) MiB`)
)

// statsFromLog reads the stage times from the summary line a newsgen
// without -stats prints, such as "build: ...; 1.2s (import 650ms, load
// 23ms, ...); peak memory 32 MiB". It gives nil when there is none.
func statsFromLog(path string) *buildStats {
	data, _ := os.ReadFile(path)
	var line string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "build: ") {
			line = l
		}
	}
	open, end := strings.LastIndexByte(line, '('), strings.LastIndexByte(line, ')')
	if open < 0 || end < open {
		return nil
	}
	s := &buildStats{StagesMS: map[string]float64{}, fromLog: true}
	for _, m := range stageTime.FindAllStringSubmatch(line[open:end], -1) {
		if d, err := time.ParseDuration(m[2]); err == nil {
			s.StagesMS[m[1]] = float64(d) / float64(time.Millisecond)
		}
	}
	if m := peakLine.FindStringSubmatch(line); m != nil {
		s.PeakRSSMiB, _ = strconv.ParseFloat(m[1], 64)
	}
	return s
}
