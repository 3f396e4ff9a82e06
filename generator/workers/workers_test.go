package workers

import (
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, w := range []int{0, 1, 3, 64} {
		for _, n := range []int{0, 1, 7, 1000} {
			seen := make([]atomic.Int32, n)
			var running, most atomic.Int32
			Each(w, n, func(i int) {
				if r := running.Add(1); r > most.Load() {
					most.Store(r)
				}
				seen[i].Add(1)
				running.Add(-1)
			})
			for i := range seen {
				if c := seen[i].Load(); c != 1 {
					t.Fatalf("workers %d, n %d: index %d called %d times", w, n, i, c)
				}
			}
			if limit := int32(max(w, 1)); most.Load() > limit {
				t.Errorf("workers %d: %d calls ran at once", w, most.Load())
			}
		}
	}
}
