package deploy

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// progress writes a line every o.ProgressEvery while uploads run: files
// and bytes done of the total, and the rate.
type progress struct {
	o         *Options
	files     int
	total     int64
	doneFiles atomic.Int64
	doneBytes atomic.Int64
	start     time.Time
	quit      chan struct{}
	wg        sync.WaitGroup
}

func startProgress(o *Options, files int, total int64) *progress {
	p := &progress{o: o, files: files, total: total, start: time.Now(), quit: make(chan struct{})}
	if files == 0 {
		return p
	}
	p.wg.Go(func() {
		t := time.NewTicker(o.ProgressEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				o.logf("%s", p.line())
			case <-p.quit:
				return
			}
		}
	})
	return p
}

func (p *progress) add(size int64) {
	p.doneFiles.Add(1)
	p.doneBytes.Add(size)
}

func (p *progress) line() string {
	done := p.doneBytes.Load()
	rate := float64(done) / max(time.Since(p.start).Seconds(), 1e-3)
	return fmt.Sprintf("deploy: %d/%d uploaded, %s of %s, %s/s",
		p.doneFiles.Load(), p.files, sizeString(done), sizeString(p.total), sizeString(int64(rate)))
}

func (p *progress) stop() {
	close(p.quit)
	p.wg.Wait()
}

// sizeString writes a byte count for people: 812 B, 3.4 KiB, 1.2 MiB.
func sizeString(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	f, suffix := float64(n)/unit, "KiB"
	for _, s := range []string{"MiB", "GiB", "TiB"} {
		if f < unit {
			break
		}
		f, suffix = f/unit, s
	}
	return fmt.Sprintf("%.1f %s", f, suffix)
}
