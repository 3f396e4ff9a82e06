// Package serve previews a built site: it serves the files of the output
// folder over HTTP the way a static host would (pretty URLs, the site's
// 404 page, the site under its base path) and, when asked, reloads the
// browser as the site is rebuilt.
//
// Files are opened through an os.Root, so no request reaches outside the
// output folder, not even through a symbolic link; requests naming ".."
// in any encoding, a backslash or a NUL are refused before that. Folders
// are never listed.
//
// Live reload adds a small script to every HTML page served (never to the
// files on disk). The script listens on EventsPath for server-sent
// events: "reload" reloads the page, "css" reloads only the style sheets,
// "error" shows the build error over the page and "ok" hides it again.
package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// DefaultAddr is where the preview listens unless told otherwise: this
// machine only.
const DefaultAddr = "127.0.0.1:1313"

// EventsPath is the live-reload event stream's address on the server.
const EventsPath = "/__newsgen/events"

// Options tunes a Server.
type Options struct {
	// BasePath is the URL path the site is served under, such as "/" or
	// "/news/"; "" means "/".
	BasePath string
	// LiveReload adds the reload script to HTML pages and serves
	// EventsPath.
	LiveReload bool
	// OnListen, when set, is called with the site's URL once the server
	// listens, such as "http://127.0.0.1:1313/news/": one a browser on
	// this machine can open, even when the server listens on 0.0.0.0.
	OnListen func(url string)
}

// Server serves one output folder. Its methods are safe for concurrent
// use.
type Server struct {
	dir  string
	base string
	live bool
	on   func(string)

	mu        sync.Mutex
	clients   map[chan event]bool
	err       string
	heartbeat time.Duration
}

// New returns a server for the output folder dir, which need not exist
// yet: it is opened anew for every request.
func New(dir string, opts Options) *Server {
	return &Server{
		dir:       dir,
		base:      basePath(opts.BasePath),
		live:      opts.LiveReload,
		on:        opts.OnListen,
		clients:   map[chan event]bool{},
		heartbeat: 15 * time.Second,
	}
}

// basePath cleans p into the form "/" or "/a/b/".
func basePath(p string) string {
	p = path.Clean("/" + p)
	if p == "/" {
		return p
	}
	return p + "/"
}

// Handler returns the server's HTTP handler. Only GET and HEAD are
// answered.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if s.live && r.URL.Path == EventsPath {
		s.serveEvents(w, r)
		return
	}
	s.serveFile(w, r)
}

// ListenAndServe serves on addr ("" means DefaultAddr) until ctx is
// cancelled, then shuts down, giving requests in flight five seconds to
// end. It returns nil after a shutdown caused by ctx.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := Listen(addr)
	if err != nil {
		return err
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is cancelled, like ListenAndServe; it
// closes ln.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		// Requests, event streams included, end with ctx.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	if s.on != nil {
		s.on(strings.TrimSuffix(BrowseURL(ln.Addr()), "/") + s.base)
	}
	stopped := make(chan error, 1)
	failed := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			stopped <- shutdown(srv)
		case <-failed:
		}
	}()
	err := srv.Serve(ln)
	if !errors.Is(err, http.ErrServerClosed) {
		close(failed)
		return fmt.Errorf("serve: %w", err)
	}
	return <-stopped
}

// shutdown stops srv, waiting a while for the requests in flight.
func shutdown(srv *http.Server) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}
