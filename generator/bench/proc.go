package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// sample is one measured run of a child process.
type sample struct {
	wall, cpu time.Duration
	// rss is the peak resident set size in bytes.
	rss int64
	// pages counts the .html files the run left in its output.
	pages int
	// stats are newsgen's own figures, nil when it gives none.
	stats *buildStats
	// failed holds the error of a run that exited badly.
	failed string
}

// measure runs a command with its output going to logPath, and measures
// it from outside: wall time around the process, CPU time and peak RSS
// from its rusage. A command that exits badly still gives a sample; its
// error quotes the end of the log.
func measure(logPath string, name string, args ...string) sample {
	log, err := os.Create(logPath)
	if err != nil {
		return sample{failed: err.Error()}
	}
	defer log.Close()
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = log, log
	start := time.Now()
	err = cmd.Run()
	s := sample{wall: time.Since(start)}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			s.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
			s.rss = ru.Maxrss << 10 // Linux reports KiB
		}
	}
	if err != nil {
		s.failed = fmt.Sprintf("%s: %v; end of %s:\n%s", name, err, logPath, tail(logPath, 5))
	}
	return s
}

// tail is the last n lines of a file.
func tail(path string, n int) string {
	data, _ := os.ReadFile(path)
	lines := strings.Split(string(bytes.TrimRight(data, "\n")), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
