package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"runtime/trace"
	"strconv"
	"strings"
	"time"

	"newsgen/generator/check"
	"newsgen/generator/pipeline"
	"newsgen/generator/progress"
	"newsgen/generator/serve"
)

// errUsage means the usage was printed already.
var errUsage = errors.New("usage")

type command struct {
	name, args, summary string
	run                 func(fs *flag.FlagSet, args []string) error
}

var commands = []command{
	{"import", "[-C root] [-strict] [-quiet]", "turn seeds/ into Markdown articles in content/", runImport},
	{"build", "[-C root] [-out dir] [-base-url url] [-strict] [-drafts] [-future] [-watch] [-quiet]", "import, then render content/ into public/, minified", runBuild},
	{"serve", "[-C root] [-addr 127.0.0.1:1313] [-out dir] [-drafts] [-future] [-quiet]", "build, then serve the site with live reload and rebuild it as files change", runServe},
	{"check", "[-C root] [-out dir] [-base-url url] [-strict]", "check the built site for broken links and anchors, bad HTML, feeds and sitemaps", runCheck},
	{"deploy", "[-C root] [-out dir] [-to url] [-full] [-dry-run] [-max-deletes n] [-workers n]", "copy the built site to object storage (S3, GCS, Azure or a folder), uploading only what changed", runDeploy},
}

func run(args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage()
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	for _, c := range commands {
		if c.name == args[0] {
			fs := flag.NewFlagSet("newsgen "+c.name, flag.ContinueOnError)
			fs.Usage = func() {
				fmt.Fprintf(fs.Output(), "usage: newsgen %s %s\n\n%s.\n\nFlags:\n", c.name, c.args, upperFirst(c.summary))
				fs.PrintDefaults()
			}
			err := c.run(fs, args[1:])
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "newsgen: unknown command %q\n", args[0])
	usage()
	return errUsage
}

func usage() {
	fmt.Fprintln(os.Stderr, "newsgen builds a static news archive from scraped seed articles.\n\nusage: newsgen COMMAND [flags]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(os.Stderr, "  %-7s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(os.Stderr, "\nRun 'newsgen COMMAND -h' for a command's flags.")
}

func upperFirst(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// siteFlags are the flags every command that reads a site shares.
type siteFlags struct {
	root   string
	strict bool
	quiet  bool
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.root, "C", ".", "site root holding seeds/, content/, layouts/ and "+"newsgen.toml")
	fs.BoolVar(&f.strict, "strict", false, "fail when any seed is skipped (for CI)")
	fs.BoolVar(&f.quiet, "quiet", false, quietUsage)
}

const quietUsage = "show no progress: neither live bars on a terminal nor a line every 10 seconds elsewhere"

// startProgress shows the build's progress on standard error unless
// quiet. While bars are drawn on the terminal, the lines of the log print
// above them rather than into them.
func startProgress(o *pipeline.Options, quiet bool) {
	o.Progress = progress.ForStderr(quiet)
	if o.Progress.Terminal() && o.Log == io.Writer(os.Stdout) && progress.IsTerminal(os.Stdout) {
		o.Log = o.Progress.Log(os.Stdout)
	}
}

func runImport(fs *flag.FlagSet, args []string) error {
	var sf siteFlags
	sf.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	o := pipeline.Options{Root: sf.root, Log: os.Stdout}
	startProgress(&o, sf.quiet)
	rep, err := pipeline.Import(o)
	o.Progress.Stop()
	if err != nil {
		return err
	}
	return rep.Err(sf.strict)
}

func runBuild(fs *flag.FlagSet, args []string) error {
	var sf siteFlags
	sf.register(fs)
	o := pipeline.Options{Log: os.Stdout}
	fs.StringVar(&o.Out, "out", "", "output folder (default ROOT/public)")
	fs.StringVar(&o.BaseURL, "base-url", "", "base URL the site is published at, overriding base_url in the config")
	fs.BoolVar(&o.Drafts, "drafts", false, "publish articles marked draft: true")
	fs.BoolVar(&o.Future, "future", false, "publish articles dated after the build time")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	traceFile := fs.String("trace", "", "write an execution trace of the build to this file (for go tool trace)")
	watchFlag := fs.Bool("watch", false, "after the build, rebuild whenever seeds, content, layouts or the config change")
	statsFile := fs.String("stats", "", "write the build's figures (pages, stage times, peak memory) to this file as JSON")
	memProfile := fs.String("memprofile", "", "write a heap profile, taken near the heap's peak, to this file (for go tool pprof)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *memProfile != "" {
		defer startHeapProfile(*memProfile)()
	}
	if *cpuProfile != "" {
		stop, err := startProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if *traceFile != "" {
		stop, err := startTrace(*traceFile)
		if err != nil {
			return err
		}
		defer stop()
	}
	now, err := buildTime()
	if err != nil {
		return err
	}
	o.Root, o.Strict, o.Now = sf.root, sf.strict, now
	startProgress(&o, sf.quiet)
	defer o.Progress.Stop()
	if *watchFlag {
		o.Live, o.Log = true, io.Discard // one line per rebuild instead
		ctx, stop := notifyContext()
		defer stop()
		l := &live{builder: pipeline.NewBuilder(o), root: o.Root, out: os.Stdout}
		return l.run(ctx)
	}
	rep, err := pipeline.Build(o)
	if *statsFile != "" {
		if serr := rep.WriteStats(*statsFile); serr != nil && err == nil {
			err = serr
		}
	}
	return err
}

func runServe(fs *flag.FlagSet, args []string) error {
	o := pipeline.Options{Log: io.Discard, Live: true}
	fs.StringVar(&o.Root, "C", ".", "site root holding seeds/, content/, layouts/ and newsgen.toml")
	fs.StringVar(&o.Out, "out", "", "output folder to build into and serve (default ROOT/public)")
	addr := fs.String("addr", serve.DefaultAddr, "address to listen on; keep 127.0.0.1 unless others must reach the preview")
	fs.BoolVar(&o.Drafts, "drafts", false, "publish articles marked draft: true")
	fs.BoolVar(&o.Future, "future", false, "publish articles dated after the build time")
	quiet := fs.Bool("quiet", false, quietUsage)
	if err := parse(fs, args); err != nil {
		return err
	}
	now, err := buildTime()
	if err != nil {
		return err
	}
	o.Now = now
	startProgress(&o, *quiet)
	defer o.Progress.Stop()
	say := io.Writer(os.Stdout) // above the bars of the first build
	if o.Progress.Terminal() && progress.IsTerminal(os.Stdout) {
		say = o.Progress.Log(os.Stdout)
	}
	cfg, err := pipeline.LoadConfig(o)
	if err != nil {
		return err
	}
	// Listen before building: a port in use or a bad address ends the
	// command at once, with one line, rather than leaving a watcher
	// running that nobody can reach.
	ln, err := serve.Listen(*addr)
	if err != nil {
		return err
	}
	if warning := serve.Exposure(ln.Addr()); warning != "" {
		fmt.Fprintln(os.Stderr, warning)
	}
	b := pipeline.NewBuilder(o)
	srv := serve.New(b.Out(), serve.Options{BasePath: cfg.BasePath(), LiveReload: true,
		OnListen: func(u string) { fmt.Fprintf(say, "serving %s at %s\n", o.Root, u) }})
	ctx, stop := notifyContext()
	defer stop()
	l := &live{builder: b, root: o.Root, srv: srv, out: os.Stdout}
	errs := make(chan error, 1)
	go func() {
		err := srv.Serve(ctx, ln)
		if err != nil {
			stop() // a server that fails ends watch mode too
		}
		errs <- err
	}()
	err = l.run(ctx)
	stop()
	if serr := <-errs; serr != nil {
		return serr
	}
	return err
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%s: unexpected argument %q (see -h)", fs.Name(), fs.Arg(0))
	}
	return nil
}

// buildTime is SOURCE_DATE_EPOCH when set, so that builds are
// reproducible, and otherwise the clock.
func buildTime() (time.Time, error) {
	v, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || v == "" {
		return time.Now(), nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a whole number of seconds", v)
	}
	return time.Unix(sec, 0).UTC(), nil
}

// startProfile writes a CPU profile until the returned function is called.
func startProfile(name string) (func(), error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// startTrace records an execution trace: where the workers wait, on
// the disk or on each other, which a CPU profile does not show.
func startTrace(name string) (func(), error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := trace.Start(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { trace.Stop(); f.Close() }, nil
}

// runCheck checks the built site and prints each problem as a line; any
// problem fails the command, so that CI does not publish a broken site.
// A site past a host's limits is a warning, and with -strict a failure.
func runCheck(fs *flag.FlagSet, args []string) error {
	root := fs.String("C", ".", "site root holding newsgen.toml")
	out := fs.String("out", "", "folder of the built site (default ROOT/public)")
	baseURL := fs.String("base-url", "", "base URL the site was built for, overriding base_url in the config")
	strict := fs.Bool("strict", false, "fail when the site passes a host's limits (size, files, files in a folder), not only on problems")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := pipeline.LoadConfig(pipeline.Options{Root: *root, BaseURL: *baseURL})
	if err != nil {
		return err
	}
	dir := *out
	if dir == "" {
		dir = filepath.Join(*root, pipeline.OutDir)
	}
	probs, err := check.Site(dir, check.Options{BaseURL: cfg.BaseURL, BasePath: cfg.BasePath()})
	if err != nil {
		return err
	}
	for _, p := range probs {
		fmt.Println(p)
	}
	size, err := check.Measure(check.DirTree(dir))
	if err != nil {
		return err
	}
	warnings := size.HostWarnings()
	for _, w := range warnings {
		fmt.Printf("check: warning: %s\n", w)
	}
	if len(probs) > 0 {
		return fmt.Errorf("check: %d problems in %s; %s", len(probs), dir, size)
	}
	if *strict && len(warnings) > 0 {
		return fmt.Errorf("check: %s passes %d host limits (-strict); %s", dir, len(warnings), size)
	}
	fmt.Printf("check: %s has no problems; %s\n", dir, size)
	return nil
}
