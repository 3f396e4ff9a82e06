package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"newsgen/generator/corpus"
	"newsgen/generator/pipeline"
	"newsgen/generator/serve"
)

// liveNow is the build time of the watch-mode tests: after every article.
var liveNow = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// liveSite makes a site root with generated seeds and hand-written
// articles in nested folders of content/.
func liveSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := corpus.Write(filepath.Join(root, pipeline.SeedDir), 12); err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		writeArticle(t, root, fmt.Sprintf("content/sub/deep/article-%d.md", i), fmt.Sprintf("Sub article %d", i))
		writeArticle(t, root, fmt.Sprintf("content/other/note-%d.md", i), fmt.Sprintf("Other note %d", i))
	}
	return root
}

func writeArticle(t *testing.T, root, name, title string) {
	t.Helper()
	slug := strings.ToLower(strings.ReplaceAll(title, " ", "-"))
	text := fmt.Sprintf("---\ntitle: %q\nslug: %s\ndate: 2026-03-04\ncategory: Local News\n---\n\n%s is here.\n", title, slug, title)
	writeFile(t, filepath.Join(root, filepath.FromSlash(name)), text)
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// syncBuffer collects what the live loop prints.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startLive runs watch mode on root until the test ends, and waits for
// its first build.
func startLive(t *testing.T, root string) *syncBuffer {
	t.Helper()
	out := &syncBuffer{}
	o := pipeline.Options{Root: root, Now: liveNow, Live: true, Log: io.Discard} // as build -watch does
	l := &live{builder: pipeline.NewBuilder(o), root: root, out: out}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- l.run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "watching ") {
		if time.Now().After(deadline) {
			t.Fatalf("watch mode did not start:\n%s", out)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return out
}

// coldBuild builds a copy of root's inputs from nothing and returns its
// output folder.
func coldBuild(t *testing.T, root string) string {
	t.Helper()
	cold := t.TempDir()
	for _, d := range []string{pipeline.SeedDir, pipeline.ContentDir, "layouts", "newsgen.toml"} {
		copyPath(t, filepath.Join(root, d), filepath.Join(cold, d))
	}
	o := pipeline.Options{Root: cold, Now: liveNow, Log: &bytes.Buffer{}}
	if _, err := pipeline.Build(o); err != nil {
		t.Fatalf("cold build: %v", err)
	}
	return filepath.Join(cold, pipeline.OutDir)
}

func copyPath(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if os.IsNotExist(err) && p == src {
			return nil
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// readTree reads every file under dir by its slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err == nil {
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return out
}

// diffTrees lists the files that differ between two trees.
func diffTrees(got, want map[string]string) []string {
	var diff []string
	for name, w := range want {
		if g, ok := got[name]; !ok {
			diff = append(diff, "missing "+name)
		} else if g != w {
			diff = append(diff, "differs "+name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			diff = append(diff, "extra "+name)
		}
	}
	return diff
}

// waitForCold waits until watch mode has gone quiet with its public/
// equal to a cold build of the inputs as they are then; it fails the test
// when that never happens. The cold build is made anew on every try, as
// watch mode may still change content/ (removing the article of a deleted
// seed).
func waitForCold(t *testing.T, root string, out *syncBuffer) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		waitQuiet(out, 400*time.Millisecond)
		want := readTree(t, coldBuild(t, root))
		diff := diffTrees(readTree(t, filepath.Join(root, pipeline.OutDir)), want)
		if len(diff) == 0 {
			return
		}
		if time.Now().After(deadline) {
			if len(diff) > 10 {
				diff = append(diff[:10], fmt.Sprintf("and %d more", len(diff)-10))
			}
			t.Fatalf("watch mode's output differs from a cold build:\n%s\nwatch mode said:\n%s",
				strings.Join(diff, "\n"), out)
		}
	}
}

// waitQuiet waits until watch mode has printed nothing for d.
func waitQuiet(out *syncBuffer, d time.Duration) {
	last := out.String()
	for {
		time.Sleep(d)
		now := out.String()
		if now == last {
			return
		}
		last = now
	}
}

func mustRename(t *testing.T, root, from, to string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(filepath.Join(root, to)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(root, from), filepath.Join(root, to)); err != nil {
		t.Fatal(err)
	}
}

func TestWatchFollowsFolderRenameEditAndDelete(t *testing.T) {
	root := liveSite(t)
	out := startLive(t, root)
	waitForCold(t, root, out)

	mustRename(t, root, "content/sub", "content/sub2")
	waitForCold(t, root, out)
	if strings.Contains(out.String(), "already has") {
		t.Errorf("a renamed folder gave a duplicate-slug error:\n%s", out)
	}

	writeArticle(t, root, "content/sub2/deep/article-1.md", "Sub article 1 edited")
	waitForCold(t, root, out)

	if err := os.RemoveAll(filepath.Join(root, "content/sub2")); err != nil {
		t.Fatal(err)
	}
	waitForCold(t, root, out)

	// The site has no base URL: watch mode says so once, not after
	// every rebuild.
	if n := strings.Count(out.String(), "base_url is"); n != 1 {
		t.Errorf("the missing base URL was told %d times, want once:\n%s", n, out)
	}
}

func TestWatchFollowsMovesAcrossFolders(t *testing.T) {
	root := liveSite(t)
	out := startLive(t, root)
	waitForCold(t, root, out)

	// A folder moved into another one, then a file moved out of it.
	mustRename(t, root, "content/sub/deep", "content/other/deep")
	waitForCold(t, root, out)
	mustRename(t, root, "content/other/deep/article-2.md", "content/article-2.md")
	waitForCold(t, root, out)
	// A folder moved out of content/ altogether, and one moved in.
	outside := filepath.Join(t.TempDir(), "parked")
	if err := os.Rename(filepath.Join(root, "content/other"), outside); err != nil {
		t.Fatal(err)
	}
	waitForCold(t, root, out)
	if err := os.Rename(outside, filepath.Join(root, "content/back")); err != nil {
		t.Fatal(err)
	}
	waitForCold(t, root, out)

	// A folder of layouts moved aside: the built-in partials take over.
	home := filepath.Join(root, pipeline.OutDir, "index.html")
	writeFile(t, filepath.Join(root, "layouts/partials/footer.html"), "<footer>Our own footer.</footer>\n")
	waitForCold(t, root, out)
	if data, _ := os.ReadFile(home); !strings.Contains(string(data), "Our own footer.") {
		t.Fatal("the site's own footer is not used")
	}
	mustRename(t, root, "layouts/partials", "layouts/partials.off")
	waitForCold(t, root, out)
	if data, _ := os.ReadFile(home); strings.Contains(string(data), "Our own footer.") {
		t.Fatal("the footer moved aside is still used")
	}
}

// A checkout swaps many files at once: folders replaced, seeds and
// articles removed and added, a layout changed, in one burst.
func TestWatchFollowsACheckoutOfManyFiles(t *testing.T) {
	root := liveSite(t)
	out := startLive(t, root)
	waitForCold(t, root, out)

	next := t.TempDir()
	for i := range 6 {
		writeArticle(t, next, fmt.Sprintf("content/sub/article-%d.md", i), fmt.Sprintf("Branch article %d", i))
	}
	writeFile(t, filepath.Join(next, "layouts/partials/footer.html"), "<footer>On the branch.</footer>\n")
	seeds, err := filepath.Glob(filepath.Join(root, "seeds/*.txt"))
	if err != nil || len(seeds) < 6 {
		t.Fatalf("seeds: %v %v", seeds, err)
	}
	// As git does: remove the old tree's files, then write the new ones.
	for _, s := range seeds[:4] {
		os.Remove(s)
	}
	os.RemoveAll(filepath.Join(root, "content/sub"))
	os.RemoveAll(filepath.Join(root, "content/other"))
	copyPath(t, filepath.Join(next, "content"), filepath.Join(root, "content"))
	copyPath(t, filepath.Join(next, "layouts"), filepath.Join(root, "layouts"))
	waitForCold(t, root, out)

	// And back: the seeds folder itself replaced by a fresh one.
	tmp := filepath.Join(root, "seeds.new")
	copyPath(t, filepath.Join(root, "seeds"), tmp)
	writeFile(t, filepath.Join(tmp, "extra.txt"), "A seed from the branch\n\nMarch 5, 2026\n\nThe branch adds this seed to the archive.\n")
	os.RemoveAll(filepath.Join(root, "seeds"))
	if err := os.Rename(tmp, filepath.Join(root, "seeds")); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(root, "layouts"))
	waitForCold(t, root, out)

	// And content/ swapped whole for another, as a sync tool does: the
	// old folder renamed away, the new one renamed into place.
	tmp = filepath.Join(root, "content.new")
	writeArticle(t, tmp, "sub/article-0.md", "Branch article 0")
	writeArticle(t, tmp, "elsewhere/swapped.md", "Swapped in")
	mustRename(t, root, "content", "content.old")
	mustRename(t, root, "content.new", "content")
	waitForCold(t, root, out)
}

// TestServeShowsAnEditedArticleBeforeTheRebuild edits an article's text
// under a server: its page is written and the browser told before the
// rebuild, which says so in its line; a new title goes the usual way.
func TestServeShowsAnEditedArticleBeforeTheRebuild(t *testing.T) {
	root := liveSite(t)
	out := &syncBuffer{}
	o := pipeline.Options{Root: root, Now: liveNow, Live: true, Log: io.Discard}
	b := pipeline.NewBuilder(o)
	l := &live{builder: b, root: root, out: out, srv: serve.New(b.Out(), serve.Options{LiveReload: true})}
	l.rebuild(nil)
	name := filepath.Join(root, "content", "other", "note-2.md")
	writeFile(t, name, "---\ntitle: \"Other note 2\"\nslug: other-note-2\ndate: 2026-03-04\ncategory: Local News\n---\n\nA corrected note.\n")
	l.rebuild([]string{name})
	if !strings.Contains(out.String(), "content/other/note-2.md: shown in ") {
		t.Fatalf("the rebuild line does not say the page was shown first:\n%s", out)
	}
	page, err := os.ReadFile(filepath.Join(b.Out(), "2026", "03", "other-note-2", "index.html"))
	if err != nil || !strings.Contains(string(page), "A corrected note.") {
		t.Fatalf("page after the edit: %v\n%s", err, page)
	}
	writeArticle(t, root, "content/other/note-2.md", "Other note two")
	l.rebuild([]string{name})
	if strings.Count(out.String(), "shown in") != 1 {
		t.Fatalf("a new title was shown before the rebuild:\n%s", out)
	}
}
