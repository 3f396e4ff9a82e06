package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromium is where Debian's chromium package installs the browser.
const chromium = "/usr/bin/chromium"

// waitTimeout bounds every wait on the browser or the server. It is
// generous, so that only a wait that would never end fails.
const waitTimeout = 30 * time.Second

// The site holds one seed, published as the article at articlePath.
const (
	seedName     = "000_09f99dd35366e427.txt"
	articlePath  = "2026/06/putin-finally-admits-he-never-actually-struck-a-deal-with-trump-at-alaska-summit/"
	articleTitle = "Putin finally admits he never actually struck a deal with Trump at Alaska Summit"
	oldSentence  = "The Kremlin has repeatedly mentioned"
	newSentence  = "The Kremlin has often mentioned"
	redTitleRule = "\n.story-title { color: rgb(1, 2, 3) !important; }\n"
	redTitle     = "rgb(1, 2, 3)"
)

// overlay selects the build error the live-reload script shows over the
// page.
const overlay = `[role="alertdialog"]`

// trackEventSources runs in every page before the page's own scripts and
// keeps each EventSource it opens in window.__sources, so that the test
// can wait until the page listens for changes before making one.
const trackEventSources = `(function () {
  var Native = window.EventSource;
  if (!Native) { return; }
  window.__sources = [];
  window.EventSource = class extends Native {
    constructor(url, init) { super(url, init); window.__sources.push(this); }
  };
})();`

// listening is true once every EventSource of the page is open.
const listening = `!!window.__sources && window.__sources.length > 0 &&
  window.__sources.every(function (s) { return s.readyState === EventSource.OPEN; })`

func TestServeFollowsEditsInTheBrowser(t *testing.T) {
	requireChromium(t)
	repo := moduleRoot(t)
	bin := buildNewsgen(t, repo)
	root := newSite(t, repo)
	srv := startServe(t, bin, root)
	ctx := newBrowser(t)
	seed := filepath.Join(root, "seeds", seedName)
	layout := filepath.Join(root, "layouts", "article.html")

	steps := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"the article opens with its title", func(t *testing.T) {
			do(t, ctx, "open the article", chromedp.Navigate(srv.url+articlePath))
			if got := strings.TrimSpace(run(t, ctx, "read the title", chromedp.Text(chromedp.CSS("h1")))); got != articleTitle {
				t.Fatalf("h1 = %q, want %q", got, articleTitle)
			}
		}},
		{"a seed edit reloads the page with the new text", func(t *testing.T) {
			waitUntil(t, ctx, "the page listens for changes", listening)
			do(t, ctx, "set a marker", evalVoid(`window.__marker = 1`))
			replaceInFile(t, seed, oldSentence, newSentence)
			waitUntil(t, ctx, "the page shows the edited sentence",
				fmt.Sprintf(`!!document.body && document.body.innerText.includes(%q)`, newSentence))
			if !run(t, ctx, "read the marker", chromedp.Evaluate[bool](`window.__marker === undefined`)) {
				t.Errorf("the page shows the edit but kept window.__marker: it was patched in place, want a reload")
			}
		}},
		{"a broken layout shows its error over the page", func(t *testing.T) {
			waitUntil(t, ctx, "the page listens for changes", listening)
			writeFile(t, layout, `{{define "main"}}{{.Article.Nope}}{{end}}`)
			waitUntil(t, ctx, "the error overlay names layouts/article.html",
				`(function () {
				  var box = document.querySelector('`+overlay+`');
				  return !!box && box.innerText.includes("layouts/article.html:");
				})()`)
			do(t, ctx, "see the overlay", chromedp.WaitVisible(chromedp.CSS(overlay)))
		}},
		{"fixing the layout hides the error and shows the article", func(t *testing.T) {
			if err := os.Remove(layout); err != nil {
				t.Fatal(err)
			}
			waitUntil(t, ctx, "the overlay is gone and the article is back",
				fmt.Sprintf(`!document.querySelector('%s') && !!document.querySelector("h1") &&
				  document.querySelector("h1").innerText.trim() === %q &&
				  document.body.innerText.includes(%q)`, overlay, articleTitle, newSentence))
		}},
		{"a stylesheet edit restyles the page without reloading it", func(t *testing.T) {
			waitUntil(t, ctx, "the page listens for changes", listening)
			do(t, ctx, "set a marker", evalVoid(`window.__marker = 2`))
			css, err := os.ReadFile(filepath.Join(repo, "layouts", "style.css"))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(root, "layouts", "style.css"), string(css)+redTitleRule)
			waitUntil(t, ctx, "the title turns "+redTitle,
				fmt.Sprintf(`!!document.querySelector("h1") &&
				  getComputedStyle(document.querySelector("h1")).color === %q`, redTitle))
			if !run(t, ctx, "read the marker", chromedp.Evaluate[bool](`window.__marker === 2`)) {
				t.Errorf("window.__marker is gone after a stylesheet edit: the page reloaded, want only its styles swapped")
			}
		}},
		{"an interrupt stops the server cleanly", func(t *testing.T) {
			srv.stop(t)
		}},
	}
	for _, s := range steps {
		if !t.Run(s.name, s.run) {
			return
		}
	}
}

// requireChromium skips the test when the browser is missing, except in
// CI, where the test must run.
func requireChromium(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromium); err == nil {
		return
	} else if os.Getenv("CI") != "" {
		t.Fatalf("CI is set but the browser is missing (run .ci/chromium): %v", err)
	}
	t.Skipf("%s is not installed; run .ci/chromium to install it and run this test", chromium)
}

// moduleRoot returns the repository's root, two folders above this
// package.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no module root at %s: %v", root, err)
	}
	return root
}

// buildNewsgen builds the newsgen binary from the repository at repo and
// returns its path.
func buildNewsgen(t *testing.T, repo string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsgen")
	cmd := exec.Command("go", "build", "-o", bin, "./generator")
	cmd.Dir = repo
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// newSite returns a site root holding one seed and a configuration that
// serves the site at "/".
func newSite(t *testing.T, repo string) string {
	t.Helper()
	root := t.TempDir()
	seed, err := os.ReadFile(filepath.Join(repo, "seeds", seedName))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "seeds", seedName), string(seed))
	writeFile(t, filepath.Join(root, "newsgen.toml"), "base_url = \"/\"\n")
	return root
}

// server is a running `newsgen serve`.
type server struct {
	url  string // the site's address, ending in "/"
	cmd  *exec.Cmd
	out  *syncBuffer
	done chan struct{} // closed once the process has exited and err is set
	err  error
}

// startServe runs `newsgen serve` on root and waits until it serves the
// built article and watches for changes. The process is killed at the
// end of the test unless stopped before; its output is logged if the
// test fails.
func startServe(t *testing.T, bin, root string) *server {
	t.Helper()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	s := &server{url: "http://" + addr + "/", out: &syncBuffer{}, done: make(chan struct{})}
	s.cmd = exec.CommandContext(ctx, bin, "serve", "-C", root, "-addr", addr)
	s.cmd.Stdout = s.out
	s.cmd.Stderr = s.out
	if err := s.cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	go func() {
		s.err = s.cmd.Wait()
		close(s.done)
	}()
	t.Cleanup(func() {
		cancel()
		<-s.done
		if t.Failed() {
			t.Logf("newsgen serve output:\n%s", s.out)
		}
	})
	s.waitReady(t)
	return s
}

// freeAddr returns a loopback address with a port that was free a moment
// ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// waitReady waits until the server answers with the article and has
// said that it watches the site.
func (s *server) waitReady(t *testing.T) {
	t.Helper()
	client := &http.Client{Timeout: 5 * time.Second}
	deadline := time.Now().Add(waitTimeout)
	var last string
	for {
		if code, err := get(client, s.url+articlePath); err != nil {
			last = err.Error()
		} else {
			last = fmt.Sprintf("GET %s: %d", articlePath, code)
			if code == http.StatusOK && strings.Contains(s.out.String(), "for changes") {
				return
			}
		}
		select {
		case <-s.done:
			t.Fatalf("newsgen serve exited before it was ready: %v", s.err)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("newsgen serve not ready after %v; last: %s", waitTimeout, last)
		}
	}
}

func get(client *http.Client, url string) (int, error) {
	resp, err := client.Get(url)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// stop interrupts the server, as Ctrl-C does, and checks that it exits
// with status 0.
func (s *server) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatalf("interrupt newsgen serve: %v", err)
	}
	select {
	case <-s.done:
	case <-time.After(waitTimeout):
		t.Fatalf("newsgen serve still running %v after an interrupt", waitTimeout)
	}
	if s.err != nil {
		t.Fatalf("newsgen serve ended with %v after an interrupt, want exit status 0", s.err)
	}
}

// newBrowser starts headless Chromium with a fresh profile and returns
// the context of its one tab. The browser is closed at the end of the
// test; its output is logged if the test fails.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	profile := t.TempDir() // removed after the browser is closed
	out := &syncBuffer{}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests may run as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
		chromedp.CombinedOutput(out),
	)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
		if t.Failed() {
			t.Logf("chromium output, last lines:\n%s", lastLines(out.String(), 40))
		}
	})
	// The first action starts the browser, which lives as long as the
	// context of that action: it gets no deadline of its own, so the
	// wait for it is bounded here instead.
	started := make(chan error, 1)
	go func() {
		started <- chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
			_, err := cdp.Call(ctx, tab, page.AddScriptToEvaluateOnNewDocument,
				page.AddScriptToEvaluateOnNewDocumentParams{Source: trackEventSources})
			return err
		}))
	}()
	select {
	case err := <-started:
		if err != nil {
			t.Fatalf("start chromium: %v", err)
		}
	case <-time.After(waitTimeout):
		t.Fatalf("chromium did not start within %v", waitTimeout)
	}
	return ctx
}

// do runs actions in the tab, failing the test with what if they fail or
// take longer than waitTimeout.
func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, waitTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// run runs one action in the tab and returns its value, like do.
func run[T any](t *testing.T, ctx context.Context, what string, action chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, waitTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// evalVoid evaluates the JavaScript expression expr for its effect.
func evalVoid(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](expr)
}

// waitUntil evaluates the JavaScript expression cond in the tab until it
// is true, for up to waitTimeout. Unlike chromedp.Poll it carries on
// across page reloads: an evaluation that fails while the page is
// replaced is tried again. On failure it logs what the page shows.
func waitUntil(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	wctx, cancel := context.WithTimeout(ctx, waitTimeout)
	defer cancel()
	var lastErr error
	for {
		ok, err := chromedp.Run(wctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			lastErr = err
		}
		select {
		case <-wctx.Done():
			t.Logf("the page shows:\n%s", pageText(ctx))
			t.Fatalf("waited %v until %s; last error: %v", waitTimeout, what, lastErr)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// pageText returns the tab's address, the text of the build error
// overlay if there is one, and the start of the page's visible text; or
// why it cannot.
func pageText(ctx context.Context) string {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
	  var box = document.querySelector('`+overlay+`');
	  return location.href + "\nerror overlay: " + (box ? box.innerText : "(none)") +
	    "\n" + (document.body ? document.body.innerText.slice(0, 1500) : "(no body)");
	})()`))
	if err != nil {
		return err.Error()
	}
	return text
}

// writeFile saves data as name, making its folder first, the way many
// editors save: written in full outside the site, then renamed into
// place. A rebuild that the watcher starts for an earlier change, such as
// the one for the article that importing a seed writes, may still be
// reading the site; it then sees the old file or the new one, never a
// half-written one.
func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(t.TempDir(), filepath.Base(name))
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
}

// replaceInFile replaces the one occurrence of old in name with new.
func replaceInFile(t *testing.T, name, old, new string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), old); n != 1 {
		t.Fatalf("%s holds %q %d times, want once", name, old, n)
	}
	writeFile(t, name, strings.Replace(string(data), old, new, 1))
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// syncBuffer is a bytes.Buffer that a process and the test can share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
