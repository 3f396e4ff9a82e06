package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"newsgen/generator/config"
	"newsgen/generator/publish"
)

// prune removes what the previous build into the same folder wrote and
// this one did not, and records what this one wrote. The record lives in
// the cache, keyed by the output folder, so that nothing of newsgen's own
// is published. A build with problems removes nothing: the pages of a
// file that failed stay as the last good build left them, and are
// recorded still, so that a later clean build can remove them.
func prune(o Options, cfg *config.Config, pub *publish.Publisher, failed bool) error {
	record := manifestPath(o, cfg)
	old, _ := readLines(record)
	written := pub.Written()
	if failed {
		written = union(written, old)
	} else if err := pub.Prune(old); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(record), 0o755); err != nil {
		return err
	}
	return os.WriteFile(record, []byte(strings.Join(written, "\n")+"\n"), 0o644)
}

func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(a, b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func manifestPath(o Options, cfg *config.Config) string {
	return filepath.Join(o.Root, cfg.CacheDir, "outputs-"+outKey(o.Out)+".txt")
}

// outKey names an output folder in the cache: builds into two folders
// keep two records.
func outKey(out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	sum := sha256.Sum256([]byte(abs))
	return hex.EncodeToString(sum[:8])
}

func readLines(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, sc.Err()
}
