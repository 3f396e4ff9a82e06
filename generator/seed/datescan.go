package seed

import (
	"strings"
	"unicode/utf8"
)

// The date patterns are long alternations of month names, and an
// unanchored search tries each of them at every byte of a text, although
// almost every byte of a news article is not the start of a date. So
// findDates first lists the few places where a date can start (a word
// that is a number, a word that begins like a month name) and tries the
// patterns there only (see startPattern), each on the text up to the
// first character that no date has in it.

// dateStarts lists the places in s where a date can start: the start of
// each word that begins with a digit, and of each word that begins with
// a month name's first three letters as the patterns spell them ("Jun",
// "JUN"). A word starts where the byte before it is not an ASCII letter,
// digit or underscore, as \b has it. Each place ends at the first
// character after it that no date pattern matches: every such character
// is a non-word character, so cutting the text there changes neither
// what the patterns can match nor what \b finds at the cut.
func dateStarts(s string) (numbers, months []span) {
	cutN, cutM := 0, 0 // the places before these have their end
	cut := func(end int) {
		for ; cutN < len(numbers); cutN++ {
			numbers[cutN].end = end
		}
		for ; cutM < len(months); cutM++ {
			months[cutM].end = end
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case dateByte[c]:
			if wordStart(s, i) && isDigit(c) {
				numbers = append(numbers, span{start: i})
			} else if wordStart(s, i) && monthStart(s[i:]) {
				months = append(months, span{start: i})
			}
			i++
		case strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "—"):
			i += len("–")
		default:
			cut(i)
			i++
		}
	}
	cut(len(s))
	return numbers, months
}

// wordStart reports whether a word starts at s[i].
func wordStart(s string, i int) bool {
	return isWordByte(s[i]) && (i == 0 || !isWordByte(s[i-1]))
}

// beforeMonth keeps the numbers that a month name follows in their span,
// as one does in a dayMonth date ("29 June"). Both lists are in order,
// and each is walked once.
func beforeMonth(numbers, months []span) []span {
	var kept []span
	next := 0 // months[next] is the first month after the number
	for _, n := range numbers {
		for next < len(months) && months[next].start <= n.start {
			next++
		}
		if next == len(months) {
			break
		}
		if months[next].start < n.end {
			kept = append(kept, n)
		}
	}
	return kept
}

// monthStart reports whether s begins with the first three letters of a
// month name, capitalised or in capitals, as every spelling monthRe
// accepts does.
func monthStart(s string) bool {
	if len(s) < 3 {
		return false
	}
	for _, m := range monthNames {
		if (s[0] == m[0]-'a'+'A') && ((s[1] == m[1] && s[2] == m[2]) || (s[1] == m[1]-'a'+'A' && s[2] == m[2]-'a'+'A')) {
			return true
		}
	}
	return false
}

// dateByte marks the ASCII characters that a date pattern can match:
// word characters, the spaces of \s and punctuation.
var dateByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isWordByte(byte(c)) || strings.IndexByte(" \t\n\f\r.,-/:+", byte(c)) >= 0
	}
	return t
}()

// monthShape reports whether s can begin a monthDay or a monthYear
// date: a word (the month's name, which \b ends), perhaps a full stop
// and a comma, white space and a digit.
func monthShape(s string) bool {
	i := 0
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	if i < len(s) && s[i] == '.' {
		i++
	}
	if i < len(s) && s[i] == ',' {
		i++
	}
	j := i
	for j < len(s) && strings.IndexByte(" \t\n\f\r", s[j]) >= 0 {
		j++
	}
	return j > i && j < len(s) && isDigit(s[j])
}

// isoShape reports whether s can begin an isoDate: four digits and a
// dash or a slash.
func isoShape(s string) bool {
	return len(s) >= 5 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3]) && (s[4] == '-' || s[4] == '/')
}

// dotShape reports whether s can begin a dotDate: one or two digits and
// a dot or a slash.
func dotShape(s string) bool {
	n := 1
	if len(s) > 1 && isDigit(s[1]) {
		n = 2
	}
	return len(s) > n && (s[n] == '.' || s[n] == '/')
}

func isWordByte(c byte) bool {
	return c == '_' || isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z')
}
