package publish

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

// Names recorded from several goroutines, some twice, come back once
// each and sorted, from the temporary file or, without one, from memory;
// every recorded name is known and others are not.
func TestNamesComeBackSortedOnce(t *testing.T) {
	for _, spilled := range []bool{true, false} {
		n := newNames()
		if !spilled {
			n.close()
		}
		var want []string
		for i := range 3000 {
			want = append(want, fmt.Sprintf("%d/%04d/page-é-%d/index.html", i%7, i, i*i))
		}
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Go(func() {
				for i := w; i < len(want); i += 3 { // overlapping: some twice
					n.add(want[i])
				}
			})
		}
		wg.Wait()
		got, err := n.sorted()
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("spilled %v: %d names back, want %d, sorted and once each", spilled, len(got), len(want))
		}
		if n.count() != len(want) || !n.has(want[17]) || n.has("not/written.html") {
			t.Errorf("spilled %v: count %d, has a written name %v, has an unwritten one %v",
				spilled, n.count(), n.has(want[17]), n.has("not/written.html"))
		}
		n.close()
	}
}
