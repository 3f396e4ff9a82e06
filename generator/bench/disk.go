package main

import (
	"fmt"
	"syscall"
)

// bytesPerArticle is a generous estimate of the disk one article takes
// across the seed, newsgen's content and page, and Hugo's copy and page.
const bytesPerArticle = 64 << 10

// minFreeForLargest is the free space the largest size needs at least.
const minFreeForLargest = 5 << 30

// roomFor says whether dir's file system has room for a corpus of n.
func roomFor(dir string, n int, largest bool) error {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return fmt.Errorf("checking free disk: %v", err)
	}
	free := int64(st.Bavail) * int64(st.Bsize)
	need := int64(n) * bytesPerArticle
	if largest {
		need = max(need, minFreeForLargest)
	}
	if free < need {
		return fmt.Errorf("%s free on %s, need %s", gib(free), dir, gib(need))
	}
	progress("N=%d: %s free, about %s needed", n, gib(free), gib(need))
	return nil
}

func gib(b int64) string { return fmt.Sprintf("%.1f GiB", float64(b)/(1<<30)) }
