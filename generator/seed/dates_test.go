package seed

import (
	"strings"
	"testing"
	"time"
)

func TestDateline(t *testing.T) {
	forms := []string{
		"June 29, 2026", "29 June 2026", "2026-06-29", "Published: June 29, 2026",
		"Updated 29 June 2026 14:05 BST", "Monday, June 29, 2026", "Mon 29 Jun 2026",
		"Published 2026-06-29T10:30:00Z", "Jun. 29, 2026", "29th June 2026",
		"Updated: 29/06/2026 at 9:15 am", "Posted on June 29, 2026 | Updated June 30, 2026",
		"JUNE 29, 2026", "Last updated: 29.06.2026",
	}
	for _, f := range forms {
		for _, pos := range []int{0, 2, 4, 5} {
			lines := []string{"Home Politics Ministers agree on...", "Ministers agree on a budget", "A caption", "Getty Images", "A short dek", longPara, longPara}
			seed := append(append(append([]string{}, lines[:pos]...), f), lines[pos:]...)
			var withGaps []string
			for i, l := range seed {
				if i > 0 && l != "Getty Images" {
					withGaps = append(withGaps, "")
				}
				withGaps = append(withGaps, l)
			}
			a := mustParse(t, withGaps...)
			got := a.Date.Format("2006-01-02")
			if got != "2026-06-29" || a.DateSource != FromSeed || a.Title != "Ministers agree on a budget" || a.Summary != "A short dek" || a.Category != "Politics" || a.Image == nil {
				t.Errorf("%q at %d: date %s (%s) title %q summary %q category %q image %v", f, pos, got, a.DateSource, a.Title, a.Summary, a.Category, a.Image)
			}
		}
	}
}

func TestDatelineWithoutYear(t *testing.T) {
	a := mustParse(t, "A title", "", "Updated: June 29", "", longPara)
	if got := a.Date.Format("2006-01-02"); got != "2026-06-29" || a.DateSource != FromSeed {
		t.Errorf("got %s %s", got, a.DateSource)
	}
}

func TestNotADateline(t *testing.T) {
	a := mustParse(t, "A title", "", "June 29, 2026: the day it all changed for the town", "", longPara)
	if a.DateSource == FromSeed {
		t.Errorf("a sentence with a date is no dateline")
	}
}

func TestInferredDates(t *testing.T) {
	mod := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, want, source string
	}{
		{"year-less after the latest dated event", "The August 2025 summit. On June 28 he spoke. In its June 29 update.", "2026-06-29", FromInferred},
		{"year-less in the anchor's year", "Since March 2026 prices rose. On June 28 they fell.", "2026-06-28", FromInferred},
		{"full dates count as they are", "It opened on 3 May 2024 and closed on March 1, 2025.", "2025-03-01", FromInferred},
		{"later than the file is ignored", "The vote on December 12, 2026 follows talks on October 2, 2026.", "2026-10-02", FromInferred},
		{"a bare year is not a date", "The 2025 proposals and the 2026 budget.", "2026-11-26", FromFile},
		{"weekdays are not dates", "He spoke on Monday and left on Friday.", "2026-11-26", FromFile},
		{"ordinal day first", "It began on the 29th of June, after the May 2026 vote.", "2026-06-29", FromInferred},
		{"abbreviated month with a period", "Talks on Jun. 28 followed the Sept. 2025 deal.", "2026-06-28", FromInferred},
		{"a range takes its end", "The festival runs June 26-28, 2026.", "2026-06-28", FromInferred},
		{"day-first range", "It ran from 26–28 June 2026 in the city.", "2026-06-28", FromInferred},
		{"range across months", "Hearings from June 28 to July 2, 2026.", "2026-07-02", FromInferred},
		{"year-less without anchor is the latest before the file", "On November 30 and on October 4 they met.", "2026-10-04", FromInferred},
		{"iso date in text", "The filing, dated 2026-05-04, was late.", "2026-05-04", FromInferred},
		{"not a date: may the verb", "Prices may 5 times rise, officials said.", "2026-11-26", FromFile},
		{"invalid day", "It was due on February 30, 2026.", "2026-11-26", FromFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seed := "A title for the test\n\n" + longPara + "\n\n" + tt.text
			a, _, err := Parse("x.txt", []byte(seed), mod, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Date.Format("2006-01-02"); got != tt.want || a.DateSource != tt.source {
				t.Errorf("got %s (%s), want %s (%s)", got, a.DateSource, tt.want, tt.source)
			}
		})
	}
}

func TestDatesInLocation(t *testing.T) {
	loc := time.FixedZone("UTC+9", 9*3600)
	mod := time.Date(2026, 2, 14, 20, 0, 0, 0, time.UTC) // 15 February in UTC+9
	a, _, err := Parse("x.txt", []byte("A title\n\n"+longPara), mod, Options{Location: loc})
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Date.Format("2006-01-02"); got != "2026-02-15" || a.Date.Location() != loc {
		t.Errorf("file date %s in %v, want 2026-02-15 in UTC+9", got, a.Date.Location())
	}
}

func TestPublishedAndUpdatedLines(t *testing.T) {
	a := mustParse(t, "A title", "", "Published: June 28, 2026", "Updated: June 29, 2026", "", "A short dek", "", longPara)
	if got := a.Date.Format("2006-01-02"); got != "2026-06-28" || a.Summary != "A short dek" || strings.Contains(a.Body, "Updated") {
		t.Errorf("date %s summary %q body:\n%s", got, a.Summary, a.Body)
	}
}
