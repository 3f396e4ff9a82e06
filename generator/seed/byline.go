package seed

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A byline names the authors: "By Jane Doe", "By Jane Doe, John Roe and
// Ann Lee", "Written by J. R. Okafor | Reuters", "By Jane Doe for The
// Courier", "By Jane Doe in Kyiv". Names are capitalised words in any
// script, with lower-case particles (de, van, al-) and initials; a block
// with a word that fits none of these ("By the evening of ...") or a
// sentence's full stop is body text.

var (
	bylineStart = regexp.MustCompile(`^(?i:by|written by|words by|text by|story by)\s+`)
	reportingBy = regexp.MustCompile(`^(?i:(additional\s+)?reporting by)\s+(.*)$`)
	// bylineSep ends the names: what follows is an agency, an outlet or
	// a date.
	bylineSep = regexp.MustCompile(`\s+[|·•—–/-]\s+|\s*\|\s*`)
	// nameSep stands between names: commas and "and".
	nameSep  = regexp.MustCompile(`\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+`)
	initials = regexp.MustCompile(`^\p{Lu}\.(?:-?\p{Lu}\.)*$`)
	suffix   = regexp.MustCompile(`^(?:Jr|Sr|St)\.$`)
	// agencyName is a news agency or a desk named where a person would
	// be: "By Jane Doe and Reuters", "By Staff Reporter".
	agencyName = regexp.MustCompile(`^(?i:reuters|associated press|the associated press|ap|afp|agence france-presse|bloomberg|dpa|efe|ansa|tass|ria novosti|interfax|xinhua|anadolu|ukrinform|pa media|press association|upi|cnn|bbc|bbc news)$`)
	roleWords  = regexp.MustCompile(`(?i)\b(staff|correspondent|reporter|writer|editor|contributor|columnist|journalist|desk|team|bureau|chief)s?\b`)
)

// particles are the lower-case words that stand inside names.
var particles = map[string]bool{
	"de": true, "da": true, "di": true, "do": true, "dos": true, "das": true, "del": true, "della": true,
	"der": true, "den": true, "des": true, "du": true, "la": true, "le": true, "van": true, "von": true,
	"ter": true, "ten": true, "te": true, "zu": true, "y": true, "e": true, "bin": true, "bint": true,
	"ibn": true, "ben": true, "al": true, "el": true, "af": true, "av": true, "op": true, "het": true,
	"'t": true, "’t": true, "st.": true, "mac": true, "abu": true, "bar": true,
}

// calendarWords are names a byline-like "By March" or "By Monday" uses
// for a time, not a person.
var calendarWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "then": true, "now": true, "tonight": true, "today": true, "tomorrow": true,
}

// maxByline is the longest block read as a byline.
const maxByline = 300

// byline reads a byline block: the authors in order, and the parts after
// a separator that are not names (an agency, a date), for the caller to
// read as datelines.
func byline(s string) (authors, tail []string, ok bool) {
	if len(s) > maxByline {
		return nil, nil, false
	}
	loc := bylineStart.FindStringIndex(s)
	if loc == nil {
		return nil, nil, false
	}
	parts := bylineSep.Split(s[loc[1]:], -1)
	authors, ok = names(parts[0])
	return authors, parts[1:], ok
}

// reporting reads a closing line "Reporting by Jane Doe and John Roe;
// Editing by Ann Lee": its names, from the "Reporting by" part, and
// whether the line is such a line at all.
func reporting(s string) ([]string, bool) {
	if len(s) > maxByline || !strings.HasPrefix(strings.ToLower(s), "reporting by") && !strings.HasPrefix(strings.ToLower(s), "additional reporting") {
		return nil, false
	}
	m := reportingBy.FindStringSubmatch(s)
	if m == nil {
		return nil, false
	}
	if m[1] != "" {
		return nil, true
	}
	first, _, _ := strings.Cut(m[2], ";")
	first = strings.TrimSuffix(strings.TrimSpace(first), ".")
	authors, _ := names(bylineSep.Split(first, -1)[0])
	return authors, true
}

// names splits "Jane Doe, John Roe and Ann Lee" into names, dropping what
// follows " for " or " in " in each (an outlet, a place) and the agencies
// and roles named among them. It fails when a part is not a name.
func names(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || endsSentence(s) && !endsInInitial(s) {
		return nil, false
	}
	var out []string
	outlet := false // the last part ended with an outlet, which may go on
	for _, p := range nameSep.Split(s, -1) {
		p = strings.TrimSpace(p)
		name, where, cut := cutOutlet(p)
		switch {
		case p == "":
			return nil, false
		case outlet && !cut:
			continue // "for The Courier and Advertiser"
		case agencyName.MatchString(name):
			outlet = false
			continue
		case roleWords.MatchString(name) && !isProperName(name):
			continue
		case !validName(name):
			return nil, false
		}
		outlet = where == "for"
		if !contains(out, name) {
			out = append(out, name)
		}
	}
	if len(out) == 1 && !strings.Contains(out[0], " ") && calendarWords[strings.ToLower(out[0])] {
		return nil, false
	}
	return out, true
}

// cutOutlet cuts " for The Courier" or " in Kyiv" off a name.
func cutOutlet(p string) (name, where string, cut bool) {
	for _, w := range []string{" for ", " in ", " at "} {
		if i := strings.Index(p, w); i > 0 {
			return strings.TrimSpace(p[:i]), strings.TrimSpace(w), true
		}
	}
	return p, "", false
}

// isProperName tells a name that has a role word in it ("Anna Desk")
// from a role ("Staff Reporter"): a role is all capitalised common words.
func isProperName(name string) bool {
	for _, w := range strings.Fields(name) {
		if !roleWords.MatchString(w) && !strings.EqualFold(w, "senior") && !strings.EqualFold(w, "political") &&
			!strings.EqualFold(w, "foreign") && !strings.EqualFold(w, "our") && !strings.EqualFold(w, "news") {
			return true
		}
	}
	return false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// endsInInitial reports whether s ends with an initial or a suffix such
// as "Jr.", whose full stop does not end a sentence.
func endsInInitial(s string) bool {
	f := strings.Fields(s)
	last := f[len(f)-1]
	return initials.MatchString(last) || suffix.MatchString(last)
}

// validName reports whether p is one person's name: at most six words,
// each a capitalised word, an initial or a particle, at least one of them
// capitalised.
func validName(p string) bool {
	ws := strings.Fields(p)
	if len(ws) == 0 || len(ws) > 6 {
		return false
	}
	capital := false
	for _, w := range ws {
		switch {
		case initials.MatchString(w) || suffix.MatchString(w):
			capital = true
		case particles[w]:
		case nameWord(w):
			capital = true
		default:
			return false
		}
	}
	return capital
}

// nameWord reports whether w is a capitalised word of a name: it starts
// with a capital (or a letter of a script without case), perhaps after a
// particle joined by a hyphen or an apostrophe (al-Sayed, d’Almeida), and
// holds letters, with single inner hyphens and apostrophes.
func nameWord(w string) bool {
	if i := strings.IndexAny(w, "-'’"); i > 0 && particles[w[:i]] || i > 0 && (w[:i] == "d" || w[:i] == "l" || w[:i] == "o") {
		_, n := utf8.DecodeRuneInString(w[i:])
		w = w[i+n:]
	}
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) && !(unicode.IsLetter(first) && !unicode.IsLower(first)) {
		return false
	}
	prevJoin := false
	for i, r := range w {
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.M, r):
			prevJoin = false
		case (r == '-' || r == '\'' || r == '’') && i > 0 && !prevJoin:
			prevJoin = true
		default:
			return false
		}
	}
	return !prevJoin
}
