// Package progress shows how far a long build is: live bars on a
// terminal, and on anything else (CI logs, pipes) one plain line at most
// every ten seconds, so that a slow build can be told from a hung one.
//
// A nil *Reporter does nothing, so library callers and tests that pass
// none pay nothing.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"golang.org/x/term"
)

// The stages the pipeline reports, in pipeline order.
const (
	Import = "import"
	Load   = "load"
	Render = "render"
	Write  = "write"
	Search = "search"
)

// Interval is the least time between two plain lines.
const Interval = 10 * time.Second

// Options choose how a Reporter shows progress.
type Options struct {
	// Terminal draws live bars; otherwise plain lines are printed.
	Terminal bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Ticks wakes the plain printer, which prints when Interval has
	// passed since its last line; nil means a ticker of one second.
	Ticks <-chan time.Time
}

// Reporter counts work done and to do per stage and shows it.
type Reporter struct {
	mu     sync.Mutex
	out    io.Writer
	now    func() time.Time
	stages []*stage
	last   time.Time
	bars   *mpb.Progress
	stop   chan struct{}
	ended  chan struct{}
	ticker *time.Ticker
	closed bool
}

// stage is one stage's figures.
type stage struct {
	name         string
	count, total int64
	start        time.Time
	done         bool
	overran      bool
	bar          *mpb.Bar
	// end is when the stage was done, in Unix nanoseconds, 0 before: its
	// bar's rate then stops falling. The bar reads it without r.mu.
	end atomic.Int64
}

// New returns a reporter that writes to w.
func New(w io.Writer, o Options) *Reporter {
	r := &Reporter{out: w, now: o.Now, stop: make(chan struct{}), ended: make(chan struct{})}
	if r.now == nil {
		r.now = time.Now
	}
	r.last = r.now()
	if o.Terminal {
		r.bars = mpb.New(mpb.WithOutput(w), mpb.WithWidth(32), mpb.WithRefreshRate(200*time.Millisecond), mpb.WithAutoRefresh())
		close(r.ended)
		return r
	}
	ticks := o.Ticks
	if ticks == nil {
		r.ticker = time.NewTicker(time.Second)
		ticks = r.ticker.C
	}
	go r.loop(ticks)
	return r
}

// ForStderr returns a reporter on standard error: bars when it is a
// terminal, plain lines otherwise, and nil (nothing) when quiet.
func ForStderr(quiet bool) *Reporter {
	if quiet {
		return nil
	}
	return New(os.Stderr, Options{Terminal: IsTerminal(os.Stderr)})
}

// IsTerminal says whether f is a terminal.
func IsTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// Terminal says whether the reporter draws bars.
func (r *Reporter) Terminal() bool { return r != nil && r.bars != nil }

// Expect adds n to the work a stage has to do, starting the stage on its
// first call. Call it before the work is counted, so that the total is
// known before the count reaches it.
func (r *Reporter) Expect(name string, n int) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.stage(name)
	s.total += int64(n)
	s.done = false
	s.end.Store(0)
	if s.bar != nil {
		s.bar.SetTotal(s.total, false)
	}
}

// Add counts k units of a stage's work as done. A count past the total
// raises the total: a bar never shows more done than there is to do.
func (r *Reporter) Add(name string, k int) {
	if r == nil || k == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.stage(name)
	s.count += int64(k)
	if s.count > s.total {
		s.total, s.overran = s.count, true
		if s.bar != nil {
			s.bar.SetTotal(s.total, false)
		}
	}
	if s.bar != nil {
		s.bar.IncrBy(k)
	}
}

// Done ends a stage: what it counted is all it had to do. Its bar stays,
// full, until Stop; plain lines leave it out.
func (r *Reporter) Done(name string) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.stage(name)
	s.done, s.total = true, s.count
	s.end.Store(r.now().UnixNano())
	if s.bar != nil {
		s.bar.SetTotal(s.total, false)
	}
}

// Stop clears the bars, or ends the plain lines, so that the summary
// follows on a clean line. It may be called more than once.
func (r *Reporter) Stop() {
	if r == nil {
		return
	}
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return
	}
	r.closed = true
	close(r.stop)
	bars := r.bars
	for _, s := range r.stages {
		if s.bar != nil {
			s.bar.Abort(true)
		}
	}
	r.mu.Unlock()
	if bars != nil {
		bars.Wait()
	}
	<-r.ended
	if r.ticker != nil {
		r.ticker.Stop()
	}
}

// stage returns the named stage, starting it if new. r.mu is held.
func (r *Reporter) stage(name string) *stage {
	for _, s := range r.stages {
		if s.name == name {
			return s
		}
	}
	s := &stage{name: name, start: r.now()}
	if r.bars != nil && !r.closed {
		s.bar = r.bars.AddBar(0, barOptions(s, r.now)...)
	}
	r.stages = append(r.stages, s)
	return s
}

// loop prints a plain line when a tick finds Interval passed since the
// last one.
func (r *Reporter) loop(ticks <-chan time.Time) {
	defer close(r.ended)
	for {
		select {
		case <-r.stop:
			return
		case t := <-ticks:
			r.tick(t)
		}
	}
}

// tick takes the time from the tick, so that a test's clock decides.
func (r *Reporter) tick(now time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if now.Sub(r.last) < Interval {
		return
	}
	if line := r.line(now); line != "" {
		fmt.Fprintln(r.out, line)
		r.last = now
	}
}

// line is the plain account of the stages under way, in the order they
// started, or "" when none is.
func (r *Reporter) line(now time.Time) string {
	var parts []string
	for _, s := range r.stages {
		if !s.done {
			parts = append(parts, s.figures(now))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "progress: " + strings.Join(parts, "; ")
}

// figures formats a stage as "render 48029/100000 (48%), 1146/s, 45s left".
func (s *stage) figures(now time.Time) string {
	pct, rate, left := rates(s.count, s.total, now.Sub(s.start))
	return fmt.Sprintf("%s %d/%d (%s), %s, %s", s.name, s.count, s.total, pct, rate, left)
}

// rates are a stage's percent done, its rate per second since it started
// and the time left at that rate.
func rates(count, total int64, took time.Duration) (pct, rate, left string) {
	p := int64(100)
	if total > 0 {
		p = count * 100 / total
	}
	pct = fmt.Sprintf("%d%%", p)
	if took <= 0 || count == 0 {
		return pct, "0/s", "time left unknown"
	}
	perSec := float64(count) / took.Seconds()
	if count >= total {
		// All counted, yet not done: the stage's last step, which
		// it does not count, such as the search index's shards.
		return pct, fmt.Sprintf("%.0f/s", perSec), "finishing"
	}
	rest := time.Duration(float64(total-count) / perSec * float64(time.Second)).Round(time.Second)
	return pct, fmt.Sprintf("%.0f/s", perSec), rest.String() + " left"
}

// Stage is one stage's figures as they stand.
type Stage struct {
	Name         string
	Count, Total int64
	// Overran says the count once passed the expected total, which Add
	// then raised: the caller expected too little.
	Overran bool
}

// Stages returns the stages' figures in the order they started.
func (r *Reporter) Stages() []Stage {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Stage, len(r.stages))
	for i, s := range r.stages {
		out[i] = Stage{Name: s.name, Count: s.count, Total: s.total, Overran: s.overran}
	}
	return out
}
