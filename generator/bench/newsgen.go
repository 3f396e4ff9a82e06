package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"newsgen/generator/corpus"
	"newsgen/generator/importer"
)

// The scenarios, in the order the table shows them.
const (
	cold    = "newsgen cold"
	rebuild = "newsgen rebuild, no change"
	added   = "newsgen after next day's seed"
	// backdated adds a seed dated inside the archive: every list, feed
	// and search chunk after its date moves by one.
	backdated = "newsgen after a back-dated seed"
	hugoRun   = "hugo --minify"
)

// siteConfig is the newsgen.toml of every benchmark site.
const siteConfig = `title = "The Newsgen Archive"
description = "An archive of world news, built with newsgen."
base_url = "https://example.org/"
per_page = 20

[feeds]
limit = 50
`

// size benchmarks one corpus size.
func (e *env) size(n int) (*result, error) {
	dir := filepath.Join(e.out, strconv.Itoa(n))
	r := &result{n: n, cores: e.cores, samples: map[string][]sample{}}
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	progress("N=%d: writing %d seeds", n, n)
	start := time.Now()
	if err := corpus.Write(filepath.Join(dir, "seeds"), n); err != nil {
		return nil, err
	}
	r.corpusTime = time.Since(start)
	if err := os.MkdirAll(filepath.Join(dir, "logs"), 0o755); err != nil {
		return nil, err
	}
	for run := range e.runs {
		if err := e.repetition(r, dir, run); err != nil {
			return nil, err
		}
	}
	if e.search {
		r.search = e.measureSearch(r, dir)
	}
	if !e.keep {
		os.RemoveAll(filepath.Join(dir, "site"))
		os.RemoveAll(filepath.Join(dir, "hugo"))
	}
	return r, nil
}

// repetition runs every scenario once. The first run also prepares, from
// the articles the cold build imported, what the others reuse: the Hugo
// site and the floor.
func (e *env) repetition(r *result, dir string, run int) error {
	site := filepath.Join(dir, "site")
	if err := e.coldBuild(r, dir, site, run); err != nil {
		return err
	}
	if run == 0 {
		if err := e.prepare(r, dir, site); err != nil {
			return err
		}
		r.size = measureSize(dir, site, r.articles)
	}
	e.record(r, rebuild, run, e.newsgenBuild(dir, site, "rebuild", run))
	if err := writeSeed(filepath.Join(site, "seeds"), r.n, corpus.Fresh); err != nil {
		return err
	}
	e.record(r, added, run, e.newsgenBuild(dir, site, "added", run))
	if err := writeSeed(filepath.Join(site, "seeds"), r.n+1, corpus.Seed); err != nil {
		return err
	}
	e.record(r, backdated, run, e.newsgenBuild(dir, site, "backdated", run))
	if e.hugo != "" {
		e.record(r, hugoRun, run, e.hugoBuild(dir, run))
	}
	return nil
}

// coldBuild builds a fresh site root holding only the seeds.
func (e *env) coldBuild(r *result, dir, site string, run int) error {
	if err := freshSite(site, filepath.Join(dir, "seeds")); err != nil {
		return err
	}
	if r.harnessImports {
		if err := importSeeds(site); err != nil {
			return err
		}
	}
	s := e.newsgenBuild(dir, site, "cold", run)
	if run == 0 && countFiles(filepath.Join(site, "content"), ".md") == 0 {
		if err := e.importInstead(r, site); err != nil {
			return err
		}
		s = e.newsgenBuild(dir, site, "cold", run)
	}
	e.record(r, cold, run, s)
	return nil
}

func (e *env) prepare(r *result, dir, site string) error {
	r.articles = countFiles(filepath.Join(site, "content"), ".md")
	progress("N=%d: timing the floor", r.n)
	var err error
	if r.floor, err = measureFloor(site, e.floorSample); err != nil {
		return err
	}
	if e.hugo == "" {
		return nil
	}
	progress("N=%d: making the Hugo site", r.n)
	return e.prepareHugo(dir, site)
}

// importInstead covers a newsgen whose build does not import seeds yet:
// the harness imports them itself, so that both generators still get
// the same articles, and says so under the table.
func (e *env) importInstead(r *result, site string) error {
	r.harnessImports = true
	r.notes = append(r.notes, "newsgen build wrote no content/, so the harness imported the seeds (importer.Import) before each cold build; the seed added later is not imported")
	progress("N=%d: newsgen build imported nothing; importing with importer.Import", r.n)
	for _, d := range []string{"public", ".newsgen-cache"} {
		if err := os.RemoveAll(filepath.Join(site, d)); err != nil {
			return err
		}
	}
	return importSeeds(site)
}

func (e *env) newsgenBuild(dir, site, label string, run int) sample {
	logs := filepath.Join(dir, "logs")
	statsPath := filepath.Join(logs, fmt.Sprintf("newsgen-%s-%d.json", label, run))
	args := []string{"build", "-C", site}
	if e.stats {
		args = append(args, "-stats", statsPath)
	}
	logPath := filepath.Join(logs, fmt.Sprintf("newsgen-%s-%d.log", label, run))
	s := measure(logPath, e.newsgen, args...)
	s.pages = countFiles(filepath.Join(site, "public"), ".html")
	if e.stats {
		s.stats = readStats(statsPath)
	} else {
		s.stats = statsFromLog(logPath)
	}
	return s
}

func (e *env) record(r *result, scenario string, run int, s sample) {
	r.samples[scenario] = append(r.samples[scenario], s)
	progress("N=%d run %d/%d: %-28s wall %s, CPU %s, peak RSS %.0f MiB, %d pages",
		r.n, run+1, e.runs, scenario, s.wall.Round(time.Millisecond), s.cpu.Round(time.Millisecond), mib(s.rss), s.pages)
	if s.failed != "" {
		progress("warning: %s", s.failed)
	}
}

// freshSite makes a site root holding only the corpus's seeds, hard-linked
// (or copied where links fail) so that their times stay the corpus's,
// and newsgen.toml.
func freshSite(site, seeds string) error {
	if err := os.RemoveAll(site); err != nil {
		return err
	}
	dst := filepath.Join(site, "seeds")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	files, err := os.ReadDir(seeds)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := linkOrCopy(filepath.Join(seeds, f.Name()), filepath.Join(dst, f.Name())); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(site, "newsgen.toml"), []byte(siteConfig), 0o644)
}

func linkOrCopy(src, dst string) error {
	if os.Link(src, dst) == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	return os.Chtimes(dst, fi.ModTime(), fi.ModTime())
}

// writeSeed adds seed i of the corpus, as made by seed (corpus.Seed or
// corpus.Fresh), to a folder, with its time.
func writeSeed(dir string, i int, seed func(int) (string, []byte, time.Time)) error {
	name, text, mod := seed(i)
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, text, 0o644); err != nil {
		return err
	}
	return os.Chtimes(p, mod, mod)
}

func importSeeds(site string) error {
	_, err := importer.Import(importer.ImportOptions{
		SeedsDir:    filepath.Join(site, "seeds"),
		ContentDir:  filepath.Join(site, "content"),
		DisplayRoot: site,
	})
	return err
}
