package check

import "sync"

// parallel calls fn(i) for every i below n on at most workers goroutines.
func parallel(workers, n int, fn func(i int)) {
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
