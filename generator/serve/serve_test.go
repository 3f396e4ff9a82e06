package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const deadline = 10 * time.Second

// secret is what lies outside the output folder; no answer may hold it.
const secret = "SECRET-OUTSIDE-THE-SITE"

// site builds an output folder beside a file it must never serve, and
// returns the folder.
func site(t *testing.T) string {
	t.Helper()
	top := t.TempDir()
	dir := filepath.Join(top, "public")
	files := map[string]string{
		"index.html":              "<!doctype html><html><body><h1>Home</h1></body></html>",
		"404.html":                "<!doctype html><html><BODY><h1>Page not found</h1></BODY></html>",
		"style.css":               "body{color:red}",
		"app.js":                  "console.log(1)",
		"data.json":               `{"a":1}`,
		"feed.xml":                "<rss/>",
		"logo.svg":                "<svg/>",
		"robots.txt":              "User-agent: *",
		"2026/06/slug/index.html": "<html><body><h1>Slug</h1></body></html>",
		"empty/.keep":             "",
		"../etc/passwd":           secret,
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{"leak.txt": "../etc/passwd", "etc": "../etc", "abs.txt": filepath.Join(top, "etc", "passwd")} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

func TestPrettyURLsServeIndexFiles(t *testing.T) {
	h := New(site(t), Options{}).Handler()
	for target, want := range map[string]string{
		"/":                 "<h1>Home</h1>",
		"/index.html":       "<h1>Home</h1>",
		"/2026/06/slug/":    "<h1>Slug</h1>",
		"/2026/06/slug/?q=": "<h1>Slug</h1>",
	} {
		rec := get(t, h, target)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("GET %s = %d %q, want 200 with %q", target, rec.Code, rec.Body, want)
		}
	}
}

func TestFolderWithoutSlashRedirects(t *testing.T) {
	h := New(site(t), Options{}).Handler()
	for target, want := range map[string]string{
		"/2026/06/slug":     "/2026/06/slug/",
		"/2026/06/slug?x=1": "/2026/06/slug/?x=1",
		"/empty":            "/empty/",
	} {
		rec := get(t, h, target)
		if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != want {
			t.Errorf("GET %s = %d to %q, want 301 to %q", target, rec.Code, rec.Header().Get("Location"), want)
		}
	}
}

func TestMissingFileGetsTheSites404Page(t *testing.T) {
	h := New(site(t), Options{}).Handler()
	for _, target := range []string{"/nope.html", "/2026/07/", "/empty/", "/style.css/"} {
		rec := get(t, h, target)
		if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "Page not found") {
			t.Errorf("GET %s = %d %q, want 404 with the site's page", target, rec.Code, rec.Body)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q", target, ct)
		}
	}
}

func TestMissingFileWithout404PageIsPlain404(t *testing.T) {
	dir := site(t)
	os.Remove(filepath.Join(dir, "404.html"))
	rec := get(t, New(dir, Options{}).Handler(), "/nope")
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "404 page not found") {
		t.Fatalf("GET /nope = %d %q, want a plain 404", rec.Code, rec.Body)
	}
}

func TestContentTypes(t *testing.T) {
	h := New(site(t), Options{}).Handler()
	for target, want := range map[string]string{
		"/":           "text/html; charset=utf-8",
		"/style.css":  "text/css; charset=utf-8",
		"/app.js":     "text/javascript; charset=utf-8",
		"/data.json":  "application/json; charset=utf-8",
		"/feed.xml":   "application/xml; charset=utf-8",
		"/logo.svg":   "image/svg+xml; charset=utf-8",
		"/robots.txt": "text/plain; charset=utf-8",
	} {
		rec := get(t, h, target)
		if got := rec.Header().Get("Content-Type"); rec.Code != http.StatusOK || got != want {
			t.Errorf("GET %s = %d %q, want 200 %q", target, rec.Code, got, want)
		}
	}
}

func TestBasePath(t *testing.T) {
	h := New(site(t), Options{BasePath: "news"}).Handler()
	if rec := get(t, h, "/news/2026/06/slug/"); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "Slug") {
		t.Errorf("GET /news/2026/06/slug/ = %d %q", rec.Code, rec.Body)
	}
	if rec := get(t, h, "/news/2026/06/slug"); rec.Header().Get("Location") != "/news/2026/06/slug/" {
		t.Errorf("GET /news/2026/06/slug redirects to %q", rec.Header().Get("Location"))
	}
	for target, code := range map[string]int{"/news": http.StatusMovedPermanently, "/": http.StatusFound} {
		if rec := get(t, h, target); rec.Code != code || rec.Header().Get("Location") != "/news/" {
			t.Errorf("GET %s = %d to %q, want %d to /news/", target, rec.Code, rec.Header().Get("Location"), code)
		}
	}
	if rec := get(t, h, "/2026/06/slug/"); rec.Code != http.StatusNotFound {
		t.Errorf("GET outside the base path = %d, want 404", rec.Code)
	}
}

func TestNoFileOutsideTheOutput(t *testing.T) {
	h := New(site(t), Options{}).Handler()
	for _, target := range []string{
		"/../etc/passwd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/..%2f..%2fetc/passwd",
		"/%252e%252e/etc/passwd",
		"/%252e%252e%252fetc%252fpasswd",
		"/..%5cetc%5cpasswd",
		"/%5c..%5cetc/passwd",
		"/a%00b",
		"/leak.txt",
		"/abs.txt",
		"/etc/passwd",
		"/etc/",
	} {
		rec := get(t, h, target)
		if rec.Code != http.StatusBadRequest && rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 400 or 404", target, rec.Code)
		}
		if strings.Contains(rec.Body.String(), secret) {
			t.Errorf("GET %s served the file outside the output", target)
		}
	}
}

func TestRawDotDotOverTheWireIsRefused(t *testing.T) {
	srv := httptest.NewServer(New(site(t), Options{}).Handler())
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(deadline))
	io.WriteString(conn, "GET /../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	resp, err := io.ReadAll(conn)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(resp), "HTTP/1.1 400") || strings.Contains(string(resp), secret) {
		t.Fatalf("answer:\n%s", resp)
	}
}

func TestHeadHasNoBody(t *testing.T) {
	h := New(site(t), Options{LiveReload: true}).Handler()
	for target, code := range map[string]int{"/": 200, "/nope": 404} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, target, nil))
		if rec.Code != code || rec.Body.Len() != 0 {
			t.Errorf("HEAD %s = %d with %d bytes, want %d and none", target, rec.Code, rec.Body.Len(), code)
		}
	}
}

func TestOtherMethodsAreRefused(t *testing.T) {
	rec := httptest.NewRecorder()
	New(site(t), Options{}).Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("POST / = %d, want 405", rec.Code)
	}
}

func TestListenAndServeStopsOnCancel(t *testing.T) {
	urls := make(chan string, 1)
	s := New(site(t), Options{LiveReload: true, OnListen: func(u string) { urls <- u }})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.ListenAndServe(ctx, "127.0.0.1:0") }()
	var u string
	select {
	case u = <-urls:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(deadline):
		t.Fatal("not listening")
	}
	if !strings.HasPrefix(u, "http://127.0.0.1:") {
		t.Fatalf("URL %q, want one on 127.0.0.1", u)
	}
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET / = %d", resp.StatusCode)
	}
	stream, err := http.Get(strings.TrimSuffix(u, "/") + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("ListenAndServe = %v, want nil after cancel", err)
		}
	case <-time.After(deadline):
		t.Fatal("ListenAndServe did not return after cancel")
	}
	if _, err := http.Get(u); err == nil {
		t.Fatal("still answering after cancel")
	}
}

func TestListenAndServeReportsBindError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = New(t.TempDir(), Options{}).ListenAndServe(context.Background(), ln.Addr().String())
	if err == nil {
		t.Fatal("bound an address in use")
	}
}

// reader reads an event stream line by line.
type reader struct {
	t *testing.T
	r *bufio.Reader
}

// next returns the next event, or the next comment as name ":".
func (r reader) next() (name, data string) {
	r.t.Helper()
	var lines []string
	for {
		line, err := r.r.ReadString('\n')
		if err != nil {
			r.t.Fatalf("reading events: %v", err)
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "" && name != "":
			return name, strings.Join(lines, "\n")
		case strings.HasPrefix(line, ":"):
			return ":", line
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			lines = append(lines, strings.TrimPrefix(line, "data: "))
		}
	}
}

func (r reader) want(name, data string) {
	r.t.Helper()
	if n, d := r.next(); n != name || d != data {
		r.t.Fatalf("event %q %q, want %q %q", n, d, name, data)
	}
}

// connect opens the event stream of srv, closed when the test ends.
func connect(t *testing.T, srv *httptest.Server) (reader, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+EventsPath, nil)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("Content-Type %q", ct)
	}
	return reader{t, bufio.NewReader(resp.Body)}, cancel
}

func TestEventsDeliverReloadCSSErrorAndOK(t *testing.T) {
	s := New(site(t), Options{LiveReload: true})
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	r, _ := connect(t, srv)
	r.want("ok", "ok")
	s.Reload("reload")
	r.want("reload", "reload")
	s.Reload("css")
	r.want("css", "css")
	msg := "content/2026/a.md:3: bad date \"x\"\r\n<b>not html</b>"
	s.SetError(msg)
	r.want("error", "content/2026/a.md:3: bad date \"x\"\n<b>not html</b>")
	s.SetError("")
	r.want("ok", "ok")
}

func TestClientConnectingDuringAnErrorGetsItAtOnce(t *testing.T) {
	s := New(site(t), Options{LiveReload: true})
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	s.SetError("layouts/base.html:4: unexpected EOF")
	r, _ := connect(t, srv)
	r.want("error", "layouts/base.html:4: unexpected EOF")
}

func TestEventsHeartbeatAndUnsubscribe(t *testing.T) {
	s := New(site(t), Options{LiveReload: true})
	s.heartbeat = 10 * time.Millisecond
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	r, cancel := connect(t, srv)
	r.want("ok", "ok")
	if name, line := r.next(); name != ":" {
		t.Fatalf("got %q %q, want a comment line", name, line)
	}
	if n := s.clientCount(); n != 1 {
		t.Fatalf("%d clients, want 1", n)
	}
	cancel()
	for end := time.Now().Add(deadline); s.clientCount() != 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the client that left is still subscribed")
		}
	}
}

func TestSlowClientKeepsTheLatestState(t *testing.T) {
	s := New(site(t), Options{LiveReload: true})
	ch := s.subscribe()
	for range 100 {
		s.Reload("reload")
	}
	s.SetError("a.md:1: broken")
	var last event
	for len(ch) > 0 {
		last = <-ch
	}
	if last != (event{"error", "a.md:1: broken"}) {
		t.Fatalf("last event %v, want the error", last)
	}
}

func TestLiveReloadScript(t *testing.T) {
	dir := site(t)
	live := New(dir, Options{LiveReload: true}).Handler()
	plain := New(dir, Options{}).Handler()
	for _, target := range []string{"/", "/2026/06/slug/", "/nope"} {
		body := get(t, live, target).Body.String()
		i, j := strings.Index(body, "<script>"), strings.LastIndex(strings.ToLower(body), "</body>")
		if i < 0 || j < i || !strings.Contains(body, `new EventSource("/__newsgen/events")`) {
			t.Errorf("GET %s with live reload: no script before </body>:\n%s", target, body)
		}
		if strings.Contains(get(t, plain, target).Body.String(), "<script>") {
			t.Errorf("GET %s without live reload has the script", target)
		}
	}
	if got := get(t, live, "/style.css").Body.String(); got != "body{color:red}" {
		t.Errorf("style.css with live reload = %q, want it untouched", got)
	}
	if rec := get(t, plain, EventsPath); rec.Code != http.StatusNotFound {
		t.Errorf("events without live reload = %d, want 404", rec.Code)
	}
	disk, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if strings.Contains(string(disk), "<script>") {
		t.Error("the script reached the file on disk")
	}
}

func TestInjectWithoutBodyAppends(t *testing.T) {
	got := string(inject([]byte("<p>x")))
	if !strings.HasPrefix(got, "<p>x<script>") {
		t.Fatalf("inject = %q", got)
	}
}

func TestScriptShowsErrorsAsText(t *testing.T) {
	for _, want := range []string{`role", "alertdialog"`, "textContent = msg", "monospace", `addEventListener("ok", hide)`, `rel~="stylesheet"`, "location.reload()"} {
		if !strings.Contains(script, want) {
			t.Errorf("script lacks %q", want)
		}
	}
	if strings.Contains(script, "innerHTML") {
		t.Error("script uses innerHTML")
	}
}

// A page rewritten within the second the browser last fetched it must not
// come back as "not modified": the preview sends no modification time and
// answers every request with the file as it is now.
func TestPagesAreNeverNotModified(t *testing.T) {
	dir := site(t)
	h := New(dir, Options{LiveReload: true}).Handler()
	for _, target := range []string{"/", "/style.css"} {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		req.Header.Set("If-Modified-Since", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || rec.Body.Len() == 0 || rec.Header().Get("Last-Modified") != "" {
			t.Errorf("%s: status %d, %d bytes, Last-Modified %q", target, rec.Code, rec.Body.Len(), rec.Header().Get("Last-Modified"))
		}
	}
}
