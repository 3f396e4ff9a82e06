package e2e

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"newsgen/generator/search"
)

// probe is one query with its options, as both readers take it.
type probe struct {
	Q       string `json:"q"`
	Section string `json:"section"`
	Year    int    `json:"year"`
	ByDate  bool   `json:"byDate"`
	Offset  int    `json:"offset"`
	Limit   int    `json:"limit"`
	Typing  bool   `json:"typing"`
}

// answer is what a reader answers, reduced to what must agree.
type answer struct {
	Total    int            `json:"total"`
	Fallback bool           `json:"fallback"`
	Exact    bool           `json:"exact"`
	Window   int            `json:"window"`
	IDs      []int          `json:"ids"`
	Scores   []int64        `json:"scores"`
	Sections map[string]int `json:"sections"`
	Years    map[int]int    `json:"years"`
	Terms    []string       `json:"terms"`
	Fetched  []string       `json:"fetched"`
}

// jsAnswers runs the probes through search.js in the page, each with an
// index opened afresh, as a first query from a new visitor.
const jsAnswers = `(async function (probes) {
  const m = await import(%q);
  const out = [];
  for (const p of probes) {
    const ix = m.open(%q);
    const r = await ix.query(p.q, p);
    const sections = {}, years = {};
    for (const s of r.sections) sections[s.slug] = s.count;
    for (const y of r.years) years[y.year] = y.count;
    out.push({total: r.total, fallback: r.fallback, exact: r.exact, window: r.window,
      ids: r.hits.map((h) => h.id), scores: r.hits.map((h) => h.score), sections, years,
      terms: r.terms, fetched: ix.fetched});
  }
  return out;
})(%s)`

// TestGoAndBrowserAgree runs the fixed query set through the Go reader
// and through search.js in Chromium, on the same generated site, and
// requires the same answers: result ids in order, scores, totals,
// counts, the OR fallback, the window, the terms to highlight and even
// the files read. Each query runs four ways: as loaded from an address,
// as typed, by date from the second page, and with the section and year
// filters of its first answer.
func TestGoAndBrowserAgree(t *testing.T) {
	requireChromium(t)
	root := sharedSite(t)
	public := filepath.Join(root, "public")
	site, prefix := serveSite(t, root)
	ctx := newBrowser(t)
	do(t, ctx, "open the site", chromedp.Navigate(site))

	queries := readQueries(t)
	for i, q := range queries {
		queries[i] = strings.TrimPrefix(q, "~")
	}
	var probes []probe
	for _, q := range queries {
		probes = append(probes, probe{Q: q}, probe{Q: q, Typing: true}, probe{Q: q, ByDate: true, Offset: 10})
	}
	goAnswers := make([]answer, 0, len(probes)+len(queries))
	for _, p := range probes {
		goAnswers = append(goAnswers, goAnswer(t, public, p))
	}
	// The filtered probes take the first section and year of the plain
	// query's counts, so that they narrow a real result.
	for i, q := range queries {
		a := goAnswers[3*i]
		p := probe{Q: q}
		for s := range a.Sections {
			if p.Section == "" || s < p.Section {
				p.Section = s
			}
		}
		for y := range a.Years {
			if p.Year == 0 || y < p.Year {
				p.Year = y
			}
		}
		probes = append(probes, p)
		goAnswers = append(goAnswers, goAnswer(t, public, p))
	}
	list, _ := json.Marshal(probes)
	raw := run(t, ctx, "run the queries in the browser", chromedp.Evaluate[json.RawMessage](
		fmt.Sprintf(jsAnswers, prefix+"search.js", prefix+"search/", list), chromedp.EvalAwaitPromise))
	var jsAnswers []answer
	if err := json.Unmarshal(raw, &jsAnswers); err != nil {
		t.Fatal(err)
	}
	if len(jsAnswers) != len(probes) {
		t.Fatalf("the browser answered %d queries of %d", len(jsAnswers), len(probes))
	}
	nonEmpty, tails, tailPositions, recentPositions := 0, 0, 0, 0
	for i, p := range probes {
		g, j := goAnswers[i], jsAnswers[i]
		normalizeAnswer(&g)
		normalizeAnswer(&j)
		if !reflect.DeepEqual(g, j) {
			t.Errorf("query %+v:\n  Go: %+v\n  JS: %+v", p, g, j)
		}
		if g.Total > 0 {
			nonEmpty++
		}
		for _, f := range g.Fetched {
			if f == "r.bin" {
				recentPositions++
			}
			if strings.HasPrefix(f, "p/") {
				tails++
				if strings.HasSuffix(f, ".pos.bin") {
					tailPositions++
				}
			}
		}
	}
	// Words common enough to have sealed tail blocks, and on the default
	// site phrases of them that need those blocks' positions, must be
	// among the probes: they are the hardest part of the logic to get the
	// same. (On larger sites phrases fill their page from the heads.)
	defaultSite := os.Getenv("NEWSGEN_E2E_SITE") == "" && os.Getenv("NEWSGEN_E2E_SEEDS") == ""
	if tails == 0 || (defaultSite && tailPositions == 0) {
		t.Errorf("the probes read %d tail blocks, %d of them positions; want some of each (is the site too small?)", tails, tailPositions)
	}
	// The default site's newest articles are recent ones, outside the
	// shards: phrases must read their positions too.
	if defaultSite && recentPositions == 0 {
		t.Errorf("no probe read the recent articles' positions (r.bin)")
	}
	if nonEmpty < len(probes)*2/3 {
		t.Errorf("only %d of %d queries found anything: the query set no longer fits the corpus", nonEmpty, len(probes))
	}
	t.Logf("%d queries (%d distinct strings) agree; %d found results; %d tail blocks read, %d of positions; %d read r.bin",
		len(probes), len(queries), nonEmpty, tails, tailPositions, recentPositions)
}

func goAnswer(t *testing.T, public string, p probe) answer {
	t.Helper()
	ix, err := search.Open(os.DirFS(filepath.Join(public, "search")))
	if err != nil {
		t.Fatal(err)
	}
	r, err := ix.Query(p.Q, search.Options{Section: p.Section, Year: p.Year, ByDate: p.ByDate, Offset: p.Offset, Limit: p.Limit, Typing: p.Typing})
	if err != nil {
		t.Fatalf("query %+v: %v", p, err)
	}
	a := answer{Total: r.Total, Fallback: r.Fallback, Exact: r.Exact, Window: r.Window, Terms: r.Terms,
		Sections: map[string]int{}, Years: map[int]int{}, Fetched: ix.Fetched}
	for _, h := range r.Hits {
		a.IDs = append(a.IDs, h.ID)
		a.Scores = append(a.Scores, h.Score)
	}
	for _, s := range r.Sections {
		a.Sections[s.Slug] = s.Count
	}
	for _, y := range r.Years {
		a.Years[y.Year] = y.Count
	}
	return a
}

// normalizeAnswer makes empty lists and maps compare equal to missing
// ones.
func normalizeAnswer(a *answer) {
	if len(a.IDs) == 0 {
		a.IDs, a.Scores = nil, nil
	}
	if len(a.Terms) == 0 {
		a.Terms = nil
	}
	if len(a.Sections) == 0 {
		a.Sections = nil
	}
	if len(a.Years) == 0 {
		a.Years = nil
	}
}

// readQueries reads testdata/queries.txt: one query a line, # comments,
// ~ before a query that is typed.
func readQueries(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "queries.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			qs = append(qs, line)
		}
	}
	if len(qs) < 50 {
		t.Fatalf("testdata/queries.txt holds %d queries, want at least 50", len(qs))
	}
	return qs
}
