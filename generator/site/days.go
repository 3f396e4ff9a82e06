package site

import "time"

// Day is one day's entries of a list, for the date headings of a list
// read in date order.
type Day struct {
	Date    time.Time
	Entries []*Entry
}

// ByDay splits entries, newest first, into runs of one calendar day in
// the site's time zone, keeping their order.
func ByDay(entries []*Entry) []Day {
	var days []Day
	for _, e := range entries {
		y, m, d := e.Date.Date()
		if n := len(days); n > 0 {
			py, pm, pd := days[n-1].Date.Date()
			if py == y && pm == m && pd == d {
				days[n-1].Entries = append(days[n-1].Entries, e)
				continue
			}
		}
		days = append(days, Day{Date: e.Date, Entries: []*Entry{e}})
	}
	return days
}
