package seed

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// day is a calendar day as a text mentions it. A zero year means the text
// did not say; a zero day means only a month (an anchor, never a date).
type day struct {
	y, m, d int
}

func (a day) before(b day) bool {
	if a.y != b.y {
		return a.y < b.y
	}
	if a.m != b.m {
		return a.m < b.m
	}
	return a.d < b.d
}

func (a day) valid() bool {
	if a.y < 1900 || a.y > 2199 || a.m < 1 || a.m > 12 || a.d < 1 {
		return false
	}
	t := time.Date(a.y, time.Month(a.m), a.d, 0, 0, 0, 0, time.UTC)
	return t.Day() == a.d
}

func (a day) time(loc *time.Location) time.Time {
	return time.Date(a.y, time.Month(a.m), a.d, 0, 0, 0, 0, loc)
}

func dayOf(t time.Time, loc *time.Location) day {
	t = t.In(loc)
	return day{t.Year(), int(t.Month()), t.Day()}
}

const (
	monthRe = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\b\.?`
	dayRe   = `(\d{1,2})(?:st|nd|rd|th)?\b`
	toRe    = `\s*(?:-|–|—|to|through|until)\s*`
	yearRe  = `(?:,?\s+(\d{4})\b)?`
)

// The date patterns, each of which begins with \b and a word character
// (a digit or a month name's first letter), are tried only where a date
// can start (see dateStarts).
var (
	monthDay  = newStartPattern(`\b`+monthRe+`\s+`+dayRe+`(?:`+toRe+dayRe+`)?`+yearRe, monthShape)
	dayMonth  = newStartPattern(`\b`+dayRe+`(?:`+toRe+dayRe+`)?\s+(?:of\s+)?`+monthRe+yearRe, nil)
	monthYear = newStartPattern(`\b`+monthRe+`,?\s+(\d{4})\b`, monthShape)
	isoDate   = newStartPattern(`\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b`, isoShape)
	dotDate   = newStartPattern(`\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b`, dotShape)
	rangeGap  = regexp.MustCompile(`^` + toRe + `$`)
)

// mention is one date found in a text, with its place.
type mention struct {
	start, end int
	days       []day // a range gives two
}

// findDates lists the dates a text mentions, in order. A bare year is
// not a date; a month with a year is kept as an anchor (day 0).
func findDates(s string) []mention {
	if !strings.ContainsAny(s, "0123456789") {
		return nil // no date without a digit; this spares most blocks
	}
	numbers, months := dateStarts(s)
	var ms []mention
	if len(months) > 0 {
		for _, m := range monthDay.findAll(s, months) {
			ms = append(ms, named(s, m, 1, 2, 3, 4))
		}
		for _, m := range dayMonth.findAll(s, beforeMonth(numbers, months)) {
			ms = append(ms, named(s, m, 3, 1, 2, 4))
		}
		for _, m := range monthYear.findAll(s, months) {
			ms = append(ms, mention{m[0], m[1], []day{{atoi(s, m, 2), monthNum(s[m[2]:m[3]]), 0}}})
		}
	}
	for _, m := range isoDate.findAll(s, numbers) {
		ms = append(ms, mention{m[0], m[1], []day{{atoi(s, m, 1), atoi(s, m, 2), atoi(s, m, 3)}}})
	}
	for _, m := range dotDate.findAll(s, numbers) {
		if d, ok := numericDMY(s[m[0]:m[1]], atoi(s, m, 1), atoi(s, m, 2), atoi(s, m, 3)); ok {
			ms = append(ms, mention{m[0], m[1], []day{d}})
		}
	}
	return inheritYears(s, dropOverlaps(ms))
}

// named builds a mention from a match of monthDay or dayMonth, given the
// submatch numbers of the month, first day, range end day and year.
func named(s string, m []int, mon, d1, d2, yr int) mention {
	y, mo := atoi(s, m, yr), monthNum(s[m[2*mon]:m[2*mon+1]])
	me := mention{start: m[0], end: m[1], days: []day{{y, mo, atoi(s, m, d1)}}}
	if m[2*d2] >= 0 {
		me.days = append(me.days, day{y, mo, atoi(s, m, d2)})
	}
	return me
}

// numericDMY reads 29.06.2026 as day.month.year, and 06/29/2026 as
// month/day/year only when the day gives it away.
func numericDMY(text string, a, b, y int) (day, bool) {
	if strings.Contains(text, ".") || a > 12 {
		return day{y, b, a}, true
	}
	if b > 12 {
		return day{y, a, b}, true
	}
	return day{}, false
}

func atoi(s string, m []int, group int) int {
	if m[2*group] < 0 {
		return 0
	}
	n, _ := strconv.Atoi(s[m[2*group]:m[2*group+1]])
	return n
}

// monthNames are the first three letters of each month's name, which
// every spelling the date patterns accept begins with.
var monthNames = [12]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

func monthNum(name string) int {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	for i, m := range monthNames {
		if strings.HasPrefix(name, m) {
			return i + 1
		}
	}
	return 0
}

// dropOverlaps keeps, of mentions that overlap, the one that starts first
// and then the longest: "29 June 2026" is one date, not two.
func dropOverlaps(ms []mention) []mention {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
	var out []mention
	for _, m := range ms {
		if len(out) > 0 && m.start < out[len(out)-1].end {
			continue
		}
		out = append(out, m)
	}
	return out
}

// inheritYears gives the start of a range such as "June 28 to July 2,
// 2026" the year of its end.
func inheritYears(s string, ms []mention) []mention {
	for i := 0; i+1 < len(ms); i++ {
		a, b := &ms[i], ms[i+1]
		if a.days[0].y != 0 || b.days[0].y == 0 || !rangeGap.MatchString(s[a.end:b.start]) {
			continue
		}
		for j := range a.days {
			a.days[j].y = b.days[0].y
			if b.days[0].before(a.days[j]) {
				a.days[j].y--
			}
		}
	}
	return ms
}
