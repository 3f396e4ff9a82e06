package check_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"newsgen/generator/check"
	"newsgen/generator/pipeline"
)

// TestRepositorySiteHasNoProblems builds the repository's own site, at
// the root of a host and under a sub-path, and checks what it wrote.
func TestRepositorySiteHasNoProblems(t *testing.T) {
	for _, base := range []string{"https://example.org/", "https://example.org/news/"} {
		t.Run(base, func(t *testing.T) {
			root := copySiteRoot(t, filepath.Join("..", ".."))
			out := filepath.Join(t.TempDir(), "public")
			o := pipeline.Options{Root: root, Out: out, BaseURL: base, Log: io.Discard, Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
			if _, err := pipeline.Build(o); err != nil {
				t.Fatal(err)
			}
			probs, err := check.Site(out, check.Options{BaseURL: base})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range probs {
				t.Error(p)
			}
			// The same check finds the stylesheet gone from every page.
			sheets, _ := filepath.Glob(filepath.Join(out, "style.*.css"))
			if len(sheets) != 1 {
				t.Fatalf("stylesheets in the output: %v, want one", sheets)
			}
			if err := os.Remove(sheets[0]); err != nil {
				t.Fatal(err)
			}
			pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
			probs, err = check.Site(out, check.Options{BaseURL: base})
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) < 2 || len(probs) < len(pages) {
				t.Errorf("without the stylesheet: %d problems in a site with %d top-level pages", len(probs), len(pages))
			}
		})
	}
}

// copySiteRoot copies what a build reads from the site root at src into
// a new folder, so that importing seeds does not touch the repository.
func copySiteRoot(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	for _, name := range []string{"seeds", "content", "layouts", "newsgen.toml"} {
		if err := copyTree(filepath.Join(src, name), filepath.Join(dst, name)); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func copyTree(src, dst string) error {
	info, err := os.Stat(src)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if info.IsDir() {
		return os.CopyFS(dst, os.DirFS(src))
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
