package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchPageFollowsTheIndex checks that a site with its index
// turned off shows no search box, no search page and no script, and that
// one with it has all three.
func TestSearchPageFollowsTheIndex(t *testing.T) {
	for _, disable := range []bool{false, true} {
		root := corpusSite(t, 5)
		conf := "base_url = \"https://example.org/news/\"\n"
		if disable {
			conf += "[search]\ndisable = true\n"
		}
		os.WriteFile(filepath.Join(root, "newsgen.toml"), []byte(conf), 0o644)
		build(t, Options{Root: root})
		out := filepath.Join(root, OutDir)
		home, err := os.ReadFile(filepath.Join(out, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		box := strings.Contains(string(home), `action=/news/search/`) || strings.Contains(string(home), `action="/news/search/"`)
		_, pageErr := os.Stat(filepath.Join(out, "search", "index.html"))
		_, scriptErr := os.Stat(filepath.Join(out, "search.js"))
		if box == disable || (pageErr == nil) == disable || (scriptErr == nil) == disable {
			t.Errorf("with the index disabled=%v: search box %v, search page %v, search.js %v; want all %v",
				disable, box, pageErr == nil, scriptErr == nil, !disable)
		}
	}
}
