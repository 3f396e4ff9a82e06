package seed

import (
	"strings"
	"testing"
	"time"
)

// TestBylines reads bylines from seeds of several imagined sites: names
// in order, agencies and outlets dropped, and paragraphs that merely
// start with "By" left in the body.
func TestBylines(t *testing.T) {
	cases := []struct {
		name    string
		seed    []string
		authors string // names joined by "|"
		body    string // a text the body must hold, "" for none
		noBody  string // a text the body must not hold
	}{
		{"one author", []string{"Storm closes coastal road", "", "By Jane Doe", "", longPara}, "Jane Doe", "", "Jane Doe"},
		{"two authors", []string{"Storm closes coastal road", "", "By Jane Doe and John Roe", "", longPara}, "Jane Doe|John Roe", "", "By Jane"},
		{"three authors", []string{"Storm closes coastal road", "", "By Jane Doe, John Roe and Ann Lee", "", longPara}, "Jane Doe|John Roe|Ann Lee", "", "Ann Lee"},
		{"oxford comma", []string{"Storm closes coastal road", "", "By Maria Santos, Li Wei, and Tom Hardy", "", longPara}, "Maria Santos|Li Wei|Tom Hardy", "", ""},
		{"agency after bar", []string{"Storm closes coastal road", "", "By Jane Doe | Reuters", "", longPara}, "Jane Doe", "", "Reuters"},
		{"outlet after for", []string{"Storm closes coastal road", "", "By Jane Doe for The Courier", "", longPara}, "Jane Doe", "", "Courier"},
		{"outlet with and", []string{"Storm closes coastal road", "", "By Jane Doe for The Courier and Advertiser", "", longPara}, "Jane Doe", "", "Advertiser"},
		{"place after in", []string{"Storm closes coastal road", "", "By Jane Doe in Kyiv and John Roe in Moscow", "", longPara}, "Jane Doe|John Roe", "", "Kyiv"},
		{"written by", []string{"Storm closes coastal road", "", "Written by Jane Doe", "", longPara}, "Jane Doe", "", "Written"},
		{"initials", []string{"Storm closes coastal road", "", "By J. R. Okafor and A.B. Smith", "", longPara}, "J. R. Okafor|A.B. Smith", "", ""},
		{"initial last", []string{"Storm closes coastal road", "", "By Harry S.", "", longPara}, "Harry S.", "", ""},
		{"particles", []string{"Storm closes coastal road", "", "By Ana de la Cruz, Pieter van der Berg and Omar al-Sayed", "", longPara}, "Ana de la Cruz|Pieter van der Berg|Omar al-Sayed", "", ""},
		{"accents hyphens apostrophes", []string{"Storm closes coastal road", "", "By Zoë Müller, Amara Okonkwo-Reid and Seán O’Connell", "", longPara}, "Zoë Müller|Amara Okonkwo-Reid|Seán O’Connell", "", ""},
		{"cyrillic", []string{"Україна відновлює світло", "", "Автор: none", "", "By Олена Коваль", "", longPara}, "Олена Коваль", "", ""},
		{"arabic", []string{"Ceasefire talks resume in Cairo", "", "By محمد علي", "", longPara}, "محمد علي", "", ""},
		{"suffix", []string{"Storm closes coastal road", "", "By Martin Luther King Jr. and Jane Doe", "", longPara}, "Martin Luther King Jr.|Jane Doe", "", ""},
		{"agency among names", []string{"Storm closes coastal road", "", "By Jane Doe and Reuters", "", longPara}, "Jane Doe", "", ""},
		{"role dropped", []string{"Storm closes coastal road", "", "By Jane Doe, Senior Correspondent", "", longPara}, "Jane Doe", "", "Correspondent"},
		{"by the evening", []string{"Storm closes coastal road", "", "By the evening of September 13, the road was closed in both directions", "", longPara}, "", "By the evening of September 13", ""},
		{"by month", []string{"Storm closes coastal road", "", "By March", "", longPara}, "", "By March", ""},
		{"by sentence", []string{"Storm closes coastal road", "", "By Monday, Council Leader Jane Doe had resigned.", "", longPara}, "", "By Monday", ""},
		{"by then lower", []string{"Storm closes coastal road", "", longPara, "", "By then the damage was done and residents had left their homes"}, "", "By then the damage", ""},
		{"byline below image and dek", []string{"Homepage World Storm closes...", "", "Storm closes coastal road", "", "Waves on the harbour wall", "Photo: Reuters", "", "Residents told to stay home", "", "By Jane Doe", "", longPara}, "Jane Doe", "", "By Jane"},
		{"byline with date", []string{"Storm closes coastal road", "", "By Jane Doe | June 29, 2026", "", longPara}, "Jane Doe", "", "June 29"},
		{"closing reporting line", []string{"Oil prices rise", "", longPara, "", "Reporting by Jane Doe and John Roe; Editing by Ann Lee"}, "Jane Doe|John Roe", "", "Editing"},
		{"closing reporting alone, tags after", []string{"Oil prices rise", "", longPara, "", "Reporting by Li Wei in Beijing", "", "Tags: oil, China"}, "Li Wei", "", "Reporting"},
		{"byline wins over reporting", []string{"Oil prices rise", "", "By Ann Lee", "", longPara, "", "Reporting by Jane Doe; Editing by Tom Hardy"}, "Ann Lee", "", "Reporting"},
		{"additional reporting", []string{"Oil prices rise", "", longPara, "", "Reporting by Jane Doe; Additional reporting by John Roe; Editing by Ann Lee", "Additional reporting by Tom Hardy"}, "Jane Doe", "", "Hardy"},
		{"no byline", []string{"Storm closes coastal road", "", longPara}, "", "", ""},
		{"upper case BY", []string{"Storm closes coastal road", "", "BY JANE DOE", "", longPara}, "JANE DOE", "", "JANE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := mustParse(t, c.seed...)
			if got := strings.Join(a.Authors, "|"); got != c.authors {
				t.Errorf("authors %q, want %q", got, c.authors)
			}
			if a.Authors == nil {
				t.Error("authors is nil, want an empty list")
			}
			if c.body != "" && !strings.Contains(a.Summary+"\n"+a.Body, c.body) {
				t.Errorf("body lacks %q:\n%s", c.body, a.Body)
			}
			if c.noBody != "" && strings.Contains(a.Body+a.Summary, c.noBody) {
				t.Errorf("body or summary holds %q:\n%s\n%s", c.noBody, a.Summary, a.Body)
			}
			if c.authors != "" && strings.HasPrefix(a.Summary, "By ") {
				t.Errorf("the byline became the summary: %q", a.Summary)
			}
		})
	}
}

// TestUpdatedLines: an updated line with a published dateline gives
// "updated" when it is later, to the minute with times, else by day;
// alone it is the dateline.
func TestUpdatedLines(t *testing.T) {
	cases := []struct {
		name          string
		head          []string
		date, updated string // as front matter writes them; "" for none
	}{
		{"later day", []string{"Published: June 29, 2026", "Updated: November 3, 2026"}, "2026-06-29", "2026-11-03"},
		{"earlier ignored", []string{"June 29, 2026", "Updated: June 28, 2026"}, "2026-06-29", ""},
		{"same day ignored", []string{"29 June 2026", "Last updated 29 June 2026"}, "2026-06-29", ""},
		{"alone is the dateline", []string{"Updated 2026-11-03 14:05"}, "2026-11-03T14:05:00Z", ""},
		{"later minute", []string{"Published: 2026-06-29 14:05 UTC", "Updated: 2026-06-29 14:06 UTC"}, "2026-06-29T14:05:00Z", "2026-06-29T14:06:00Z"},
		{"same minute ignored", []string{"2026-06-29T14:05:00Z", "Updated 2026-06-29T14:05:40Z"}, "2026-06-29T14:05:00Z", ""},
		{"earlier by offset", []string{"June 29, 2026, 14:05 GMT", "Updated June 29, 2026, 15:00 +02:00"}, "2026-06-29T14:05:00Z", ""},
		{"later by offset", []string{"June 29, 2026, 14:05 GMT", "Updated June 29, 2026, 17:00 +02:00"}, "2026-06-29T14:05:00Z", "2026-06-29T17:00:00+02:00"},
		{"by day when one has no time", []string{"June 29, 2026, 23:50", "Updated June 30, 2026"}, "2026-06-29T23:50:00Z", "2026-06-30"},
		{"both on one line", []string{"Published June 29, 2026 | Updated June 30, 2026 at 9:15 am"}, "2026-06-29", "2026-06-30T09:15:00Z"},
		{"updated before the published line", []string{"Updated: July 2, 2026", "Published: July 1, 2026"}, "2026-07-01", "2026-07-02"},
		{"year-less update", []string{"Published: December 30, 2025", "Updated: January 2"}, "2025-12-30", "2026-01-02"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines := []string{"Bridge reopens after repairs", ""}
			for _, h := range c.head {
				lines = append(lines, h, "")
			}
			a := mustParse(t, append(lines, longPara)...)
			if got := formatDate(a.Date, a.DateHasTime); got != c.date || a.DateSource != FromSeed {
				t.Errorf("date %s (%s), want %s (seed)", got, a.DateSource, c.date)
			}
			got := ""
			if !a.Updated.IsZero() {
				got = formatDate(a.Updated, a.UpdatedHasTime)
			}
			if got != c.updated {
				t.Errorf("updated %q, want %q", got, c.updated)
			}
			if strings.Contains(a.Body, "Updated") || strings.Contains(a.Summary, "Updated") {
				t.Errorf("the updated line stayed as text: %q / %q", a.Summary, a.Body)
			}
		})
	}
}

// TestTimesOfDay: every form of a time the contract lists, with and
// without a zone.
func TestTimesOfDay(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	cases := []struct {
		line string
		utc  string // with the site in UTC
		ber  string // with the site in Europe/Berlin
	}{
		{"June 29, 2026, 14:05", "2026-06-29T14:05:00Z", "2026-06-29T14:05:00+02:00"},
		{"June 29, 2026 at 2:05 pm", "2026-06-29T14:05:00Z", "2026-06-29T14:05:00+02:00"},
		{"June 29, 2026 at 2:05 p.m.", "2026-06-29T14:05:00Z", "2026-06-29T14:05:00+02:00"},
		{"June 29, 2026 at 12:30 am", "2026-06-29T00:30:00Z", "2026-06-29T00:30:00+02:00"},
		{"Mon 29 Jun 2026 7pm", "2026-06-29T19:00:00Z", "2026-06-29T19:00:00+02:00"},
		{"29 June 2026 14:05 GMT", "2026-06-29T14:05:00Z", "2026-06-29T14:05:00Z"},
		{"Published: 2026-06-29 14:05 UTC", "2026-06-29T14:05:00Z", "2026-06-29T14:05:00Z"},
		{"2026-06-29T14:05:00Z", "2026-06-29T14:05:00Z", "2026-06-29T14:05:00Z"},
		{"2026-06-29T14:05:00+03:00", "2026-06-29T14:05:00+03:00", "2026-06-29T14:05:00+03:00"},
		{"29 June 2026 14:05 +02:00", "2026-06-29T14:05:00+02:00", "2026-06-29T14:05:00+02:00"},
		{"June 29, 2026 9:30 a.m. EDT", "2026-06-29T09:30:00Z", "2026-06-29T09:30:00+02:00"},
		{"29.06.2026 14:05 CET", "2026-06-29T14:05:00Z", "2026-06-29T14:05:00+02:00"},
		{"June 29, 2026 14:05 UTC-5", "2026-06-29T14:05:00-05:00", "2026-06-29T14:05:00-05:00"},
		{"Published 14:05 GMT, 29 June 2026", "2026-06-29T14:05:00Z", "2026-06-29T14:05:00Z"},
		{"June 29, 2026", "2026-06-29", "2026-06-29"},
		{"Monday 29 June 2026", "2026-06-29", "2026-06-29"},
	}
	for _, c := range cases {
		for _, z := range []struct {
			loc  *time.Location
			want string
		}{{time.UTC, c.utc}, {berlin, c.ber}} {
			seed := "Markets steady after the vote\n\n" + c.line + "\n\n" + longPara
			a, _, err := Parse("t.txt", []byte(seed), modTime, Options{Location: z.loc})
			if err != nil {
				t.Fatal(err)
			}
			if got := formatDate(a.Date, a.DateHasTime); got != z.want || a.DateSource != FromSeed {
				t.Errorf("%q in %v: date %s (%s), want %s", c.line, z.loc, got, a.DateSource, z.want)
			}
		}
	}
}

// TestNotes keeps corrections, clarifications and editor's notes where
// they stand, as quotations, escaped like all seed text.
func TestNotes(t *testing.T) {
	cases := []struct {
		name    string
		seed    []string
		body    []string // in order
		summary string
	}{
		{"correction at the end", []string{"Bridge reopens", "", "Traffic returns to normal", "", longPara, "", "Correction: An earlier version of this article misstated the cost of the repairs."},
			[]string{"The council said", "> Correction: An earlier version of this article misstated the cost of the repairs."}, "Traffic returns to normal"},
		{"editor's note at the top", []string{"Bridge reopens", "", "Editor's note: This article was updated with the council's statement", "", longPara},
			[]string{"> Editor's note: This article was updated with the council's statement", "The council said"}, ""},
		{"curly editor’s note after the dek", []string{"Bridge reopens", "", "Traffic returns to normal", "", "Editor’s note: Names have been changed", "", longPara},
			[]string{"> Editor’s note: Names have been changed", "The council said"}, "Traffic returns to normal"},
		{"note before the dek", []string{"Bridge reopens", "", "Clarification: The bridge is owned by the county", "", "Traffic returns to normal", "", longPara},
			[]string{"> Clarification: The bridge is owned by the county", "The council said"}, "Traffic returns to normal"},
		{"short note is no heading", []string{"Bridge reopens", "", longPara, "", "Correction: Wrong date", "", longPara},
			[]string{"> Correction: Wrong date"}, ""},
		{"markup in a note", []string{"Bridge reopens", "", longPara, "", "CORRECTION: The *fee* is <b>£5</b> [not £50] - sorry # 1."},
			[]string{`> CORRECTION: The \*fee\* is \<b>£5\</b> \[not £50\] - sorry \# 1.`}, ""},
		{"by a byline and a dateline", []string{"Bridge reopens", "", "By Jane Doe", "", "June 29, 2026", "", "Correction: Updated figures", "", longPara},
			[]string{"> Correction: Updated figures", "The council said"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := mustParse(t, c.seed...)
			at := 0
			for _, want := range c.body {
				i := strings.Index(a.Body[at:], want)
				if i < 0 {
					t.Fatalf("body lacks %q after byte %d:\n%s", want, at, a.Body)
				}
				at += i + len(want)
			}
			if a.Summary != c.summary {
				t.Errorf("summary %q, want %q", a.Summary, c.summary)
			}
			if strings.Contains(a.Body, "## ") {
				t.Errorf("a note became a heading:\n%s", a.Body)
			}
		})
	}
}

// TestOtherScripts: titles in Cyrillic and Greek get ASCII slugs.
func TestOtherScripts(t *testing.T) {
	cases := []struct{ title, slug string }{
		{"Україна відновлює світло", "ukraina-vidnovliuie-svitlo"},
		{"Москва признала ошибку в Анкоридже", "moskva-priznala-oshibku-v-ankoridzhe"},
		{"Η Αθήνα ψηφίζει σήμερα", "i-athina-psifizei-simera"},
		{"София: нов мост", "sofiia-nov-most"},
	}
	for _, c := range cases {
		a := mustParse(t, c.title, "", longPara)
		if a.Slug != c.slug || a.Title != c.title {
			t.Errorf("%q: slug %q, want %q", c.title, a.Slug, c.slug)
		}
	}
}

func formatDate(t time.Time, hasTime bool) string {
	if hasTime {
		return t.Format(time.RFC3339)
	}
	return t.Format("2006-01-02")
}
