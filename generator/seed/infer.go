package seed

import (
	"regexp"
	"strings"
	"time"
)

// Where an article's date came from, as date_source records it.
const (
	FromSeed     = "seed"
	FromInferred = "inferred"
	FromFile     = "file"
)

var (
	datelineLabel = regexp.MustCompile(`(?i)\b(published|updated|posted|last updated|first published|date|modified)(\s+on)?\s*:?`)
	weekdayWord   = regexp.MustCompile(`(?i)\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|rsday|urday)?\b\.?`)
	clockTime     = regexp.MustCompile(`(?i)\b\d{1,2}([:.h]\d{2}){0,2}\s*([ap]\.?m\.?|h)?(?:\s|$)|T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?`)
	zoneWord      = regexp.MustCompile(`\b(UTC|GMT|CET|CEST|BST|EST|EDT|CST|CDT|PST|PDT|ET|PT|CT|MSK|IST|EET|EEST|AEST|JST)\b([+-]\d{1,2}(:?\d{2})?)?|[+-]\d{2}:?\d{2}\b`)
	fillerWord    = regexp.MustCompile(`(?i)\b(at|on)\b|[\s,|·•/–—-]+`)
)

// dateline reads a block that is only a date, with perhaps a label
// ("Published:", "Updated"), a weekday, a time and a zone. It returns the
// first date of the block; its year may be zero.
func dateline(s string) (day, bool) {
	if len(s) > 120 {
		return day{}, false
	}
	ms := findDates(s)
	if len(ms) == 0 || ms[0].days[0].d == 0 {
		return day{}, false
	}
	rest := []byte(s)
	for _, m := range ms {
		for i := m.start; i < m.end; i++ {
			rest[i] = ' '
		}
	}
	left := string(rest)
	for _, re := range []*regexp.Regexp{datelineLabel, weekdayWord, zoneWord, clockTime, fillerWord} {
		left = re.ReplaceAllString(left, " ")
	}
	return ms[0].days[0], strings.TrimSpace(left) == ""
}

// resolveDateline gives a year-less dateline the latest year that does not
// put it after the seed file's time.
func resolveDateline(d day, now day) (day, bool) {
	if d.y != 0 {
		return d, d.valid()
	}
	if now.y == 0 {
		return d, false
	}
	for y := now.y; y >= now.y-4; y-- {
		c := day{y, d.m, d.d}
		if c.valid() && !now.before(c) {
			return c, true
		}
	}
	return d, false
}

// inferDate picks the article's date from the dates its text mentions
// (see the package comment): full dates as they are, a year-less date in
// the first year that puts it at or after the latest dated event, and of
// all those the latest that is not after the seed file's time.
func inferDate(texts []string, now day) (day, bool) {
	var ms []day
	for _, t := range texts {
		for _, m := range findDates(t) {
			ms = append(ms, m.days...)
		}
	}
	anchor, hasAnchor := latestDated(ms, now)
	var best day
	found := false
	for _, d := range ms {
		if d.d == 0 {
			continue
		}
		if d.y == 0 {
			d = placeYearless(d, anchor, hasAnchor, now)
		}
		if d.valid() && (now.y == 0 || !now.before(d)) && (!found || best.before(d)) {
			best, found = d, true
		}
	}
	return best, found
}

// latestDated is the latest date with a year, a month with a year counting
// as its first day, that is not after now: events still to come are not
// what a year-less date is reckoned from.
func latestDated(ms []day, now day) (day, bool) {
	var a day
	ok := false
	for _, d := range ms {
		if d.y == 0 {
			continue
		}
		if d.d == 0 {
			d.d = 1
		}
		if d.valid() && (now.y == 0 || !now.before(d)) && (!ok || a.before(d)) {
			a, ok = d, true
		}
	}
	return a, ok
}

// placeYearless gives a year-less date its year: the first one that puts
// it at or after the anchor, or without an anchor the latest one not after
// now.
func placeYearless(d, anchor day, hasAnchor bool, now day) day {
	if !hasAnchor {
		r, _ := resolveDateline(d, now)
		return r
	}
	for y := anchor.y; y <= anchor.y+4; y++ {
		c := day{y, d.m, d.d}
		if c.valid() && !c.before(anchor) {
			return c
		}
	}
	return d
}

// pickDate applies the three rules in order: dateline, text, file time.
func pickDate(line *day, texts []string, modTime time.Time, loc *time.Location) (time.Time, string) {
	now := day{}
	if !modTime.IsZero() {
		now = dayOf(modTime, loc)
	}
	if line != nil {
		if d, ok := resolveDateline(*line, now); ok {
			return d.time(loc), FromSeed
		}
	}
	if d, ok := inferDate(texts, now); ok {
		return d.time(loc), FromInferred
	}
	if modTime.IsZero() {
		return time.Time{}, ""
	}
	return now.time(loc), FromFile
}
