package seed

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"newsgen/generator/content"
)

// stamp is a dateline's date, with the time of day and zone it gives.
type stamp struct {
	day
	hasTime        bool
	hour, min, sec int
	zone           zoneKind
	offset         int // seconds east of UTC, for zoneOffset
	// updated says the line is an updated line ("Updated: ...").
	updated bool
}

type zoneKind int

const (
	zoneNone   zoneKind = iota // the site's time zone
	zoneUTC                    // UTC, GMT, Z
	zoneOffset                 // an explicit offset such as +02:00
)

var (
	updatedLabel = regexp.MustCompile(`(?i)\b(last\s+)?(updated|modified|edited)\b`)
	isoClock     = regexp.MustCompile(`T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?`)
	// clockHM is 14:05, 14.05, 14h05 or 2:05 pm; clockH is 2 pm.
	clockHM = regexp.MustCompile(`(?i)(?:^|[^\d:.])(\d{1,2})[:.h](\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?`)
	clockH  = regexp.MustCompile(`(?i)(?:^|[^\d:.])(\d{1,2})\s*([ap])\.?\s?m\b\.?`)
	// zoneUTCWord is UTC or GMT, perhaps with an offset (UTC+2, GMT-05:00).
	zoneUTCWord = regexp.MustCompile(`\b(?:UTC|GMT)(?:\s*([+-])(\d{1,2})(?::?(\d{2}))?)?\b|(?:^|\d|\s)(Z)\b`)
	zoneNumeric = regexp.MustCompile(`(?:^|[\s\d])([+-])(\d{2}):?(\d{2})\b`)
)

// readStamp reads a dateline: a block that is only a date, with perhaps a
// label, a weekday, a time of day and a zone (see dateline).
func readStamp(s string) (stamp, bool) {
	d, m, ok := dateline(s)
	if !ok {
		return stamp{}, false
	}
	st := stamp{day: d}
	if loc := updatedLabel.FindStringIndex(s); loc != nil && loc[0] < m.start+1 {
		st.updated = true
	}
	rest := s[:m.start] + strings.Repeat(" ", m.end-m.start) + s[m.end:]
	if c := isoClock.FindStringSubmatch(s[m.start:m.end]); c != nil {
		st.hasTime = st.setClock(c[1], c[2], c[3], "")
		if c[4] != "" {
			rest += " " + c[4]
		}
	} else if c := clockHM.FindStringSubmatch(rest); c != nil {
		st.hasTime = st.setClock(c[1], c[2], c[3], c[4])
	} else if c := clockH.FindStringSubmatch(rest); c != nil {
		st.hasTime = st.setClock(c[1], "0", "", c[2])
	}
	if st.hasTime {
		st.readZone(rest)
	}
	return st, true
}

// setClock sets the time of day from its parts; ampm is "a", "p" or "".
// It reports whether they make a time.
func (st *stamp) setClock(h, m, s, ampm string) bool {
	st.hour, _ = strconv.Atoi(h)
	st.min, _ = strconv.Atoi(m)
	st.sec, _ = strconv.Atoi(s)
	switch strings.ToLower(ampm) {
	case "a":
		if st.hour < 1 || st.hour > 12 {
			return false
		}
		st.hour %= 12
	case "p":
		if st.hour < 1 || st.hour > 12 {
			return false
		}
		st.hour = st.hour%12 + 12
	}
	return st.hour <= 23 && st.min <= 59 && st.sec <= 59
}

// readZone finds the zone of the time: UTC, GMT and Z are UTC; a numeric
// offset is kept; a named zone such as CET is ambiguous and counts as no
// zone, that is the site's.
func (st *stamp) readZone(s string) {
	if z := zoneUTCWord.FindStringSubmatch(s); z != nil {
		st.zone = zoneUTC
		if z[1] != "" {
			h, _ := strconv.Atoi(z[2])
			mi, _ := strconv.Atoi(z[3])
			st.setOffset(z[1], h, mi)
		}
		return
	}
	if z := zoneNumeric.FindStringSubmatch(s); z != nil {
		h, _ := strconv.Atoi(z[2])
		mi, _ := strconv.Atoi(z[3])
		st.setOffset(z[1], h, mi)
	}
}

func (st *stamp) setOffset(sign string, h, m int) {
	if h > 14 || m > 59 {
		return
	}
	st.offset = h*3600 + m*60
	if sign == "-" {
		st.offset = -st.offset
	}
	st.zone = zoneOffset
	if st.offset == 0 {
		st.zone = zoneUTC
	}
}

// at is the stamp's day d (its year resolved) as a time: midnight in loc
// for a day, else its time in its own zone.
func (st stamp) at(d day, loc *time.Location) time.Time {
	if !st.hasTime {
		return d.time(loc)
	}
	switch st.zone {
	case zoneUTC:
		loc = content.UTC
	case zoneOffset:
		loc = time.FixedZone("", st.offset)
	}
	return time.Date(d.y, time.Month(d.m), d.d, st.hour, st.min, st.sec, 0, loc)
}
