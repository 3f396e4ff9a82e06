package main

import (
	"newsgen/generator/corpus"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsgen/generator/content"
)

func TestParseSizesReadsCommaSeparatedCounts(t *testing.T) {
	got, err := parseSizes("1000, 10_000,100000")
	if err != nil || len(got) != 3 || got[0] != 1000 || got[1] != 10000 || got[2] != 100000 {
		t.Fatalf("parseSizes = %v, %v", got, err)
	}
	for _, bad := range []string{"", "10,", "0", "-5", "ten"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q) accepted it", bad)
		}
	}
}

func TestMedianIsTheMiddleRun(t *testing.T) {
	ss := []sample{{wall: 3 * time.Second}, {wall: time.Second}, {wall: 9 * time.Second}}
	if m := median(ss, func(s sample) time.Duration { return s.wall }); m != 3*time.Second {
		t.Fatalf("median = %v, want 3s", m)
	}
	ss = append(ss, sample{wall: 2 * time.Second})
	if m := median(ss, func(s sample) time.Duration { return s.wall }); m != 2*time.Second {
		t.Fatalf("median of four = %v, want the lower middle, 2s", m)
	}
}

func TestStatsFromLogReadsTheSummaryLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "build.log")
	log := "import: 200 imported\nbuild: 200 articles; 422 files written, 0 unchanged, 0 removed; 1.22s (import 650ms, load 23ms, markdown 1.5s, write 800µs); peak memory 32 MiB\n"
	if err := os.WriteFile(p, []byte(log), 0o644); err != nil {
		t.Fatal(err)
	}
	s := statsFromLog(p)
	if s == nil {
		t.Fatal("no stats read")
	}
	want := map[string]float64{"import": 650, "load": 23, "markdown": 1500, "write": 0.8}
	for k, v := range want {
		if s.StagesMS[k] != v {
			t.Errorf("stage %s = %v ms, want %v", k, s.StagesMS[k], v)
		}
	}
	if len(s.StagesMS) != len(want) || s.PeakRSSMiB != 32 {
		t.Errorf("stats = %+v", s)
	}
	if statsFromLog(filepath.Join(t.TempDir(), "missing.log")) != nil {
		t.Error("a missing log gave stats")
	}
}

func TestHugoFileMakesCategoryAndYearTaxonomies(t *testing.T) {
	a := &content.Article{Meta: content.Meta{Title: `A "quoted": title`, Slug: "a-quoted-title",
		Date: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC), Category: "Business & Economy", Tags: []string{"Trade", "Tax"}},
		Body: "Text.\n"}
	got := string(hugoFile(a))
	for _, want := range []string{"title: 'A \"quoted\": title'", "date: \"2019-03-04\"", "categories:\n    - Business & Economy", "years:\n    - \"2019\"", "tags:\n    - Trade\n    - Tax", "---\n\nText.\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("Hugo file lacks %q:\n%s", want, got)
		}
	}
}

func TestHugoConfigFollowsTheVersion(t *testing.T) {
	old := (&env{hugoMinor: 111}).hugoConfig()
	if !strings.Contains(old, "paginate = 20\nrssLimit = 50\n\n[params]") || strings.Contains(old, "pagerSize") {
		t.Errorf("config for Hugo 0.111:\n%s", old)
	}
	cur := (&env{hugoMinor: 140}).hugoConfig()
	if !strings.Contains(cur, "[pagination]\npagerSize = 20") || !strings.Contains(cur, "[services.rss]\nlimit = 50") || strings.Contains(cur, "paginate =") {
		t.Errorf("config for Hugo 0.140:\n%s", cur)
	}
}

func TestSpreadPicksEvenly(t *testing.T) {
	list := []string{"a", "b", "c", "d", "e", "f"}
	if got := strings.Join(spread(list, 3), ""); got != "ace" {
		t.Errorf("spread of 6 to 3 = %q, want ace", got)
	}
	if got := strings.Join(spread(list, 10), ""); got != "abcdef" {
		t.Errorf("spread of 6 to 10 = %q", got)
	}
}

func TestFreshSiteLinksSeedsWithTheirTimes(t *testing.T) {
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	if err := writeSeedDir(seeds); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "site")
	os.MkdirAll(filepath.Join(site, "public"), 0o755)
	if err := freshSite(site, seeds); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(site, "public")); !os.IsNotExist(err) {
		t.Error("freshSite kept the old public/")
	}
	files, _ := os.ReadDir(filepath.Join(site, "seeds"))
	if len(files) != 2 {
		t.Fatalf("site has %d seeds, want 2", len(files))
	}
	for _, f := range files {
		a, _ := os.Stat(filepath.Join(seeds, f.Name()))
		b, _ := os.Stat(filepath.Join(site, "seeds", f.Name()))
		if !a.ModTime().Equal(b.ModTime()) {
			t.Errorf("%s: time %v, corpus has %v", f.Name(), b.ModTime(), a.ModTime())
		}
	}
	if _, err := os.Stat(filepath.Join(site, "newsgen.toml")); err != nil {
		t.Error(err)
	}
}

func writeSeedDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range 2 {
		if err := writeSeed(dir, i, corpus.Seed); err != nil {
			return err
		}
	}
	return nil
}

func TestMeasureReportsUsageAndFailure(t *testing.T) {
	log := filepath.Join(t.TempDir(), "run.log")
	ok := measure(log, "sh", "-c", "echo fine")
	if ok.failed != "" || ok.wall <= 0 || ok.rss <= 0 {
		t.Fatalf("sample of a good run = %+v", ok)
	}
	bad := measure(log, "sh", "-c", "echo broken; exit 3")
	if !strings.Contains(bad.failed, "exit status 3") || !strings.Contains(bad.failed, "broken") {
		t.Fatalf("failure = %q, want the exit status and the end of the log", bad.failed)
	}
}
