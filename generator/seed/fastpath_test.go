package seed

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"newsgen/generator/corpus"
)

// The parser avoids running its regexps where a cheap test shows they
// cannot match (see startPattern, linePattern, anyOf) and does some of
// their work by hand. These tests hold each shortcut to the plain regexp
// or function it stands for, on every line of the corpus's seeds, on the
// other tests' texts, and under the fuzzer.

// fastPathTexts are texts that exercise the shortcuts: dates in many
// spellings, chrome and its look-alikes, credits and odd characters.
var fastPathTexts = []string{
	"June 29, 2026", "29 June 2026", "2026-06-29", "Published: June 29, 2026", "JUNE 29, 2026",
	"Updated 29 June 2026 14:05 BST", "Mon 29 Jun 2026", "Jun. 29, 2026", "29th June 2026",
	"Updated: 29/06/2026 at 9:15 am", "Last updated: 29.06.2026", "2026/6/1T10:30:00.5+02:00",
	"June 28 to July 2, 2026", "28–30 June 2026", "5th through 9th of March 2020", "Sept. 3, 2025",
	"SEPT 3 2025", "Marching 5 2020", "May 5th", "May5 2020", "June_5 2026", "5_June", "A5 June",
	"June 5_", "(June 5)", "“June 5, 2026”", "June 5,2026", "June\t5", "June  5 ,  2026", "Dec 31, 1899",
	"12/13/2020 and 13/12/2020 and 1/2/2020", "in August 2025 and on June 28", "1990. The year it began",
	"9/11 and 24/7", "Ads by MGDK", "ADVERTISEMENT", "Sponsored by Big Bank", "Read also: x", "READ MORE",
	"Related stories › y", "don’t miss", "Share this story on Facebook", "ſhare", "ſponſored", "\u212Aeep reading",
	"12 comments", "Follow @bbc on twitter", "We use cookies.", "Click here to subscribe now", "x", "X",
	"Share prices fell on Monday.", "Home Office officials declined to comment.", "Photo: Reuters",
	"AP Photo/Jane Doe", "© European Union", "CC BY-SA 4.0", "Japan's happy capital", "according to",
	"The White House, Public domain, via Wikimedia Commons", "PA Media", "pa  wire", "(c) Jane", "(C)",
	"Homepage War Putin finally admits...", "Home Business …", "Title ....", "Title  ...", "Title\t…",
	"He left. Then she spoke! Was it “Over”? (Yes.) …And", "a.B", "Mr. Smith met Dr. Jones.",
	"  leading and trailing  ", "tabs\tand\u00a0nbsp\u2009thin", "line\r\nends\rhere\u2028and\u0085there",
	"zero\u200Bwidth\u00ADsoft", "ctrl\x01\x7Fchars", "bad \xff byte", "\ufeffbom", "", " ", "\n\n",
}

// fastPathInputs are the texts above, the other tests' texts and every
// line of the corpus's first seeds.
func fastPathInputs() []string {
	in := slices.Concat(fastPathTexts, chromeLines, trickyText, []string{longPara, cleanSeed})
	for i := range 60 {
		_, data, _ := corpus.Seed(i)
		in = append(in, strings.Split(string(data), "\n")...)
	}
	return in
}

func TestFastPathsAgree(t *testing.T) {
	for _, s := range fastPathInputs() {
		checkFastPaths(t, s)
	}
}

func FuzzFastPathsAgree(f *testing.F) {
	for _, s := range fastPathTexts {
		f.Add(s)
	}
	f.Fuzz(checkFastPaths)
}

// extraRules have config patterns of every kind, among them some that do
// not keep to one line.
var extraRules, _ = NewRules([]string{`Promo: .*`, `Listen to this article`, `(?-i)CASE`, `x*`, `.*`, `a)|(b`, `ſ+`, `\d{2,}`, `(?m)end$`})

// ellipsisTail is what trimEllipsis and hasEllipsis stand for.
var ellipsisTail = regexp.MustCompile(`\s*(\.\.\.|…)$`)

func checkFastPaths(t *testing.T, s string) {
	t.Helper()
	checkStartPatterns(t, s)
	checkLinePatterns(t, s)
	if got, want := creditMarker.MatchString(s), anyRegexp(creditMarker, s); got != want {
		t.Errorf("creditMarker on %q: %v, its regexps say %v", s, got, want)
	}
	if got, want := wordCount(s), len(strings.Fields(s)); got != want {
		t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
	}
	if got, want := cleanText(s), cleanTextByLines(s); got != want {
		t.Errorf("cleanText(%q) = %q, want %q", s, got, want)
	}
	if got, want := trimEllipsis(s), ellipsisTail.ReplaceAllString(s, ""); got != want || hasEllipsis(s) != ellipsisTail.MatchString(s) {
		t.Errorf("trimEllipsis(%q) = %q, want %q", s, got, want)
	}
	if got, want := escapeInline(s), escapeInlineByteByByte(s); got != want {
		t.Errorf("escapeInline(%q) = %q, want %q", s, got, want)
	}
}

// checkStartPatterns holds each startPattern, given the starts the parser
// gives it, to an unanchored search with its regexp.
func checkStartPatterns(t *testing.T, s string) {
	t.Helper()
	numbers, months := dateStarts(s)
	for _, c := range []struct {
		name   string
		p      startPattern
		starts []span
	}{
		{"monthDay", monthDay, months},
		{"dayMonth", dayMonth, beforeMonth(numbers, months)},
		{"monthYear", monthYear, months},
		{"isoDate", isoDate, numbers},
		{"dotDate", dotDate, numbers},
		{"innerSentence", innerSentence, stops(s)},
	} {
		got, want := c.p.findAll(s, c.starts), c.p.re.FindAllStringSubmatchIndex(s, -1)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s in %q: found %v, the regexp finds %v", c.name, s, got, want)
		}
	}
}

// checkLinePatterns holds each chrome pattern's cheap tests to its regexp,
// on s and on s in capitals and in small letters.
func checkLinePatterns(t *testing.T, s string) {
	t.Helper()
	for _, line := range []string{s, strings.ToUpper(s), strings.ToLower(s)} {
		line = strings.TrimSpace(line)
		for _, p := range extraRules.patterns {
			if got, want := p.match(line), p.re.MatchString(line); got != want {
				t.Errorf("%s on %q: %v, the regexp says %v", p.re, line, got, want)
			}
		}
	}
}

func anyRegexp(a anyOf, s string) bool {
	for _, p := range a {
		if p.re.MatchString(s) {
			return true
		}
	}
	return false
}

// cleanTextByLines is cleanText as a chain of simple steps.
func cleanTextByLines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(cleanRune, s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

// escapeInlineByteByByte is escapeInline one byte at a time.
func escapeInlineByteByByte(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(alwaysEscaped, c) >= 0,
			c == '&' && entityLike.MatchString(s[i:]),
			c == ':' && schemeBefore.MatchString(s[max(0, i-6):i]),
			c == '(' && symbolLike.MatchString(s[i:]):
			b.WriteByte('\\')
		case c == '/' && i > 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1]):
			b.WriteString("&#47;")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
