package config

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// MaxPerPage bounds per_page: list pages past it are too large to load.
const MaxPerPage = 1000

// siteFolders are the root's own folders, which the cache must not share.
var siteFolders = []string{"seeds", "content", "layouts", "public"}

// validate checks the settings whose values the TOML types alone do not
// bound, each error naming the line that sets the value.
func (c *Config) validate(data []byte) error {
	if line, set := lineOf(data, "", "per_page"); set && (c.PerPage < 1 || c.PerPage > MaxPerPage) {
		return at(line, "per_page = %d: must be between 1 and %d articles per list page", c.PerPage, MaxPerPage)
	}
	if err := checkCacheDir(c.CacheDir); c.CacheDir != "" && err != nil {
		line, _ := lineOf(data, "", "cache_dir")
		return at(line, "cache_dir %q %v", c.CacheDir, err)
	}
	if c.CNAME != "" && !validHost(c.CNAME) {
		line, _ := lineOf(data, "", "cname")
		return at(line, "cname %q must be a host name such as news.example.org: letters, digits, hyphens and dots, no scheme, path or spaces", c.CNAME)
	}
	return nil
}

// checkCacheDir refuses a relative cache folder that leaves the site
// root or is one of its own folders. An absolute path is the user's
// explicit choice and is taken as it is.
func checkCacheDir(dir string) error {
	if filepath.IsAbs(dir) {
		return nil
	}
	clean := filepath.ToSlash(filepath.Clean(filepath.FromSlash(dir)))
	first, _, _ := strings.Cut(clean, "/")
	switch {
	case clean == "." || first == "..":
		return fmt.Errorf("is not a folder inside the site root; give one such as .newsgen-cache, or an absolute path to keep the cache elsewhere")
	case contains(siteFolders, first):
		return fmt.Errorf("is inside the site's own %s/ folder; give a folder of its own such as .newsgen-cache", first)
	}
	return nil
}

var hostLabel = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)

// validHost reports whether s is a DNS host name with at least two
// labels, as GitHub Pages wants in a CNAME file.
func validHost(s string) bool {
	labels := strings.Split(s, ".")
	if len(s) > 253 || len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if !hostLabel.MatchString(l) {
			return false
		}
	}
	return true
}

// lineOf finds the line that sets key in the given table ("" for the top
// level) of a TOML file, and whether there is one.
func lineOf(data []byte, table, key string) (int, bool) {
	current := ""
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			current = strings.Trim(line, "[] \t")
			continue
		}
		name, _, ok := strings.Cut(line, "=")
		if ok && current == table && strings.Trim(strings.TrimSpace(name), `"'`) == key {
			return i + 1, true
		}
	}
	return 0, false
}

// at makes an error naming the config file and, when known, the line.
func at(line int, format string, args ...any) error {
	if line > 0 {
		return fmt.Errorf("%s:%d: %s", FileName, line, fmt.Sprintf(format, args...))
	}
	return fmt.Errorf("%s: %s", FileName, fmt.Sprintf(format, args...))
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
