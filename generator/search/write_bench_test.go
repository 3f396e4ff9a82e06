package search

import (
	"fmt"
	"testing"

	"newsgen/generator/corpus"
)

// BenchmarkWrite indexes 1,000 generated articles (their seeds' text as
// bodies) per iteration; -benchmem's bytes are the writer's allocations.
func BenchmarkWrite(b *testing.B) {
	const n = 1000
	arts := make([]article, n)
	var text int64
	for i := range arts {
		_, seed, _ := corpus.Seed(i)
		arts[i] = planted(fmt.Sprintf("a/%d/", i), fmt.Sprintf("Headline %d", i), "A summary of the story.", string(seed), day(i%3000), "world")
		text += int64(len(seed))
	}
	var size int64
	by := map[string]int64{}
	b.ResetTimer()
	for b.Loop() {
		size = 0
		clear(by)
		in := Input{
			Body: func(i int) (string, error) { return arts[i].body, nil },
			Write: func(name string, data []byte) error {
				size += int64(len(data))
				by[name[:1]] += int64(len(data))
				return nil
			},
			TempDir: b.TempDir() + "/spill",
			Workers: 1,
		}
		for _, a := range arts {
			in.Docs = append(in.Docs, a.Doc)
		}
		if _, err := Write(in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/float64(text)*100, "%text")
	for k, v := range by {
		b.ReportMetric(float64(v)/float64(text)*100, "%text-"+k)
	}
}
