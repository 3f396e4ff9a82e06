package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// QueryCost is what one first query cost a new visitor, as Chromium's
// Resource Timing saw it: the search's own files (the script and the
// index, not the page, its stylesheet or icon), their bytes as they came
// over the wire (gzip where the server compressed them), and the time
// from the last of them arriving to the results being drawn.
//
// ServedBytes and ServedRequests are the same as the test server counted
// them: Resource Timing sees only the page's own requests, not those of
// the Web Worker Pagefind searches in, so Pagefind's figures come from
// the server (newsgen's agree either way).
type QueryCost struct {
	Query          string  `json:"query"`
	Bytes          int64   `json:"bytes"`
	Requests       int     `json:"requests"`
	ServedBytes    int64   `json:"served_bytes"`
	ServedRequests int     `json:"served_requests"`
	DrawMS         float64 `json:"draw_ms"`
	Results        int     `json:"results"`
}

// CostReport is what TestSearchQueryCost writes for the bench.
type CostReport struct {
	Articles int         `json:"articles"`
	Newsgen  []QueryCost `json:"newsgen"`
	Pagefind []QueryCost `json:"pagefind,omitempty"`
}

// spent reads, after the page marked "search:drawn", what the resources
// whose address starts with one of the prefixes cost.
const spent = `(function (prefixes) {
  const drawn = performance.getEntriesByName("search:drawn")[0].startTime;
  let bytes = 0, requests = 0, last = 0;
  for (const e of performance.getEntriesByType("resource")) {
    const path = new URL(e.name).pathname;
    if (!prefixes.some((p) => path.startsWith(p))) continue;
    bytes += e.encodedBodySize;
    requests++;
    last = Math.max(last, e.responseEnd);
  }
  return {bytes, requests, draw_ms: drawn - last,
    results: document.querySelectorAll("#search-results .teaser, #probe-results li").length};
})(%s)`

// pagefindProbe is a page that answers ?q= with Pagefind's own API, as
// its default UI does: the bundle's script, a search, and the data of
// the first ten results, drawn as a list.
const pagefindProbe = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind probe</title></head>
<body><ol id="probe-results"></ol><script type="module">
const q = new URLSearchParams(location.search).get("q");
const pf = await import(%q);
await pf.init();
const r = await pf.search(q);
const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
const list = document.getElementById("probe-results");
for (const d of data) { const li = document.createElement("li"); li.textContent = d.meta.title || d.url; list.append(li); }
performance.mark("search:drawn");
</script></body></html>`

// TestSearchQueryCost measures a first query of every query of the
// fixed set, each in a fresh page with the browser's cache off, on the
// site NEWSGEN_E2E_SITE names (the bench's), served with gzip as Pages
// serves it; and the same for Pagefind when the site has its bundle in
// pagefind/. It writes the figures as JSON to NEWSGEN_SEARCH_COST. It is
// a measurement for `make bench`, not a test: it asserts only that
// every query drew its page.
func TestSearchQueryCost(t *testing.T) {
	out := os.Getenv("NEWSGEN_SEARCH_COST")
	if out == "" {
		t.Skip("set NEWSGEN_SEARCH_COST=FILE (and NEWSGEN_E2E_SITE) to measure first queries; make bench does")
	}
	requireChromium(t)
	root := sharedSite(t)
	public := filepath.Join(root, "public")
	site, prefix := serveSite(t, root)
	ctx := newBrowser(t)
	do(t, ctx, "turn the cache off", chromedp.Func(func(c context.Context, tab *chromedp.Target) error {
		if _, err := cdp.Call(c, tab, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(c, tab, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	}))
	rep := CostReport{Articles: countArticles(public)}
	queries := readQueries(t)
	rep.Newsgen = measureQueries(t, ctx, queries, site+"search/?q=", []string{prefix + "search.js", prefix + "search/"})
	if _, err := os.Stat(filepath.Join(public, "pagefind", "pagefind.js")); err == nil {
		probe := filepath.Join(public, "pagefind-probe", "index.html")
		writeFile(t, probe, fmt.Sprintf(pagefindProbe, prefix+"pagefind/pagefind.js"))
		defer os.RemoveAll(filepath.Dir(probe))
		rep.Pagefind = measureQueries(t, ctx, queries, site+"pagefind-probe/?q=", []string{prefix + "pagefind/"})
	}
	data, _ := json.MarshalIndent(rep, "", "  ")
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("newsgen: %s", summarize(rep.Newsgen))
	if rep.Pagefind != nil {
		t.Logf("pagefind: %s", summarize(rep.Pagefind))
	}
}

func measureQueries(t *testing.T, ctx context.Context, queries []string, page string, prefixes []string) []QueryCost {
	t.Helper()
	list, _ := json.Marshal(prefixes)
	var costs []QueryCost
	for _, q := range queries {
		do(t, ctx, "open a blank page", chromedp.Navigate("about:blank"))
		resetWire()
		if typed, ok := strings.CutPrefix(q, "~"); ok && strings.Contains(page, "/search/") {
			// Typed into the box of the empty search page, at once.
			do(t, ctx, "open the search page", chromedp.Navigate(strings.TrimSuffix(page, "?q=")))
			waitUntil(t, ctx, "the search page is ready", `!document.getElementById("search-app").hidden`)
			do(t, ctx, "type "+typed, chromedp.SendKeys(chromedp.CSS("#search-q"), typed))
		} else {
			do(t, ctx, "search "+q, chromedp.Navigate(page+url.QueryEscape(strings.TrimPrefix(q, "~"))))
		}
		waitUntil(t, ctx, "the results of "+q+" are drawn", `performance.getEntriesByName("search:drawn").length > 0`)
		c := run(t, ctx, "read the costs", chromedp.Evaluate[QueryCost](fmt.Sprintf(spent, list)))
		c.Query = q
		c.ServedBytes, c.ServedRequests = sent(prefixes)
		costs = append(costs, c)
	}
	return costs
}

// summarize gives the median and 95th percentile bytes, the median
// requests and the median and 95th percentile drawing time.
func summarize(cs []QueryCost) string {
	var bytes []int64
	var reqs []int
	var draw []float64
	for _, c := range cs {
		bytes, reqs, draw = append(bytes, c.Bytes), append(reqs, c.Requests), append(draw, c.DrawMS)
	}
	var served []int64
	var servedReqs []int
	for _, c := range cs {
		served, servedReqs = append(served, c.ServedBytes), append(servedReqs, c.ServedRequests)
	}
	return fmt.Sprintf("%d queries: bytes median %d, p95 %d; requests median %d; served bytes median %d, p95 %d, requests median %d; last byte to drawn median %.1f ms, p95 %.1f ms",
		len(cs), percentile(bytes, 50), percentile(bytes, 95), percentile(reqs, 50),
		percentile(served, 50), percentile(served, 95), percentile(servedReqs, 50), percentile(draw, 50), percentile(draw, 95))
}

// percentile is the nearest-rank percentile p of v.
func percentile[T int | int64 | float64](v []T, p int) T {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	k := (p*len(s) + 99) / 100
	return s[max(0, k-1)]
}

// countArticles counts the article pages of a built site.
func countArticles(public string) int {
	n := 0
	years, _ := filepath.Glob(filepath.Join(public, "[12][0-9][0-9][0-9]", "[01][0-9]", "*", "index.html"))
	for _, y := range years {
		if !strings.Contains(y, string(filepath.Separator)+"page"+string(filepath.Separator)) {
			n++
		}
	}
	return n
}
