package e2e

import (
	"compress/gzip"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"newsgen/generator/config"
	"newsgen/generator/corpus"
)

// sitePrefix is the sub-path the search tests serve their site under, as
// GitHub Pages serves a project's site under /REPOSITORY/.
const sitePrefix = "/news/"

// searchSeeds is how many articles the search tests build: 1,500 in
// `make test`, enough for the commonest words to have sealed tail blocks
// (past 1,024 articles), and more through NEWSGEN_E2E_SEEDS (10000 for
// the bench's size).
func searchSeeds(t *testing.T) int {
	t.Helper()
	s := os.Getenv("NEWSGEN_E2E_SEEDS")
	if s == "" {
		return 1500
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 100 {
		t.Fatalf("NEWSGEN_E2E_SEEDS=%q: want a number of seeds, at least 100", s)
	}
	return n
}

// buildCorpusSite builds in root a site of n corpus seeds, served under
// sitePrefix, with the newsgen binary bin, and returns root.
func buildCorpusSite(t *testing.T, bin, root string, n int) string {
	t.Helper()
	if err := corpus.Write(filepath.Join(root, "seeds"), n); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "newsgen.toml"),
		"title = \"The Newsgen Archive\"\nbase_url = \"https://example.org"+sitePrefix+"\"\n")
	cmd := exec.Command(bin, "build", "-C", root)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("newsgen build: %v\n%s", err, lastLines(string(out), 20))
	}
	return root
}

// serveSite serves the output of the site at root under its base path,
// as Pages would, and returns its address and the base path.
func serveSite(t *testing.T, root string) (site, prefix string) {
	t.Helper()
	cfg, err := config.Load(os.DirFS(root))
	if err != nil {
		t.Fatal(err)
	}
	prefix = cfg.BasePath()
	return servePages(t, filepath.Join(root, "public"), prefix), prefix
}

// servePages serves dir under prefix as GitHub Pages serves a site:
// text, scripts, JSON and SVG gzipped for a client that accepts it, other
// files as they are. It returns the site's address, ending in prefix.
func servePages(t *testing.T, dir, prefix string) string {
	t.Helper()
	files := http.FileServer(http.Dir(dir))
	mux := http.NewServeMux()
	mux.Handle(prefix, counted(http.StripPrefix(strings.TrimSuffix(prefix, "/"), gzipped(files))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}

// wire counts what the test servers sent: the bytes of response bodies
// as they went out (compressed where they were) and the requests, by
// path, since the last reset.
var wire struct {
	sync.Mutex
	bytes map[string]int64
}

func resetWire() {
	wire.Lock()
	wire.bytes = map[string]int64{}
	wire.Unlock()
}

// sent returns the bytes and requests served since the last reset for
// files (not folders' pages) whose paths start with one of prefixes.
func sent(prefixes []string) (bytes int64, requests int) {
	wire.Lock()
	defer wire.Unlock()
	for p, n := range wire.bytes {
		if strings.HasSuffix(p, "/") {
			continue
		}
		for _, pre := range prefixes {
			if strings.HasPrefix(p, pre) {
				bytes += n
				requests++
				break
			}
		}
	}
	return bytes, requests
}

func counted(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		h.ServeHTTP(cw, r)
		wire.Lock()
		if wire.bytes != nil {
			wire.bytes[r.URL.Path] += cw.n
		}
		wire.Unlock()
	})
}

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.ResponseWriter.Write(p)
	c.n += int64(n)
	return n, err
}

// compressible are the media types Pages gzips.
var compressible = []string{"text/", "application/javascript", "application/json", "image/svg+xml", "application/xml"}

func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.ServeHTTP(w, r)
			return
		}
		gw := &gzipWriter{ResponseWriter: w, path: r.URL.Path}
		defer gw.close()
		r.Header.Del("Range")
		h.ServeHTTP(gw, r)
	})
}

// gzipWriter compresses a response once its type says it should.
type gzipWriter struct {
	http.ResponseWriter
	path string
	once sync.Once
	gz   *gzip.Writer
}

// WriteHeader sends the header once, deciding then whether to compress.
func (g *gzipWriter) WriteHeader(code int) {
	g.once.Do(func() {
		h := g.Header()
		typ := h.Get("Content-Type")
		if typ == "" {
			typ = mime.TypeByExtension(filepath.Ext(g.path))
		}
		if code == http.StatusOK && compressibleType(typ) {
			h.Del("Content-Length")
			h.Set("Content-Encoding", "gzip")
			h.Add("Vary", "Accept-Encoding")
			g.gz, _ = gzip.NewWriterLevel(g.ResponseWriter, gzip.DefaultCompression)
		}
		g.ResponseWriter.WriteHeader(code)
	})
}

func (g *gzipWriter) Write(p []byte) (int, error) {
	g.WriteHeader(http.StatusOK)
	if g.gz != nil {
		return g.gz.Write(p)
	}
	return g.ResponseWriter.Write(p)
}

func (g *gzipWriter) close() {
	if g.gz != nil {
		g.gz.Close()
	}
}

func compressibleType(typ string) bool {
	for _, c := range compressible {
		if strings.HasPrefix(typ, c) {
			return true
		}
	}
	return false
}

// shared holds what the search tests share: the newsgen binary and the
// corpus site, each made once by the first test that needs it, in
// folders TestMain removes.
var shared struct {
	sync.Mutex
	bin, root string
	dirs      []string
}

// sharedDir makes a folder that TestMain removes; shared must be locked.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "newsgen-e2e-")
	if err != nil {
		t.Fatal(err)
	}
	shared.dirs = append(shared.dirs, dir)
	return dir
}

// newsgenBinary returns the newsgen binary, built once.
func newsgenBinary(t *testing.T) string {
	t.Helper()
	shared.Lock()
	defer shared.Unlock()
	if shared.bin == "" {
		bin := filepath.Join(sharedDir(t), "newsgen")
		cmd := exec.Command("go", "build", "-o", bin, "./generator")
		cmd.Dir = moduleRoot(t)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		shared.bin = bin
	}
	return shared.bin
}

// execNewsgen is `newsgen build` of the site at root.
func execNewsgen(t *testing.T, root string) *exec.Cmd {
	t.Helper()
	return exec.Command(newsgenBinary(t), "build", "-C", root)
}

// sharedSite returns the root of the corpus site the search tests share:
// NEWSGEN_E2E_SITE, or one built once of searchSeeds seeds.
func sharedSite(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("NEWSGEN_E2E_SITE"); dir != "" {
		return dir
	}
	bin := newsgenBinary(t)
	shared.Lock()
	defer shared.Unlock()
	if shared.root == "" {
		shared.root = buildCorpusSite(t, bin, sharedDir(t), searchSeeds(t))
	}
	return shared.root
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range shared.dirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}
