package pipeline

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// A newsroom's archive grows at one end: a new article must change the
// front pages of the lists it is in, not every list page of the site.
func TestAddingAnArticleChangesAHandfulOfListPages(t *testing.T) {
	root := corpusSite(t, 300)
	out := filepath.Join(root, OutDir)
	build(t, Options{Root: root})
	before := snapshot(t, out)

	article := "---\ntitle: \"A new article\"\ndate: 2026-10-31\ncategory: War\ntags: [Ceasefire]\nsummary: \"Just in.\"\n---\n\nNews.\n"
	if err := os.WriteFile(filepath.Join(root, ContentDir, "a-new-article.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := build(t, Options{Root: root})
	after := snapshot(t, out)

	var lists, all []string
	listPages := 0
	for name, sum := range after {
		if !strings.HasSuffix(name, ".html") || isArticle(name) {
			continue
		}
		listPages++
		if before[name] != sum {
			lists = append(lists, name)
		}
	}
	for name, sum := range after {
		if before[name] != sum {
			all = append(all, name)
		}
	}
	sort.Strings(lists)
	t.Logf("%d of %d list pages changed: %v", len(lists), listPages, lists)
	t.Logf("%d files written in all: %v", rep.Written, all)
	if len(lists) > 12 {
		t.Errorf("%d list pages changed, want a handful", len(lists))
	}
	for _, want := range []string{"index.html", "category/war/index.html", "tag/ceasefire/index.html", "2026/10/index.html", "archive/index.html"} {
		if before[want] == after[want] {
			t.Errorf("%s did not change", want)
		}
	}
	if listPages < 100 {
		t.Errorf("the site has only %d list pages; the test wants a site with many", listPages)
	}
}

// A build from the cache writes the same bytes as a build from nothing.
func TestCachedBuildEqualsColdBuild(t *testing.T) {
	root := corpusSite(t, 120)
	warm := filepath.Join(root, "warm")
	build(t, Options{Root: root, Out: warm})
	// Change one seed and one content file, then build from the cache.
	seeds, _ := filepath.Glob(filepath.Join(root, SeedDir, "*.txt"))
	data, _ := os.ReadFile(seeds[7])
	os.WriteFile(seeds[7], append(data, []byte("\n\nA late correction to this story.\n")...), 0o644)
	contents, _ := filepath.Glob(filepath.Join(root, ContentDir, "*.md"))
	os.Remove(contents[3])
	rep := build(t, Options{Root: root, Out: warm})
	if rep.Unchanged == 0 {
		t.Error("the second build reused nothing")
	}

	cold := filepath.Join(root, "cold")
	os.RemoveAll(filepath.Join(root, ".newsgen-cache"))
	build(t, Options{Root: root, Out: cold})
	a, b := snapshot(t, warm), snapshot(t, cold)
	if len(a) != len(b) {
		t.Errorf("warm build has %d files, cold %d", len(a), len(b))
	}
	for name, sum := range b {
		if a[name] != sum {
			t.Errorf("%s differs between the cached and the cold build", name)
		}
	}
	for name := range a {
		if _, ok := b[name]; !ok {
			t.Errorf("%s is left over in the cached build", name)
		}
	}
}

// A second build with nothing changed renders nothing and writes nothing.
func TestRebuildWithNothingChangedWritesNothing(t *testing.T) {
	root := corpusSite(t, 60)
	build(t, Options{Root: root})
	rep := build(t, Options{Root: root})
	if rep.Written != 0 || rep.Stage("markdown") != 0 || rep.Stage("templates") != 0 {
		t.Errorf("second build wrote %d files, markdown %v, templates %v", rep.Written, rep.Stage("markdown"), rep.Stage("templates"))
	}
}
