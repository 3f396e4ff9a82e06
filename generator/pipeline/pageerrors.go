package pipeline

import (
	"errors"
	"fmt"
	"strconv"
)

// pageError is a layout that failed on one page. The same mistake in a
// layout fails on every page of its kind, thousands on a large archive,
// so the report counts pages per error instead of printing each.
type pageError struct {
	err  error
	page string
}

func (e *pageError) Error() string { return fmt.Sprintf("%s (page /%s)", e.err, e.page) }

func (e *pageError) Unwrap() error { return e.err }

// pageGroup is the pages one layout error stopped: how many, and the
// first by path, so that the line is the same whatever the order the
// workers met them in.
type pageGroup struct {
	count int
	first string
}

// pageProblem files err under its layout error when it is a page's;
// r.mu is held.
func (r *Report) pageProblem(err error) bool {
	var pe *pageError
	if !errors.As(err, &pe) {
		return false
	}
	if r.pages == nil {
		r.pages = map[string]*pageGroup{}
	}
	key := pe.err.Error()
	g := r.pages[key]
	if g == nil {
		g = &pageGroup{first: pe.page}
		r.pages[key] = g
	}
	g.count++
	if pe.page < g.first {
		g.first = pe.page
	}
	return true
}

// pageProblems words each layout error once; r.mu is held.
func (r *Report) pageProblems() []string {
	out := make([]string, 0, len(r.pages))
	for msg, g := range r.pages {
		if g.count == 1 {
			out = append(out, fmt.Sprintf("%s (page /%s)", msg, g.first))
			continue
		}
		out = append(out, fmt.Sprintf("%s (on %s pages, such as /%s)", msg, thousands(g.count), g.first))
	}
	return out
}

// thousands writes n with commas between groups of three digits, as in
// "4,970".
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
