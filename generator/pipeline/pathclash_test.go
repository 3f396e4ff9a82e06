package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two articles whose year, month and slug make one page path clash: the
// second is refused with a line naming both files. The same slug in
// another month is another page.
func TestArticlesOnOnePagePathClash(t *testing.T) {
	root := t.TempDir()
	write := func(name, slug, date string) {
		p := filepath.Join(root, ContentDir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		body := "---\ntitle: \"" + name + "\"\nslug: " + slug + "\ndate: " + date + "\n---\n\nText.\n"
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "talks", "2026-03-02")
	write("b.md", "talks", "2026-03-20")
	write("c.md", "talks", "2026-04-02")
	rep, _ := Build(Options{Root: root, Now: fixedNow})
	var clashes []string
	for _, p := range rep.Problems() {
		if strings.Contains(p, "change one slug") {
			clashes = append(clashes, p)
		}
	}
	if len(clashes) != 1 || !strings.Contains(clashes[0], "b.md") || !strings.Contains(clashes[0], "a.md") ||
		!strings.Contains(clashes[0], "2026/03/talks/") {
		t.Errorf("clashes: %q", clashes)
	}
	for _, page := range []string{"2026/03/talks/index.html", "2026/04/talks/index.html"} {
		if _, err := os.Stat(filepath.Join(root, OutDir, page)); err != nil {
			t.Errorf("%s: %v", page, err)
		}
	}
}
