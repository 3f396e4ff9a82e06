package deploy

import (
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a log that progress lines may be written to while the
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProgressLinesCountFilesBytesAndRate(t *testing.T) {
	var log syncBuffer
	o := &Options{Log: &log, ProgressEvery: time.Millisecond}
	p := startProgress(o, 40, 3<<20)
	p.add(1 << 20)
	p.add(512 << 10)
	line := regexp.MustCompile(`(?m)^deploy: 2/40 uploaded, 1\.5 MiB of 3\.0 MiB, [\d.]+ [KMG]?i?B/s$`)
	deadline := time.Now().Add(5 * time.Second)
	for !line.MatchString(log.String()) && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	p.stop()
	if !line.MatchString(log.String()) {
		t.Errorf("no progress line like %s in:\n%s", line, log.String())
	}
}

func TestSizesReadForPeople(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 1536: "1.5 KiB", 5 << 20: "5.0 MiB", 3 << 30: "3.0 GiB"} {
		if got := sizeString(n); got != want {
			t.Errorf("sizeString(%d) = %q, want %q", n, got, want)
		}
	}
}
