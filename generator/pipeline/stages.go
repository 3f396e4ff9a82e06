package pipeline

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"
)

// The pipeline's stages, as the build summary and the -stats file name
// them. Times of stages that run in parallel are summed over the workers,
// so they add up to the CPU time spent in each.
const (
	stageImport = iota
	stageLoad
	stageMarkdown
	stageTemplates
	stageMinify
	stageWrite
	stageSearch
	stageCount
)

var stageNames = [stageCount]string{"import", "load", "markdown", "templates", "minify", "write", "search"}

// stageTimes accumulates time per stage from many goroutines.
type stageTimes [stageCount]atomic.Int64

func (r *Report) stage(s int, d time.Duration) { r.stages[s].Add(int64(d)) }

// Stage returns the time spent in a stage, by name.
func (r *Report) Stage(name string) time.Duration {
	for i, n := range stageNames {
		if n == name {
			return time.Duration(r.stages[i].Load())
		}
	}
	return 0
}

func (r *Report) stageLine() string {
	var parts []string
	for i, n := range stageNames {
		parts = append(parts, fmt.Sprintf("%s %s", n, time.Duration(r.stages[i].Load()).Round(time.Millisecond)))
	}
	return strings.Join(parts, ", ")
}
