package site

import "fmt"

// Pager cuts a list of entries (newest first) into pages numbered from the
// oldest, so that a new article changes the first page of the list and
// seldom any other: page 1 holds the oldest articles and keeps them for
// ever. The list's front page holds the newest full page plus whatever
// has come since, between one and two pages' worth.
type Pager struct {
	// Base is the list's path, such as "" for home or "category/war/".
	Base    string
	Entries []*Entry
	PerPage int
}

// Page is one page of a list.
type Page struct {
	// Number is 0 for the list's front page, else the page's number
	// counted from the oldest.
	Number  int
	Entries []*Entry
	// Older and Newer are the neighbouring pages' paths, "" where none.
	Older, Newer string
	Path         string
}

// archived is the number of numbered pages: full pages that are not on
// the front page.
func (p Pager) archived() int {
	full := len(p.Entries) / p.PerPage
	if full <= 1 {
		return 0
	}
	return full - 1
}

// Pages lists the front page first, then the numbered pages from newest
// to oldest.
func (p Pager) Pages() []Page {
	n := p.archived()
	pages := []Page{p.page(0)}
	for k := n; k >= 1; k-- {
		pages = append(pages, p.page(k))
	}
	return pages
}

// Path is the path of page k of the list.
func (p Pager) Path(k int) string {
	if k == 0 {
		return p.Base
	}
	return fmt.Sprintf("%spage/%d/", p.Base, k)
}

func (p Pager) page(k int) Page {
	n, total := p.archived(), len(p.Entries)
	pg := Page{Number: k, Path: p.Path(k)}
	if k == 0 {
		pg.Entries = p.Entries[:total-n*p.PerPage]
		if n > 0 {
			pg.Older = p.Path(n)
		}
		return pg
	}
	// Page k holds oldest-first positions [(k-1)P, kP), newest first here.
	hi := total - (k-1)*p.PerPage
	pg.Entries = p.Entries[hi-p.PerPage : hi]
	if k > 1 {
		pg.Older = p.Path(k - 1)
	}
	if k == n {
		pg.Newer = p.Path(0)
	} else {
		pg.Newer = p.Path(k + 1)
	}
	return pg
}
