package search

import "strings"

// Stem maps a normalized word to its stem with a small English suffix
// stripper: plurals, -ed and -ing forms and a final e, so that "votes",
// "voted", "voting" and "vote" all become "vot". Its rules are FORMAT.md
// section 10, kept small so that the browser's copy is exactly the same.
func Stem(w string) string {
	if len(w) < 4 || !isAZ(w) {
		return w
	}
	w = stemPlural(w)
	w, stripped := stemSuffix(w)
	if stripped {
		n := len(w)
		switch {
		case n >= 4 && w[n-1] == w[n-2] && !strings.ContainsRune("lsz", rune(w[n-1])) && isConsonant(w[n-1]):
			w = w[:n-1]
		case w[n-1] == 'i':
			w = w[:n-1] + "y"
		}
	}
	if len(w) >= 4 && w[len(w)-1] == 'e' {
		w = w[:len(w)-1]
	}
	return w
}

func stemPlural(w string) string {
	switch {
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ies") && len(w) >= 5:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

func stemSuffix(w string) (string, bool) {
	switch {
	case strings.HasSuffix(w, "eed"):
		if len(w) >= 5 {
			return w[:len(w)-1], false
		}
		return w, false
	case strings.HasSuffix(w, "ing") && strippable(w[:len(w)-3]):
		return w[:len(w)-3], true
	case strings.HasSuffix(w, "ed") && strippable(w[:len(w)-2]):
		return w[:len(w)-2], true
	}
	return w, false
}

// strippable is what may remain after -ing or -ed: three letters or more,
// one a vowel, so that "sing", "red" and "string" stay whole.
func strippable(rest string) bool {
	return len(rest) >= 3 && strings.ContainsAny(rest, "aeiouy")
}

func isConsonant(c byte) bool { return !strings.ContainsRune("aeiou", rune(c)) }

func isAZ(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
