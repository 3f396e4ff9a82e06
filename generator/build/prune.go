package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"

	"newsgen/generator/config"
	"newsgen/generator/publish"
)

// prune removes what the previous build into the same folder wrote and
// this one did not, and records what this one wrote. The record lives in
// the cache, keyed by the output folder, so that nothing of newsgen's own
// is published.
func prune(o Options, cfg *config.Config, pub *publish.Publisher) error {
	record := manifestPath(o, cfg)
	if old, err := readLines(record); err == nil {
		if err := pub.Prune(old); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Dir(record), 0o755); err != nil {
		return err
	}
	return os.WriteFile(record, []byte(strings.Join(pub.Written(), "\n")+"\n"), 0o644)
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
