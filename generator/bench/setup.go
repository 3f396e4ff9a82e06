package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
)

// env is what every size's runs share: the tools and what they support.
type env struct {
	options
	newsgen string
	// stats says newsgen build has the -stats flag.
	stats bool
	// hugo is the hugo binary, "" when there is none.
	hugo        string
	hugoVersion string
	hugoMinor   int
	cores       int
	// pagefind is Pagefind's binary, "" when there is none, and then
	// pagefindNote says why.
	pagefind, pagefindNote string
}

// setup builds the newsgen binary and looks for Hugo.
func setup(o options) (*env, error) {
	out, err := filepath.Abs(o.out)
	if err != nil {
		return nil, err
	}
	o.out = out
	if o.layouts, err = filepath.Abs(o.layouts); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return nil, err
	}
	e := &env{options: o, newsgen: filepath.Join(o.out, "newsgen"), cores: runtime.NumCPU()}
	progress("building %s", e.newsgen)
	if b, err := exec.Command("go", "build", "-o", e.newsgen, "./generator").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build ./generator: %v\n%s", err, b)
	}
	help, _ := exec.Command(e.newsgen, "build", "-h").CombinedOutput()
	e.stats = strings.Contains(string(help), "-stats")
	e.findHugo()
	if o.search {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = o.out
		}
		e.pagefind, e.pagefindNote = findPagefind(filepath.Join(cache, "newsgen"))
	}
	return e, nil
}

var hugoVersion = regexp.MustCompile(`v0\.(\d+)\.\d+\S*`)

// findHugo takes Hugo from the HUGO variable when it is set, else from
// the PATH.
func (e *env) findHugo() {
	name := "hugo"
	if h := os.Getenv("HUGO"); h != "" {
		name = h
	}
	path, err := exec.LookPath(name)
	if err != nil {
		if name != "hugo" {
			progress("HUGO=%s: %v; leaving Hugo out", name, err)
		}
		return
	}
	out, err := exec.Command(path, "version").Output()
	if err != nil {
		progress("hugo version: %v; leaving Hugo out", err)
		return
	}
	e.hugo, e.hugoVersion = path, strings.TrimSpace(string(out))
	if m := hugoVersion.FindStringSubmatch(e.hugoVersion); m != nil {
		e.hugoMinor, _ = strconv.Atoi(m[1])
	}
}

func (e *env) describe(w io.Writer) {
	fmt.Fprintf(w, "newsgen vs Hugo on %d cores (%s/%s, %s)\n", e.cores, runtime.GOOS, runtime.GOARCH, runtime.Version())
	if e.hugo == "" {
		fmt.Fprintln(w, "Hugo: not on PATH, left out")
	} else {
		fmt.Fprintln(w, "Hugo:", e.hugoVersion)
	}
	if e.search && e.pagefind == "" {
		fmt.Fprintln(w, "Pagefind:", e.pagefindNote)
	}
	if !e.stats {
		fmt.Fprintln(w, "newsgen build has no -stats flag: stage times come from its summary line, or are n/a")
	}
}
