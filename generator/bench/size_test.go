package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMeasureSizeCountsPublicSeedsAndSearchApart(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	files := map[string]int{
		"seeds/a.txt": 100, "seeds/b.txt": 300,
		"site/public/index.html": 500, "site/public/2026/06/a/index.html": 700,
		"site/public/search/manifest.json": 200,
	}
	for name, size := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, bytes.Repeat([]byte("x"), size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := measureSize(dir, site, 2)
	if s.seedBytes != 400 || s.seeds != 2 || s.publicBytes != 1400 || s.files != 3 || s.searchBytes != 200 {
		t.Fatalf("measured %+v", *s)
	}
	var out bytes.Buffer
	s.print(&out)
	// 1400 B for 2 articles is 700 B each, 3.50 times the 200 B of a seed;
	// without search/, 600 B and 3.00 times.
	for _, want := range []string{"in 3 files", "700 B per article (600 without search/)", "seeds 200 B per article", "= 3.50x (3.00x without search/)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("size lines lack %q:\n%s", want, out.String())
		}
	}
}
