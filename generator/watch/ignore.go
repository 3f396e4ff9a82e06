package watch

import "strings"

// Temporary reports whether a file name (not a path) is one that editors
// and tools create and delete around a save, and so is never reported:
// vim's swap files, backups and "4913" probe, Emacs' lock and autosave
// files, JetBrains' and gedit's save files, "*.tmp", macOS's .DS_Store,
// and ".newsgen-*", the temp files our own atomic writes rename into
// place.
func Temporary(name string) bool {
	switch name {
	case "4913", ".DS_Store":
		return true
	}
	for _, p := range tempPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	for _, s := range tempSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")
}

var (
	tempPrefixes = []string{".#", ".newsgen-", ".goutputstream-"}
	tempSuffixes = []string{"~", ".swp", ".swx", ".swo", ".tmp", "___jb_tmp___", "___jb_old___"}
)
