package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// searchQuery is what the reader types: an accent-free spelling of a
// place the corpus names often as Zürich.
const searchQuery = "zurich"

// shownResults reads the results the search page shows, in order.
const shownResults = `Array.from(document.querySelectorAll("#search-results .teaser")).map(function (t) {
  var k = t.querySelector(".kicker"), a = t.querySelector(".teaser-title a");
  return {href: a.getAttribute("href"), title: a.textContent, kicker: k ? k.textContent : "",
    date: t.querySelector("time").getAttribute("datetime"),
    marks: Array.from(t.querySelectorAll("mark")).map(function (m) { return m.textContent; })};
})`

// drawn is true once the search page has drawn the results of its
// latest search.
const drawn = `document.getElementById("search-results").getAttribute("aria-busy") === "false"`

// shownResult is one result as the page shows it.
type shownResult struct {
	Href, Title, Kicker, Date string
	Marks                     []string
}

// TestSearchFromTheMasthead searches a generated archive served under a
// sub-path as a reader does: from the box in an article page's masthead
// to the search page, then filtering, sorting, opening a result and
// coming Back to the same results. With JavaScript off the search page
// says that search needs it and links the archive instead.
func TestSearchFromTheMasthead(t *testing.T) {
	requireChromium(t)
	root := sharedSite(t)
	site, prefix := serveSite(t, root)
	ctx := newBrowser(t)
	article := firstArticle(t, filepath.Join(root, "public"))
	var before []shownResult

	steps := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"the masthead box leads to the search page", func(t *testing.T) {
			do(t, ctx, "open an article", chromedp.Navigate(site+article))
			do(t, ctx, "type the query into the masthead box",
				chromedp.SendKeys(chromedp.CSS("#masthead-q"), searchQuery+"\r"))
			waitUntil(t, ctx, "the search page shows results", drawn+` && document.querySelectorAll("#search-results .teaser").length > 0`)
			loc := run(t, ctx, "read the address", chromedp.Location())
			want := site + "search/?q=" + searchQuery
			if loc != want {
				t.Fatalf("the masthead form went to %s, want %s", loc, want)
			}
		}},
		{"results show the query's word highlighted", func(t *testing.T) {
			results := readResults(t, ctx)
			for _, r := range results {
				if !strings.HasPrefix(r.Href, prefix) {
					t.Errorf("result %q links to %s, outside %s", r.Title, r.Href, prefix)
				}
				for _, m := range r.Marks {
					if m != "Zürich" {
						t.Errorf("result %q highlights %q, want only Zürich", r.Title, m)
					}
				}
			}
			if countMarks(results) == 0 {
				t.Errorf("no result highlights Zürich: %+v", results)
			}
			status := run(t, ctx, "read the status", chromedp.Text(chromedp.CSS("#search-status")))
			if !strings.Contains(status, "match") || strings.HasPrefix(status, "No ") {
				t.Errorf("status %q does not count matches", status)
			}
			if live := run(t, ctx, "read aria-live", chromedp.Evaluate[string](`document.getElementById("search-status").getAttribute("aria-live")`)); live != "polite" {
				t.Errorf("the status has aria-live=%q, want polite", live)
			}
		}},
		{"more results come on demand, the focus on the first new one", func(t *testing.T) {
			do(t, ctx, "press More results", chromedp.Click(chromedp.CSS("#search-more")))
			waitUntil(t, ctx, "twenty results", drawn+` && document.querySelectorAll("#search-results .teaser").length === 20`)
			focused := run(t, ctx, "read the focus", chromedp.Evaluate[bool](
				`document.activeElement === document.querySelectorAll("#search-results .teaser-title a")[10]`))
			if !focused {
				t.Error("after More results the focus is not on the first new result")
			}
		}},
		{"a section filter keeps that section's results, as many as its count", func(t *testing.T) {
			var facet struct{ Value, Name, Count string }
			facet = run(t, ctx, "read the first section filter", chromedp.Evaluate[struct{ Value, Name, Count string }](
				`(function () { var b = document.querySelector('#search-facets button[data-facet="section"]');
				  return {value: b.dataset.value, name: b.firstChild.textContent.trim(), count: b.querySelector(".count").textContent}; })()`))
			do(t, ctx, "choose the section from the keyboard",
				chromedp.Focus(chromedp.CSS(fmt.Sprintf(`#search-facets button[data-value=%q]`, facet.Value))),
				chromedp.KeyEvent("\r"))
			waitUntil(t, ctx, "the address names the section", fmt.Sprintf(`location.search.includes("section=%s") && `+drawn, url.QueryEscape(facet.Value)))
			waitUntil(t, ctx, "the results are the section's", fmt.Sprintf(`(function () {
			  var ks = Array.from(document.querySelectorAll("#search-results .kicker"));
			  return ks.length > 0 && ks.every(function (k) { return k.textContent === %q; }); })()`, facet.Name))
			count := strings.Trim(facet.Count, "()")
			status := run(t, ctx, "read the status", chromedp.Text(chromedp.CSS("#search-status")))
			if !strings.HasPrefix(status, count+" ") {
				t.Errorf("status %q after filtering by %s, want the filter's count %s", status, facet.Name, count)
			}
		}},
		{"newest first orders results by date", func(t *testing.T) {
			do(t, ctx, "choose newest first", evalVoid(`(function () { var s = document.getElementById("search-sort");
			  s.value = "date"; s.dispatchEvent(new Event("change")); })()`))
			waitUntil(t, ctx, "results in date order are drawn", `location.search.includes("sort=date") && `+drawn)
			before = readResults(t, ctx)
			for i := 1; i < len(before); i++ {
				if before[i].Date > before[i-1].Date {
					t.Fatalf("result %d of %s comes after one of %s in newest-first order", i, before[i].Date, before[i-1].Date)
				}
			}
		}},
		{"a result opens its article", func(t *testing.T) {
			do(t, ctx, "open the first result", evalVoid(`document.querySelector("#search-results .teaser-title a").click()`))
			waitUntil(t, ctx, "the article opens", fmt.Sprintf(`location.pathname === %q`, before[0].Href))
			if h1 := strings.TrimSpace(run(t, ctx, "read the title", chromedp.Text(chromedp.CSS("h1")))); h1 != before[0].Title {
				t.Errorf("the article's h1 is %q, want the result's headline %q", h1, before[0].Title)
			}
		}},
		{"Back shows the same results", func(t *testing.T) {
			do(t, ctx, "go back", evalVoid(`history.back()`))
			waitUntil(t, ctx, "the results are back", `location.pathname.endsWith("/search/") && !!document.getElementById("search-results") && `+drawn)
			after := readResults(t, ctx)
			if !sameResults(before, after) {
				t.Errorf("after Back the page shows\n%+v\nwant\n%+v", after, before)
			}
		}},
		{"while typing, the last word matches as a prefix", func(t *testing.T) {
			do(t, ctx, "open the search page", chromedp.Navigate(site+"search/"))
			before := run(t, ctx, "read the address", chromedp.Location())
			do(t, ctx, "type a prefix into the search box", chromedp.SendKeys(chromedp.CSS("#search-q"), "zur"))
			waitUntil(t, ctx, "results for the prefix", `(function () {
			  var ms = Array.from(document.querySelectorAll("#search-results mark"));
			  return ms.length > 0 && ms.every(function (m) { return m.textContent.startsWith("Zür"); }); })()`)
			if after := run(t, ctx, "read the address", chromedp.Location()); after != before {
				t.Errorf("typing changed the address from %s to %s; only a submitted search should", before, after)
			}
		}},
		{"without JavaScript the page says so and links the archive", func(t *testing.T) {
			noJS, cancel := chromedp.NewContext(ctx)
			defer cancel()
			// The tab lives as long as the context of its first action,
			// which therefore has no deadline of its own.
			if err := chromedp.Do(noJS, chromedp.Func(func(c context.Context, tab *chromedp.Target) error {
				_, err := cdp.Call(c, tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
				return err
			})); err != nil {
				t.Fatalf("open a tab without JavaScript: %v", err)
			}
			do(t, noJS, "open the search page", chromedp.Navigate(site+"search/?q="+searchQuery))
			text := run(t, noJS, "read the fallback", chromedp.Text(chromedp.CSS("#search-nojs")))
			if !strings.Contains(text, "needs JavaScript") {
				t.Errorf("the fallback says %q, want it to say search needs JavaScript", text)
			}
			hidden := run(t, noJS, "is the app hidden", chromedp.Evaluate[bool](`document.getElementById("search-app").hidden &&
			  getComputedStyle(document.getElementById("search-app")).display === "none"`))
			if !hidden {
				t.Error("the results area shows without JavaScript")
			}
			links := run(t, noJS, "read the fallback's links", chromedp.Evaluate[[]string](
				`Array.from(document.querySelectorAll("#search-nojs a")).map(function (a) { return a.href; })`))
			for _, want := range []string{"archive/", "category/", "tag/"} {
				if !containsString(links, site+want) {
					t.Errorf("the fallback does not link %s: %v", want, links)
				}
			}
			for _, l := range links {
				if code, err := get(&http.Client{Timeout: 10 * time.Second}, l); err != nil || code != http.StatusOK {
					t.Errorf("the fallback's link %s answers %d %v", l, code, err)
				}
			}
		}},
	}
	for _, s := range steps {
		if !t.Run(s.name, s.run) {
			return
		}
	}
}

func readResults(t *testing.T, ctx context.Context) []shownResult {
	t.Helper()
	raw := run(t, ctx, "read the results", chromedp.Evaluate[json.RawMessage](shownResults))
	var rs []shownResult
	if err := json.Unmarshal(raw, &rs); err != nil {
		t.Fatal(err)
	}
	return rs
}

func countMarks(rs []shownResult) int {
	n := 0
	for _, r := range rs {
		n += len(r.Marks)
	}
	return n
}

func sameResults(a, b []shownResult) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Href != b[i].Href || a[i].Title != b[i].Title {
			return false
		}
	}
	return true
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// firstArticle returns the site path of an article page of the built
// site under public: the first YEAR/MONTH/SLUG/ folder in name order.
func firstArticle(t *testing.T, public string) string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(public, "20[0-9][0-9]", "[01][0-9]", "*", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range matches {
		if dir := filepath.Dir(m); filepath.Base(dir) != "page" {
			rel, _ := filepath.Rel(public, dir)
			return filepath.ToSlash(rel) + "/"
		}
	}
	t.Fatalf("no article page in %s", public)
	return ""
}
