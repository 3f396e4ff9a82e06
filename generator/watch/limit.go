package watch

import (
	"errors"
	"fmt"
	"syscall"
	"time"
)

// LimitError says the system ran out of file watches (or of inotify
// instances) and that the Watcher now polls instead. It is sent once on
// Errors; batches keep coming.
type LimitError struct {
	// Path is the folder that could not be watched.
	Path string
	// Interval is the polling interval now in use.
	Interval time.Duration
	Err      error
}

// Error names the setting to raise and the command that raises it.
func (e *LimitError) Error() string {
	setting, value := "fs.inotify.max_user_watches", 524288
	if errors.Is(e.Err, syscall.EMFILE) {
		setting, value = "fs.inotify.max_user_instances", 1024
	}
	where := "watch: "
	if e.Path != "" {
		where += e.Path + ": "
	}
	return fmt.Sprintf("%sout of file watches (%v); polling every %v instead. "+
		"To watch without polling, raise %s: sudo sysctl %s=%d",
		where, e.Err, e.Interval, setting, setting, value)
}

// Unwrap returns the system's error.
func (e *LimitError) Unwrap() error { return e.Err }

// isLimit says whether err means the system has no watches left.
func isLimit(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE)
}

// limitError wraps err, which came from watching a folder, for Errors.
func (w *Watcher) limitError(err error) *LimitError {
	le := &LimitError{Interval: w.opts.PollInterval, Err: err}
	var pe *pathError
	if errors.As(err, &pe) {
		le.Path, le.Err = pe.path, pe.err
	}
	return le
}

// pathError ties a system error to the folder it came from.
type pathError struct {
	path string
	err  error
}

func (e *pathError) Error() string { return e.path + ": " + e.err.Error() }
func (e *pathError) Unwrap() error { return e.err }
