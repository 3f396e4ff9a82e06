package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// An article with a NUL in its body is named by file and line and the
// feeds are written all the same, by a cold build and by a live builder
// that takes the body from its memory.
func TestForbiddenCharacterIsNamedAndFeedsAreWritten(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("newsgen.toml", "base_url = \"https://example.org/\"\n[feeds]\nsection_content = true\n")
	write("content/sub/bad.md", "---\ntitle: \"Bad\"\ndate: 2026-03-05\ncategory: War\n---\n\nOne.\n\nTwo \x00 three.\n")
	write("content/good.md", "---\ntitle: \"Good\"\ndate: 2026-03-04\ncategory: War\n---\n\nFine.\n")
	want := "content/sub/bad.md:9: character U+0000 cannot go into a feed"

	rep := build(t, Options{Root: root, Log: &bytes.Buffer{}})
	if !slices.ContainsFunc(rep.Warnings, func(w string) bool { return strings.HasPrefix(w, want) }) {
		t.Errorf("cold build warnings %q, want one starting %q", rep.Warnings, want)
	}
	for _, name := range []string{"atom.xml", "rss.xml", "feed.json", "category/war/atom.xml", "category/war/rss.xml"} {
		data, err := os.ReadFile(filepath.Join(root, OutDir, name))
		if err != nil {
			t.Errorf("feed not written: %v", err)
			continue
		}
		if bytes.IndexByte(data, 0) >= 0 || !bytes.Contains(data, []byte("Two \uFFFD three.")) {
			t.Errorf("%s does not show the body with U+FFFD for the NUL", name)
		}
	}

	b := NewBuilder(Options{Root: root, Now: fixedNow, Live: true, Log: &bytes.Buffer{}})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	write("content/good.md", "---\ntitle: \"Good\"\ndate: 2026-03-04\ncategory: War\n---\n\nFine, and edited.\n")
	rep, err := b.Rebuild([]string{filepath.Join(root, "content/good.md")})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(rep.Warnings, func(w string) bool { return strings.HasPrefix(w, want) }) {
		t.Errorf("warm rebuild warnings %q, want one starting %q", rep.Warnings, want)
	}
	data, _ := os.ReadFile(filepath.Join(root, OutDir, "atom.xml"))
	if !bytes.Contains(data, []byte("Fine, and edited.")) || !bytes.Contains(data, []byte("Two \uFFFD three.")) {
		t.Errorf("warm rebuild left atom.xml stale:\n%s", data)
	}
}
