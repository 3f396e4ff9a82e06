package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// result is one corpus size's measurements.
type result struct {
	n, cores int
	// articles counts the content files newsgen imported.
	articles   int
	corpusTime time.Duration
	samples    map[string][]sample
	floor      floor
	// harnessImports says newsgen did not import and the harness did.
	harnessImports bool
	notes          []string
	search         *searchFigures
	size           *siteSize
}

// medians are a scenario's medians.
type medians struct {
	wall, cpu time.Duration
	rss       int64
	pages     int
	failed    int
}

func (r *result) medians(scenario string) (medians, bool) {
	ss := r.samples[scenario]
	if len(ss) == 0 {
		return medians{}, false
	}
	m := medians{
		wall:  median(ss, func(s sample) time.Duration { return s.wall }),
		cpu:   median(ss, func(s sample) time.Duration { return s.cpu }),
		rss:   median(ss, func(s sample) int64 { return s.rss }),
		pages: median(ss, func(s sample) int { return s.pages }),
	}
	for _, s := range ss {
		if s.failed != "" {
			m.failed++
		}
	}
	return m, true
}

// median is the middle value, the lower middle for an even count.
func median[T int | int64 | time.Duration](ss []sample, f func(sample) T) T {
	v := make([]T, len(ss))
	for i, s := range ss {
		v[i] = f(s)
	}
	slices.Sort(v)
	return v[(len(v)-1)/2]
}

func (r *result) print(w io.Writer) {
	runs := len(r.samples[cold])
	fmt.Fprintf(w, "\nN = %d seeds (%d articles imported; corpus written in %s); medians of %d runs\n",
		r.n, r.articles, r.corpusTime.Round(time.Millisecond), runs)
	fmt.Fprintf(w, "%-36s %10s %10s %14s %8s %10s\n", "scenario", "wall", "CPU", "peak RSS", "pages", "pages/s")
	for _, sc := range []string{cold, rebuild, added, backdated, hugoRun} {
		if m, ok := r.medians(sc); ok {
			fmt.Fprintf(w, "%-36s %10s %10s %10.1f MiB %8d %10.0f%s\n", sc, secs(m.wall), secs(m.cpu),
				mib(m.rss), m.pages, float64(m.pages)/m.wall.Seconds(), failures(m.failed))
		}
	}
	r.printIncremental(w)
	r.printRatios(w)
	r.printStages(w)
	r.printFloor(w)
	r.size.print(w)
	if r.search != nil {
		r.search.print(w, r.n)
	}
	for _, n := range r.notes {
		fmt.Fprintln(w, "note:", n)
	}
}

func (r *result) printRatios(w io.Writer) {
	h, ok := r.medians(hugoRun)
	if !ok {
		return
	}
	for _, sc := range []string{cold, rebuild, added, backdated} {
		n, _ := r.medians(sc)
		fmt.Fprintf(w, "%-36s %9.2fx %9.2fx %13.2fx %8s %9.2fx\n", sc+" / Hugo",
			ratio(n.wall.Seconds(), h.wall.Seconds()), ratio(n.cpu.Seconds(), h.cpu.Seconds()),
			ratio(float64(n.rss), float64(h.rss)), "",
			ratio(float64(n.pages)/n.wall.Seconds(), float64(h.pages)/h.wall.Seconds()))
	}
}

// printIncremental prints each rebuild's wall time as a share of the
// cold build's.
func (r *result) printIncremental(w io.Writer) {
	c, ok := r.medians(cold)
	if !ok || c.wall <= 0 {
		return
	}
	for _, sc := range []string{rebuild, added, backdated} {
		if m, ok := r.medians(sc); ok {
			fmt.Fprintf(w, "%-36s %9.1f%%\n", sc+" / cold", 100*m.wall.Seconds()/c.wall.Seconds())
		}
	}
}

// printStages prints newsgen's own stage times, medians over the runs.
func (r *result) printStages(w io.Writer) {
	fmt.Fprintf(w, "%-36s", "newsgen stages (ms, median)")
	for _, st := range stages {
		fmt.Fprintf(w, " %9s", st)
	}
	fmt.Fprintln(w)
	for _, sc := range []string{cold, rebuild, added, backdated} {
		fmt.Fprintf(w, "  %-34s", sc)
		for _, st := range stages {
			fmt.Fprintf(w, " %9s", r.stage(sc, st))
		}
		fmt.Fprintln(w)
	}
	if r.statsFromLog(cold) {
		fmt.Fprintln(w, "  * read from newsgen's summary line: this newsgen has no -stats flag")
	}
}

// stage is a stage's median time in a scenario, or n/a when newsgen
// gave no figures.
func (r *result) stage(scenario, stage string) string {
	var v []float64
	for _, s := range r.samples[scenario] {
		if s.stats != nil {
			if ms, ok := s.stats.StagesMS[stage]; ok {
				v = append(v, ms)
			}
		}
	}
	if len(v) == 0 {
		return "n/a"
	}
	slices.Sort(v)
	if r.statsFromLog(scenario) {
		return fmt.Sprintf("%.0f*", v[(len(v)-1)/2])
	}
	return fmt.Sprintf("%.0f", v[(len(v)-1)/2])
}

// statsFromLog says a scenario's stage times come from newsgen's summary
// line rather than its -stats file.
func (r *result) statsFromLog(scenario string) bool {
	for _, s := range r.samples[scenario] {
		if s.stats != nil && s.stats.fromLog {
			return true
		}
	}
	return false
}

func (r *result) printFloor(w io.Writer) {
	f := r.floor
	if f.sampled == 0 {
		fmt.Fprintln(w, "floor: n/a (no content files)")
		return
	}
	perCore := f.single / time.Duration(r.cores)
	scaled := ""
	if f.sampled < f.articles {
		scaled = fmt.Sprintf(", timed on %d and scaled", f.sampled)
	}
	fmt.Fprintf(w, "floor: Markdown + minify of %d article pages = %s on one core%s; / %d cores = %s\n",
		f.articles, secs(f.single), scaled, r.cores, secs(perCore))
	if m, ok := r.medians(cold); ok && perCore > 0 {
		fmt.Fprintf(w, "newsgen cold wall / floor = %.2fx\n", m.wall.Seconds()/perCore.Seconds())
	}
}

func secs(d time.Duration) string { return fmt.Sprintf("%.3fs", d.Seconds()) }

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func failures(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("  (%d run%s failed, see logs)", n, strings.Repeat("s", min(n-1, 1)))
}
