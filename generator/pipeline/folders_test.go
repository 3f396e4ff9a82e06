package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// A rebuild told only the names of folders that were renamed, made or
// deleted under content/ gives what a cold build of the same content
// gives, as a watcher reports them: the old name of a renamed folder, and
// the new one.
func TestRebuildGivenFolderNamesEqualsColdBuild(t *testing.T) {
	root := t.TempDir()
	for i := range 3 {
		for _, dir := range []string{"content/sub/deep", "content/other"} {
			name := filepath.Join(root, dir, fmt.Sprintf("%s-%d.md", filepath.Base(dir), i))
			text := fmt.Sprintf("---\ntitle: \"%s %d\"\ndate: 2026-03-0%d\ncategory: War\n---\n\nText %d.\n", filepath.Base(dir), i, i+1, i)
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	b := NewBuilder(Options{Root: root, Now: fixedNow, Live: true, Log: &bytes.Buffer{}})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	abs := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(root, filepath.FromSlash(n)))
		}
		return out
	}
	steps := []struct {
		name    string
		do      func() error
		changed []string
	}{
		{"rename", func() error {
			return os.Rename(filepath.Join(root, "content/sub"), filepath.Join(root, "content/sub2"))
		},
			abs("content/sub", "content/sub2")},
		{"move into another folder", func() error {
			return os.Rename(filepath.Join(root, "content/sub2/deep"), filepath.Join(root, "content/other/deep"))
		}, abs("content/sub2/deep", "content/other/deep")},
		{"delete", func() error { return os.RemoveAll(filepath.Join(root, "content/other")) }, abs("content/other")},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Fatal(err)
		}
		if _, err := b.Rebuild(s.changed); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		cold := t.TempDir()
		copyTree(t, filepath.Join(root, ContentDir), filepath.Join(cold, ContentDir))
		build(t, Options{Root: cold, Log: &bytes.Buffer{}})
		got, want := snapshot(t, filepath.Join(root, OutDir)), snapshot(t, filepath.Join(cold, OutDir))
		for name, sum := range want {
			if got[name] != sum {
				t.Errorf("%s: %s differs from a cold build", s.name, name)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("%s: %s is left over", s.name, name)
			}
		}
	}
}
