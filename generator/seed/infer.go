package seed

import (
	"regexp"
	"strings"
	"time"

	"newsgen/generator/content"
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
// first date of the block, whose year may be zero, and where it stands.
func dateline(s string) (day, mention, bool) {
	if len(s) > 120 {
		return day{}, mention{}, false
	}
	ms := findDates(s)
	if len(ms) == 0 || ms[0].days[0].d == 0 {
		return day{}, mention{}, false
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
	return ms[0].days[0], ms[0], strings.TrimSpace(left) == ""
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
// It says whether the date has a time of day, which only a dateline gives.
func pickDate(line *stamp, texts []string, modTime time.Time, loc *time.Location) (time.Time, bool, string) {
	now := day{}
	if !modTime.IsZero() {
		now = dayOf(modTime, loc)
	}
	if line != nil {
		if d, ok := resolveDateline(line.day, now); ok {
			return line.at(d, loc), line.hasTime, FromSeed
		}
	}
	if d, ok := inferDate(texts, now); ok {
		return d.time(loc), false, FromInferred
	}
	if modTime.IsZero() {
		return time.Time{}, false, ""
	}
	return now.time(loc), false, FromFile
}

// setDates gives the article its date and, when the seed has an updated
// line as well as a published dateline and the update is later, its
// updated date. An updated line alone is the dateline.
func setDates(a *content.Article, h *head, texts []string, modTime time.Time, loc *time.Location) {
	pub, upd := h.published, h.updated
	if pub == nil {
		pub, upd = upd, nil
	}
	a.Date, a.DateHasTime, a.DateSource = pickDate(pub, texts, modTime, loc)
	if upd == nil || a.DateSource != FromSeed {
		return
	}
	d, ok := upd.day, true
	if d.y == 0 { // the first such day on or after the published one
		d, ok = yearAfter(d, dayOf(a.Date, a.Date.Location()))
	}
	if !ok || !d.valid() {
		return
	}
	t := upd.at(d, loc)
	if later(t, upd.hasTime, a.Date, a.DateHasTime) {
		a.Updated, a.UpdatedHasTime = t, upd.hasTime
	}
}

// later reports whether an update at u is later than the publication at
// p: to the minute when both have a time of day, else by calendar day.
func later(u time.Time, uTime bool, p time.Time, pTime bool) bool {
	if uTime && pTime {
		return u.Truncate(time.Minute).After(p.Truncate(time.Minute))
	}
	return dayOf(p, p.Location()).before(dayOf(u, u.Location()))
}

// yearAfter gives a year-less day the first year that puts it on or after
// from.
func yearAfter(d, from day) (day, bool) {
	for y := from.y; y <= from.y+1; y++ {
		if c := (day{y, d.m, d.d}); c.valid() && !c.before(from) {
			return c, true
		}
	}
	return d, false
}
