package pipeline

import (
	"encoding/json"
	"os"
)

// stats is the build's account for machines, as -stats writes it: what
// benchmarks read instead of the summary line.
type stats struct {
	Articles       int                `json:"articles"`
	PagesRendered  int64              `json:"pages_rendered"`
	PagesWritten   int64              `json:"pages_written"`
	PagesUnchanged int64              `json:"pages_unchanged"`
	Removed        int64              `json:"removed"`
	ElapsedMS      float64            `json:"elapsed_ms"`
	StagesMS       map[string]float64 `json:"stages_ms"`
	PeakRSSMiB     float64            `json:"peak_rss_mib"`
	// SearchHeapMiB is the extra heap the search index peaked at.
	SearchHeapMiB float64 `json:"search_heap_mib"`
	// CPUMS and SearchCPUMS are the CPU time of the build and of its
	// search index.
	CPUMS       float64 `json:"cpu_ms"`
	SearchCPUMS float64 `json:"search_cpu_ms"`
}

// WriteStats writes the report as JSON to name.
func (r *Report) WriteStats(name string) error {
	st := stats{Articles: r.Articles, PagesRendered: r.Rendered, PagesWritten: r.Written, PagesUnchanged: r.Unchanged,
		Removed: r.Removed, ElapsedMS: ms(r.Elapsed.Nanoseconds()), StagesMS: map[string]float64{},
		PeakRSSMiB: float64(r.PeakRSS) / (1 << 20), SearchHeapMiB: float64(r.SearchHeap) / (1 << 20),
		CPUMS: ms(r.CPU.Nanoseconds()), SearchCPUMS: ms(r.SearchCPU.Nanoseconds())}
	for i, n := range stageNames {
		st.StagesMS[n] = ms(r.stages[i].Load())
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(name, append(data, '\n'), 0o644)
}

func ms(ns int64) float64 { return float64(ns) / 1e6 }
