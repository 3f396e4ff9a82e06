package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// vectors reads a FORMAT.md test vector file of generator/search:
// input<TAB>expected per line, # comments.
func vectors(t *testing.T, name string) [][2]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "search", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		in, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s: %q has no tab", name, line)
		}
		out = append(out, [2]string{in, want})
	}
	return out
}

// TestClientFollowsTheTextVectors runs the index format's stemming and
// normalization vectors through search.js in Chromium, where Unicode
// normalization and case mapping are the browser's own.
func TestClientFollowsTheTextVectors(t *testing.T) {
	requireChromium(t)
	root := t.TempDir()
	repo := moduleRoot(t)
	script, err := os.ReadFile(filepath.Join(repo, "layouts", "search.js"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "search.js"), string(script))
	writeFile(t, filepath.Join(root, "index.html"), "<!doctype html><title>vectors</title>")
	site := servePages(t, root, "/")
	ctx := newBrowser(t)
	do(t, ctx, "open a page", chromedp.Navigate(site))
	for _, c := range []struct{ file, fn string }{
		{"stems.txt", "m.stem(s)"},
		{"normalize.txt", `m.terms(s).join(" ")`},
	} {
		vs := vectors(t, c.file)
		ins := make([]string, len(vs))
		for i, v := range vs {
			ins[i] = v[0]
		}
		list, _ := json.Marshal(ins)
		got := run(t, ctx, "run "+c.file, chromedp.Evaluate[[]string](fmt.Sprintf(
			`import("/search.js").then((m) => %s.map((s) => %s))`, list, c.fn), chromedp.EvalAwaitPromise))
		for i, v := range vs {
			if got[i] != v[1] {
				t.Errorf("%s: %q gives %q in the browser, want %q", c.file, v[0], got[i], v[1])
			}
		}
	}
}

// markupTitle is a headline that looks like markup: the search page must
// show it as text.
const markupTitle = `Zebra <img src=x onerror="window.__pwned=1"> <b>bold</b> & co`

// TestSearchShowsIndexTextAsText searches a site whose article headline
// and summary look like markup, and requires the page to show them as
// text, with the query's word marked, and to run nothing from them.
func TestSearchShowsIndexTextAsText(t *testing.T) {
	requireChromium(t)
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "newsgen.toml"), "base_url = \"https://example.org"+sitePrefix+"\"\n")
	writeFile(t, filepath.Join(root, "content", "zebra.md"), "---\ntitle: '"+markupTitle+"'\n"+
		"date: 2026-05-04T09:30:00Z\ncategory: World\nsummary: '<script>window.__pwned=2</script> zebras escape'\n---\n\nA zebra escaped.\n")
	writeFile(t, filepath.Join(root, "content", "other.md"), "---\ntitle: 'Other news'\n"+
		"date: 2026-05-03T09:30:00Z\ncategory: World\n---\n\nNothing else happened.\n")
	cmd := execNewsgen(t, root)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("newsgen build: %v\n%s", err, out)
	}
	site, _ := serveSite(t, root)
	ctx := newBrowser(t)
	do(t, ctx, "search", chromedp.Navigate(site+"search/?q=zebra"))
	waitUntil(t, ctx, "a result is drawn", `document.querySelectorAll("#search-results .teaser").length === 1`)
	got := run(t, ctx, "read the result", chromedp.Evaluate[struct {
		Title, Summary string
		Elements       int
		Marks          []string
		Pwned          bool
	}](`(function () {
	  const t = document.querySelector("#search-results .teaser");
	  return {title: t.querySelector(".teaser-title a").textContent, summary: t.querySelector(".teaser-summary").textContent,
	    elements: t.querySelectorAll("img, b, script").length,
	    marks: Array.from(t.querySelectorAll("mark")).map((m) => m.textContent), pwned: !!window.__pwned};
	})()`))
	if got.Title != markupTitle || got.Elements != 0 || got.Pwned {
		t.Errorf("the headline shows as %q with %d elements made from it (ran: %v), want the text %q and none",
			got.Title, got.Elements, got.Pwned, markupTitle)
	}
	if !strings.Contains(got.Summary, "<script>") {
		t.Errorf("the summary shows as %q, want its text as written", got.Summary)
	}
	if strings.Join(got.Marks, ",") != "Zebra,zebras" {
		t.Errorf("marked %q, want Zebra in the headline and zebras in the summary", got.Marks)
	}
}
