package pipeline

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"newsgen/generator/minifiers"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const realSlug = "putin-finally-admits-he-never-actually-struck-a-deal-with-trump-at-alaska-summit"

// realSite copies the repository's own seeds into a new site root.
func realSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	copyTree(t, filepath.Join("..", "..", SeedDir), filepath.Join(root, SeedDir))
	return root
}

// The real seed's content file and article page, byte for byte. Run with
// -update to rewrite them after a deliberate change, and read the diff.
func TestRealSeedGolden(t *testing.T) {
	root := realSite(t)
	build(t, Options{Root: root})
	golden(t, filepath.Join(root, ContentDir, realSlug+".md"), "content.md")
	golden(t, filepath.Join(root, OutDir, "2026", "06", realSlug, "index.html"), "article.html")
	golden(t, filepath.Join(root, OutDir, "index.html"), "home.html")
}

func golden(t *testing.T, got, name string) {
	t.Helper()
	data, err := os.ReadFile(got)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join("testdata", "golden", name)
	if *update {
		os.MkdirAll(filepath.Dir(want), 0o755)
		if err := os.WriteFile(want, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	exp, err := os.ReadFile(want)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(data, exp) {
		t.Errorf("%s differs from %s (run go test -update and read the diff)", got, want)
	}
}

// The repository's committed content/ is exactly what import makes of its
// seeds, so that a build on a fresh clone leaves the work tree clean.
func TestCommittedContentMatchesImport(t *testing.T) {
	root := realSite(t)
	if _, err := Import(Options{Root: root}); err != nil {
		t.Fatal(err)
	}
	made := snapshot(t, filepath.Join(root, ContentDir))
	committed := snapshot(t, filepath.Join("..", "..", ContentDir))
	for name, sum := range made {
		if committed[name] != sum {
			t.Errorf("content/%s: the committed file is not what import writes", name)
		}
	}
}

// Every file of the output is minified: minifying it again changes
// nothing.
func TestEveryOutputFileIsMinified(t *testing.T) {
	root := corpusSite(t, 30)
	copyTree(t, filepath.Join("..", "..", SeedDir), filepath.Join(root, SeedDir))
	build(t, Options{Root: root})
	m := minifiers.New()
	out := filepath.Join(root, OutDir)
	n := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(p)
		again, err := m.Minify(p, data)
		if err != nil {
			t.Errorf("%s: %v", p, err)
		}
		if !bytes.Equal(again, data) {
			t.Errorf("%s is not minified: %d bytes, %d minified", p, len(data), len(again))
		}
		n++
		return nil
	})
	if n < 100 {
		t.Errorf("only %d files checked", n)
	}
}
