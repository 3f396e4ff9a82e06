package search

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// sortByID sorts postings by id whether they come nearly sorted, as
// spilled, or in any order, where its insertion sort gives up.
func TestSortByID(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, disorder := range []int{0, 1, 4, 1000} {
		for _, n := range []int{0, 1, 2, 50, 3000} {
			list := make([]posting, n)
			for i := range list {
				list[i] = posting{id: uint32(i), impact: byte(i)}
			}
			for i := range list {
				if j := i + rng.IntN(disorder+1); j < n {
					list[i], list[j] = list[j], list[i]
				}
			}
			sortByID(list)
			if !slices.IsSortedFunc(list, func(a, b posting) int { return cmp.Compare(a.id, b.id) }) {
				t.Fatalf("disorder %d, n %d: not sorted", disorder, n)
			}
			for i, p := range list {
				if p.id != uint32(i) || p.impact != byte(i) {
					t.Fatalf("disorder %d, n %d: posting %d is %+v", disorder, n, i, p)
				}
			}
		}
	}
}
