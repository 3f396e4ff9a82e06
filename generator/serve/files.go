package serve

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

// notFoundPage is the site's page for missing files, at the output's top.
const notFoundPage = "404.html"

// serveFile answers a request for a file of the site.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	p, err := cleanPath(r.URL.Path)
	if err != nil {
		http.Error(w, "bad request: "+err.Error(), http.StatusBadRequest)
		return
	}
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		http.Error(w, "404 page not found (the site is not built yet)", http.StatusNotFound)
		return
	}
	defer root.Close()
	rel, ok := strings.CutPrefix(p, s.base)
	switch {
	case !ok && p+"/" == s.base:
		s.redirect(w, r, s.base, http.StatusMovedPermanently)
	case !ok && p == "/":
		s.redirect(w, r, s.base, http.StatusFound)
	case !ok:
		s.notFound(w, r, root)
	default:
		s.serveRel(w, r, root, rel)
	}
}

// serveRel serves rel, a clean slash-separated path inside the site: a
// file, or a folder's index.html when rel is "" or ends with a slash.
func (s *Server) serveRel(w http.ResponseWriter, r *http.Request, root *os.Root, rel string) {
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	fi, err := root.Stat(name)
	switch {
	case err != nil:
		s.notFound(w, r, root)
	case fi.IsDir() && name == rel:
		s.redirect(w, r, s.base+rel+"/", http.StatusMovedPermanently)
	case !fi.Mode().IsRegular():
		s.notFound(w, r, root)
	default:
		s.send(w, r, root, name)
	}
}

// redirect sends the client to the path to, keeping the query.
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, to string, code int) {
	u := url.URL{Path: to, RawQuery: r.URL.RawQuery}
	http.Redirect(w, r, u.String(), code)
}

// send serves one file, with the reload script when it is HTML and live
// reload is on. Ranges and HEAD are handled by http.ServeContent. No
// modification time is sent: its one-second grain would let a browser
// keep a page rewritten within the second it last fetched it, and a
// preview must always show the newest build.
func (s *Server) send(w http.ResponseWriter, r *http.Request, root *os.Root, name string) {
	var mod time.Time
	f, err := root.Open(name)
	if err != nil {
		s.notFound(w, r, root)
		return
	}
	defer f.Close()
	ctype := contentType(name)
	setHeaders(w, ctype)
	if !s.live || !isHTML(ctype) {
		http.ServeContent(w, r, name, mod, f)
		return
	}
	page, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "reading "+name+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, name, mod, bytes.NewReader(inject(page)))
}

// notFound answers with the site's 404 page, or a plain one when the site
// has none, and status 404 either way.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, root *os.Root) {
	page, err := root.ReadFile(notFoundPage)
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	if s.live {
		page = inject(page)
	}
	setHeaders(w, contentType(notFoundPage))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// setHeaders sets what every file answer carries: its type, and that a
// preview must always be checked for a newer version.
func setHeaders(w http.ResponseWriter, ctype string) {
	h := w.Header()
	if ctype != "" {
		h.Set("Content-Type", ctype)
	}
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
}
