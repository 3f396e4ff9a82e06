package serve

import (
	"errors"
	"net/url"
	"path"
	"strings"
)

// errBadPath means a request path tries to leave the site or hides
// something in it.
var errBadPath = errors.New("bad path")

// cleanPath checks a request's decoded URL path and returns it clean,
// starting with "/" and keeping a trailing slash. It refuses ".."
// segments, backslashes and NUL bytes, and looks once more after a
// second decoding, so that "%252e%252e" is refused too: no file of the
// site is named like that.
func cleanPath(p string) (string, error) {
	if !strings.HasPrefix(p, "/") || unsafe(p) {
		return "", errBadPath
	}
	if again, err := url.PathUnescape(p); err == nil && again != p && unsafe(again) {
		return "", errBadPath
	}
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return clean, nil
}

// unsafe reports whether p has a ".." segment, a backslash or a NUL.
func unsafe(p string) bool {
	if strings.ContainsAny(p, "\\\x00") {
		return true
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." {
			return true
		}
	}
	return false
}
