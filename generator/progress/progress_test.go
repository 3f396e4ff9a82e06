package progress

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a fake clock that the test moves by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// plain starts a plain reporter on a fake clock and tick channel.
func plain() (*Reporter, *clock, chan time.Time, *bytes.Buffer) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	ticks := make(chan time.Time)
	var out bytes.Buffer
	return New(&out, Options{Now: c.now, Ticks: ticks}), c, ticks, &out
}

// tick sends a tick twice: the second is taken only once the first is
// handled, and at the same time it prints nothing more.
func tick(ticks chan time.Time, t time.Time) {
	ticks <- t
	ticks <- t
}

func TestPlainLinesAtMostEveryInterval(t *testing.T) {
	r, c, ticks, out := plain()
	r.Expect(Render, 100000)
	r.Expect(Write, 100000)
	for range 25 {
		c.add(time.Second)
		r.Add(Render, 1000)
		r.Add(Write, 990)
		tick(ticks, c.now())
	}
	r.Stop()
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{
		"progress: render 10000/100000 (10%), 1000/s, 1m30s left; write 9900/100000 (9%), 990/s, 1m31s left",
		"progress: render 20000/100000 (20%), 1000/s, 1m20s left; write 19800/100000 (19%), 990/s, 1m21s left",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines after 25 s:\n%s\nwant:\n%s", out, strings.Join(want, "\n"))
	}
}

func TestPlainLineLeavesOutDoneStages(t *testing.T) {
	r, c, ticks, out := plain()
	r.Expect(Import, 10)
	r.Add(Import, 10)
	r.Done(Import)
	r.Expect(Load, 40)
	c.add(20 * time.Second)
	r.Add(Load, 10)
	tick(ticks, c.now())
	r.Stop()
	want := "progress: load 10/40 (25%), 0/s, 1m0s left\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

func TestNoLineWithoutWorkUnderWay(t *testing.T) {
	r, c, ticks, out := plain()
	c.add(time.Minute)
	tick(ticks, c.now())
	r.Stop()
	if out.Len() != 0 {
		t.Errorf("printed %q with no stage under way", out)
	}
}

func TestCountNeverPassesTotal(t *testing.T) {
	r, c, ticks, out := plain()
	r.Expect(Write, 5)
	r.Add(Write, 8)
	c.add(Interval)
	tick(ticks, c.now())
	r.Stop()
	if !strings.Contains(out.String(), "write 8/8 (100%), 1/s, finishing") {
		t.Errorf("count past the total not raised: %q", out)
	}
}

func TestNilReporterIsANoOp(t *testing.T) {
	var r *Reporter
	r.Expect(Render, 3)
	r.Add(Render, 1)
	r.Done(Render)
	r.Stop()
	if r.Terminal() {
		t.Error("nil reporter claims a terminal")
	}
	var buf bytes.Buffer
	if r.Log(&buf) != &buf {
		t.Error("nil reporter's log is not the writer itself")
	}
	if ForStderr(true) != nil {
		t.Error("quiet reporter is not nil")
	}
}

func TestTerminalBarsClearAndLogAbove(t *testing.T) {
	var out syncBuffer
	r := New(&out, Options{Terminal: true})
	log := r.Log(&out)
	r.Expect(Render, 10)
	r.Add(Render, 4)
	if _, err := log.Write([]byte("a warning\n")); err != nil {
		t.Fatal(err)
	}
	r.Done(Render)
	r.Stop()
	if !strings.Contains(out.String(), "a warning\n") {
		t.Errorf("warning lost: %q", out.String())
	}
	out.Reset()
	log.Write([]byte("summary\n"))
	if out.String() != "summary\n" {
		t.Errorf("after Stop the log wrote %q", out.String())
	}
}

// syncBuffer is a buffer the bars' goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }
func (s *syncBuffer) Reset()         { s.mu.Lock(); s.b.Reset(); s.mu.Unlock() }
