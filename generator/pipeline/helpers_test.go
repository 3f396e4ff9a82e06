package pipeline

import (
	"crypto/sha256"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsgen/generator/corpus"
)

// fixedNow is the build time of the tests: after every generated article.
var fixedNow = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// corpusSite makes a site root holding n generated seeds.
func corpusSite(t testing.TB, n int) string {
	t.Helper()
	root := t.TempDir()
	if err := corpus.Write(filepath.Join(root, SeedDir), n); err != nil {
		t.Fatal(err)
	}
	return root
}

// build builds root into out and fails the test on any problem.
func build(t testing.TB, o Options) *Report {
	t.Helper()
	if o.Now.IsZero() {
		o.Now = fixedNow
	}
	rep, err := Build(o)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return rep
}

// snapshot hashes every file under dir by its slash path.
func snapshot(t testing.TB, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// copyTree copies the folder src to dst.
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		defer out.Close()
		_, err = io.Copy(out, in)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// isArticle says whether a site path is an article page.
func isArticle(name string) bool {
	parts := strings.Split(name, "/")
	return len(parts) == 4 && parts[3] == "index.html" && len(parts[0]) == 4 && len(parts[1]) == 2 && parts[2] != "page"
}
