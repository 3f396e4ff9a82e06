package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// liveSite builds a small corpus with a live builder and returns the
// builder, the root and a content file from the middle of the archive.
func liveSite(t *testing.T) (*Builder, string, string) {
	t.Helper()
	root := corpusSite(t, 40)
	b := NewBuilder(Options{Root: root, Now: fixedNow, Live: true})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(root, ContentDir, "*.md"))
	sort.Strings(files)
	if len(files) < 10 {
		t.Fatalf("%d content files", len(files))
	}
	return b, root, files[len(files)/2]
}

func editBody(t *testing.T, path, words string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	cut := strings.LastIndex(text, "\n\n")
	if err := os.WriteFile(path, []byte(text[:cut]+"\n\n"+words+text[cut:]), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPreviewShowsABodyEditAsTheRebuildWill edits articles of every kind
// the corpus makes (with and without a lead image, a caption, a
// dateline), one at a time.
func TestPreviewShowsABodyEditAsTheRebuildWill(t *testing.T) {
	b, root, _ := liveSite(t)
	out := filepath.Join(root, "public")
	files, _ := filepath.Glob(filepath.Join(root, ContentDir, "*.md"))
	sort.Strings(files)
	captioned := 0
	for i := 0; i < len(files); i += 4 {
		target := files[i]
		if e := b.shown.entries[filepath.ToSlash(filepath.Join(ContentDir, filepath.Base(target)))]; e != nil && e.Captioned {
			captioned++
		}
		words := fmt.Sprintf("A correction, number %d, reached the desk at noon.", i)
		editBody(t, target, words)
		before := snapshot(t, out)
		n, ok := b.Preview([]string{target})
		if !ok || n != 1 {
			t.Fatalf("%s: Preview = %d, %v; want 1 page shown", target, n, ok)
		}
		changed := changedNames(before, snapshot(t, out))
		if len(changed) != 1 || !isArticle(changed[0]) {
			t.Fatalf("%s: preview changed %q; want only the article's page", target, changed)
		}
		page := filepath.Join(out, filepath.FromSlash(changed[0]))
		shown, _ := os.ReadFile(page)
		if !strings.Contains(string(shown), words) {
			t.Fatalf("%s does not show the edit", changed[0])
		}
		if _, err := b.Rebuild([]string{target}); err != nil {
			t.Fatal(err)
		}
		rebuilt, _ := os.ReadFile(page)
		if string(rebuilt) != string(shown) {
			t.Fatalf("%s: the rebuild wrote other bytes than the preview", changed[0])
		}
	}
	if captioned == 0 {
		t.Fatal("no article with a captioned lead image was edited")
	}
}

func TestPreviewLeavesOtherChangesToTheRebuild(t *testing.T) {
	b, root, target := liveSite(t)
	out := filepath.Join(root, "public")
	data, _ := os.ReadFile(target)
	retitled := strings.Replace(string(data), "\ntitle: ", "\ntitle: Corrected: ", 1)
	if retitled == string(data) {
		t.Fatalf("%s has no title line:\n%s", target, data)
	}
	os.WriteFile(target, []byte(retitled), 0o644)
	added := filepath.Join(root, ContentDir, "a-new-article.md")
	os.WriteFile(added, []byte("---\ntitle: A new article\ndate: 2026-01-02\n---\n\nText.\n"), 0o644)
	seeds, _ := filepath.Glob(filepath.Join(root, SeedDir, "*"))
	for _, paths := range [][]string{
		{target},
		{added},
		{seeds[0]},
		{filepath.Join(root, "layouts", "article.html")},
		{filepath.Join(root, "newsgen.toml")},
		{},
	} {
		before := snapshot(t, out)
		if n, ok := b.Preview(paths); ok || n != 0 {
			t.Errorf("Preview(%q) = %d, %v; want nothing shown", paths, n, ok)
		}
		if changed := changedNames(before, snapshot(t, out)); len(changed) > 0 {
			t.Errorf("Preview(%q) changed %q", paths, changed)
		}
	}
	if n, ok := NewBuilder(Options{Root: root, Live: true}).Preview([]string{target}); ok || n != 0 {
		t.Errorf("a builder that never built previewed %d pages", n)
	}
}
