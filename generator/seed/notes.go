package seed

import "regexp"

// noteStart begins a correction, a clarification or an editor's note,
// which the body keeps where it stands, set apart as a quotation.
var noteStart = regexp.MustCompile(`^(?i:corrections?|clarifications?|editor['’]?s['’]? note|editorial note|note from the editor)\s*:`)

// isNote reports whether a block is a note. Such a block has a colon,
// which spares the regexp almost every paragraph.
func isNote(s string) bool {
	for i := 0; i < len(s) && i < 40; i++ {
		if s[i] == ':' {
			return noteStart.MatchString(s)
		}
	}
	return false
}
