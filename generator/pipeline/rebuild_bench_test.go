package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// BenchmarkRebuildOneArticle measures watch mode's work: the time from
// one edit to the finished rebuild, in archives of 1,000 and 10,000
// articles held by one live Builder, as the watcher holds it, and of
// 100,000 when NEWSGEN_BENCH_LARGE is set (its first build takes
// minutes). The edit is to an article in content/ or to a seed in seeds/
// (which import turns into its article first). It reports the median in
// ms and the process's peak memory, and for an edit to an article's body
// the median time until its page is shown (Preview, as serve does first).
func BenchmarkRebuildOneArticle(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		for _, kind := range []string{ContentDir, SeedDir} {
			b.Run(fmt.Sprintf("articles=%d/edit=%s", n, kind), func(b *testing.B) {
				if testing.Short() && n > 1000 {
					b.Skip("short")
				}
				if n > 10000 && os.Getenv("NEWSGEN_BENCH_LARGE") == "" {
					b.Skip("set NEWSGEN_BENCH_LARGE=1 for an archive of 100,000")
				}
				benchRebuild(b, n, kind)
			})
		}
	}
}

func benchRebuild(b *testing.B, n int, dir string) {
	root := corpusSite(b, n)
	builder := NewBuilder(Options{Root: root, Now: fixedNow, Live: true})
	if _, err := builder.Build(); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(root, dir, "*"))
	sort.Strings(files)
	target := files[len(files)/2]
	data, _ := os.ReadFile(target)
	var times, shown []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// A new paragraph before the last block: a fix to the body.
		cut := strings.LastIndex(string(data), "\n\n")
		edited := string(data[:cut]) + fmt.Sprintf("\n\nA correction, number %d.", i) + string(data[cut:])
		if err := os.WriteFile(target, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if dir == ContentDir {
			if n, ok := builder.Preview([]string{target}); !ok || n != 1 {
				b.Fatalf("preview showed %d pages", n)
			}
			shown = append(shown, time.Since(start))
		}
		rep, err := builder.Rebuild([]string{target})
		times = append(times, time.Since(start))
		// After a preview the page is there already: the rebuild may find
		// nothing left to write.
		if err != nil || (rep.Written == 0 && dir != ContentDir) {
			b.Fatalf("rebuild wrote %d files: %v", rep.Written, err)
		}
		if i == b.N-1 {
			b.Log(rep.Summary())
		}
	}
	b.StopTimer()
	b.ReportMetric(medianMS(times), "median-ms")
	if len(shown) > 0 {
		b.ReportMetric(medianMS(shown), "shown-ms")
	}
	b.ReportMetric(float64(peakRSS()>>20), "peak-MiB")
}

func medianMS(times []time.Duration) float64 {
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	return float64(times[len(times)/2].Microseconds()) / 1000
}
