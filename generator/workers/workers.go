// Package workers runs one job per index on a bounded number of
// goroutines: the one worker pool that import, build, check and the corpus
// share, so that each holds only as many items in flight as it has
// workers.
package workers

import "sync"

// Each calls fn(i) for every i below n on at most workers goroutines, and
// returns when all calls have. With one worker or fewer it runs them in
// order on the calling goroutine.
func Each(workers, n int, fn func(i int)) {
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	workers = min(workers, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
