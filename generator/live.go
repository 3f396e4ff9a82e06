package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/pipeline"
	"newsgen/generator/render"
	"newsgen/generator/serve"
	"newsgen/generator/watch"
)

// live keeps a site built while its files change: one build at start,
// then one rebuild per batch of changes from the watcher. With a server it
// also reloads the browser and shows build errors over the page.
type live struct {
	builder *pipeline.Builder
	root    string
	srv     *serve.Server // nil without a server
	out     io.Writer
	// warned are the warnings of the last build, said already.
	warned map[string]bool
}

// watchRoots are the site's inputs: never the output, which would feed
// back into the watcher.
func watchRoots(root string) []string {
	return []string{
		filepath.Join(root, pipeline.SeedDir),
		filepath.Join(root, pipeline.ContentDir),
		filepath.Join(root, render.LayoutDir),
		filepath.Join(root, pipeline.StaticDir),
		filepath.Join(root, config.FileName),
	}
}

// run builds, then rebuilds on every batch until ctx ends, and leaves the
// cache for the next build.
func (l *live) run(ctx context.Context) error {
	defer func() {
		if err := l.builder.Close(); err != nil {
			fmt.Fprintln(l.out, err)
		}
	}()
	l.rebuild(nil)
	w, err := watch.New(watchRoots(l.root), watch.Options{})
	if err != nil {
		return err
	}
	defer w.Close()
	fmt.Fprintf(l.out, "watching %s for changes; press Ctrl-C to stop\n", l.root)
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors():
			if ok {
				fmt.Fprintln(l.out, err)
			}
		case b, ok := <-w.Batches():
			if !ok {
				return nil
			}
			l.rebuild(b.Paths())
		}
	}
}

// rebuild builds once and says so in one line: what changed, what was
// rendered and written, and how long it took. Errors go to the terminal
// and, with a server, over the page; the last good site stays served.
func (l *live) rebuild(changed []string) {
	start := time.Now()
	shown := l.preview(changed)
	shownIn := time.Since(start).Round(time.Millisecond)
	rep, err := l.builder.Rebuild(changed)
	took := time.Since(start).Round(time.Millisecond)
	what := "initial build"
	if changed != nil {
		what = describe(l.root, changed)
	}
	if err != nil {
		fmt.Fprintf(l.out, "%s: failed in %s:\n%s\n", what, took, err)
		l.tell(err.Error(), "")
		return
	}
	if shown > 0 {
		what += fmt.Sprintf(": shown in %s", shownIn)
	}
	fmt.Fprintf(l.out, "%s: %d pages rendered, %d files written, %d removed in %s\n",
		what, rep.Rendered, rep.Written, rep.Removed, took)
	for _, s := range rep.Skipped {
		fmt.Fprintf(l.out, "  skipped %s\n", s)
	}
	l.warn(rep.Warnings)
	if rep.Written+rep.Removed > 0 && shown == 0 {
		l.tell("", reloadKind(changed))
	} else {
		l.tell("", "")
	}
}

// preview shows, with a server, the edited articles' pages before the
// rebuild (see pipeline.Builder.Preview), and reloads the browser once
// they are written: an edit to an article's text shows at once, however
// large the archive. It returns how many pages it showed. The rebuild
// that follows writes the same bytes for them and changes no page that
// lists them, so it reloads nothing more.
func (l *live) preview(changed []string) int {
	if l.srv == nil || changed == nil {
		return 0
	}
	n, ok := l.builder.Preview(changed)
	if !ok || n == 0 {
		return 0
	}
	l.srv.SetError("")
	l.srv.Reload("reload")
	return n
}

// warn prints the warnings the last rebuild did not already print: one
// that stays, such as a missing base URL, is said once, not after every
// save.
func (l *live) warn(warnings []string) {
	now := make(map[string]bool, len(warnings))
	for _, w := range warnings {
		if !l.warned[w] && !now[w] {
			fmt.Fprintf(l.out, "  %s\n", w)
		}
		now[w] = true
	}
	l.warned = now
}

func (l *live) tell(problem, reload string) {
	if l.srv == nil {
		return
	}
	l.srv.SetError(problem)
	if reload != "" {
		l.srv.Reload(reload)
	}
}

// reloadKind is "css" when only stylesheets changed, so that the browser
// swaps them without reloading the page.
func reloadKind(changed []string) string {
	for _, p := range changed {
		if !strings.HasSuffix(p, ".css") {
			return "reload"
		}
	}
	if len(changed) == 0 {
		return "reload"
	}
	return "css"
}

func describe(root string, changed []string) string {
	names := make([]string, 0, 3)
	for i, p := range changed {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(changed)-3))
			break
		}
		if rel, err := filepath.Rel(root, p); err == nil {
			p = rel
		}
		names = append(names, filepath.ToSlash(p))
	}
	return "changed " + strings.Join(names, ", ")
}

// notifyContext is cancelled on Ctrl-C.
var notifyContext = func() (context.Context, context.CancelFunc) {
	return signalContext(os.Interrupt)
}
