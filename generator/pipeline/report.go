package pipeline

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"newsgen/generator/publish"
)

// Report is what a build did and what went wrong on the way.
type Report struct {
	mu       sync.Mutex
	problems []string
	// Skipped are the seeds that import could not read, one line each.
	Skipped []string
	// Warnings are what the build went on despite, such as unknown
	// front-matter keys, one line each in file order.
	Warnings []string
	// Articles is how many articles the site publishes.
	Articles int
	// Rendered counts the pages rendered; the others were kept as the
	// last build left them.
	Rendered                    int64
	Written, Unchanged, Removed int64
	Elapsed                     time.Duration
	// PeakRSS is the process's peak resident memory in bytes, where the
	// system tells it.
	PeakRSS int64
	// SearchHeap is how far the live heap, as collections mark it, grew
	// above its level when the search index began, at its peak while
	// the index was built.
	SearchHeap int64
	// CPU is the CPU time the build used, SearchCPU that of its search
	// index: on a shared machine a fairer ratio than wall times.
	CPU, SearchCPU time.Duration
	cpuStart       time.Duration
	stages         stageTimes
	rendered       atomic.Int64
	// imported are the content files import wrote, as paths.
	imported []string
	// pages groups the pages a layout error stopped, by the error.
	pages map[string]*pageGroup
}

func (r *Report) problem(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pageProblem(err) {
		return
	}
	r.problems = append(r.problems, err.Error())
}

// Problems are the files that could not be built, one line each, sorted.
// A layout error met on many pages is one line that counts them.
func (r *Report) Problems() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := append(r.pageProblems(), r.problems...)
	sort.Strings(out)
	return out
}

func (r *Report) finish(pub *publish.Publisher, articles int, elapsed time.Duration) {
	c := pub.Counts()
	r.Articles = articles
	r.Written, r.Unchanged, r.Removed = c.Written.Load(), c.Unchanged.Load(), c.Removed.Load()
	r.Elapsed = elapsed
	r.Rendered = r.rendered.Load()
	r.stage(stageMinify, time.Duration(c.MinifyNanos.Load()))
	r.stage(stageWrite, time.Duration(c.WriteNanos.Load()))
	r.PeakRSS = peakRSS()
	r.CPU = cpuTime() - r.cpuStart
}

// Summary is the build's one-line account.
func (r *Report) Summary() string {
	return fmt.Sprintf("build: %d articles; %d files written, %d unchanged, %d removed; %s (%s); peak memory %d MiB",
		r.Articles, r.Written, r.Unchanged, r.Removed, r.Elapsed.Round(time.Millisecond), r.stageLine(), r.PeakRSS>>20)
}

// Err is nil when the build had no problems; otherwise it holds one line
// per problem. With strict, skipped seeds and warnings count as problems
// too.
func (r *Report) Err(strict bool) error {
	lines := r.Problems()
	if strict {
		lines = append(lines, r.Skipped...)
		lines = append(lines, r.Warnings...)
	}
	if len(lines) == 0 {
		return nil
	}
	return errors.New(strings.Join(lines, "\n"))
}
