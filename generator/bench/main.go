// Command bench measures newsgen against Hugo on synthetic archives of
// several sizes and prints one table per size.
//
// For each size N it writes the corpus (package corpus) once, then, run
// after run, builds it with the newsgen binary as a child process: cold
// (a fresh site root with only seeds/ and newsgen.toml), again with
// nothing changed, after the next day's seed is added and after a
// back-dated seed is added. When hugo is on
// PATH it also runs `hugo --minify` on a Hugo site made from the same
// articles (the content files newsgen imported) with the layouts in
// generator/bench/hugo/layouts. Each child is measured from outside: wall time, CPU
// time (user and system) and peak resident memory from its rusage. Hugo
// is the binary the HUGO variable names, or hugo on PATH. Neither side
// pays for removing the last run's output: it is removed before the
// clock starts, for both. The
// table shows medians, newsgen's own stage times when `newsgen build
// -stats` is available, and a floor: the single-core cost of rendering
// and minifying every article page, divided by the cores, which no build
// can beat.
//
// Run it from the repository root:
//
//	go run ./generator/bench [-n 1000,10000,100000] [-runs 3] [-out .newsgen-cache/bench]
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// options are the command line's settings.
type options struct {
	sizes       []int
	runs        int
	out         string
	layouts     string
	floorSample int
	keep        bool
	search      bool
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	sizes := fs.String("n", "1000,10000,100000", "corpus sizes, comma-separated")
	fs.IntVar(&o.runs, "runs", 3, "repetitions of each scenario; the table shows medians")
	fs.StringVar(&o.out, "out", ".newsgen-cache/bench", "folder for corpora, sites, logs and the newsgen binary")
	fs.StringVar(&o.layouts, "hugo-layouts", "generator/bench/hugo/layouts", "layouts of the Hugo site")
	fs.IntVar(&o.floorSample, "floor-sample", 10000, "articles timed for the floor; more are scaled from them")
	fs.BoolVar(&o.keep, "keep", false, "keep each size's sites after its table (they are removed to save disk)")
	fs.BoolVar(&o.search, "search", true, "measure search: newsgen's index beside Pagefind's, and first queries in Chromium")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	var err error
	if o.sizes, err = parseSizes(*sizes); err != nil {
		return o, err
	}
	if o.runs < 1 {
		return o, errors.New("-runs must be at least 1")
	}
	return o, nil
}

func parseSizes(s string) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(f), "_", ""))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-n: %q is not a corpus size", f)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

func run(args []string) error {
	o, err := parseFlags(args)
	if err != nil {
		return err
	}
	e, err := setup(o)
	if err != nil {
		return err
	}
	e.describe(os.Stdout)
	for _, n := range o.sizes {
		if err := roomFor(o.out, n, n == slices.Max(o.sizes)); err != nil {
			progress("skipping N=%d: %v", n, err)
			fmt.Printf("\nN=%d skipped: %v\n", n, err)
			continue
		}
		res, err := e.size(n)
		if err != nil {
			return fmt.Errorf("N=%d: %w", n, err)
		}
		res.print(os.Stdout)
	}
	return nil
}

// progress writes a progress line to stderr.
func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}
