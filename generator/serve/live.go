package serve

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// event is one server-sent event.
type event struct {
	name, data string
}

// Reload tells every open page to reload: kind "css" reloads only the
// style sheets; any other kind, "reload" included, reloads the page.
func (s *Server) Reload(kind string) {
	if kind != "css" {
		kind = "reload"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.broadcast(event{kind, kind})
}

// SetError makes msg, such as "content/a.md:3: bad date", the current
// build error, shown over every open page and every page opened while it
// lasts. "" clears it and hides the message.
func (s *Server) SetError(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if msg == s.err {
		return
	}
	s.err = msg
	s.broadcast(state(msg))
}

// state returns the event telling the build state err.
func state(err string) event {
	if err == "" {
		return event{"ok", "ok"}
	}
	return event{"error", err}
}

// broadcast queues ev for every client. A client too slow to keep up
// loses its oldest events, never the newest, so the last state sent is
// always the current one. s.mu must be held.
func (s *Server) broadcast(ev event) {
	for ch := range s.clients {
		select {
		case ch <- ev:
			continue
		default:
		}
		select {
		case <-ch:
		default:
		}
		ch <- ev // only broadcast sends, under s.mu, so there is room
	}
}

// subscribe adds a client and returns its queue, starting with the
// current state.
func (s *Server) subscribe() chan event {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := make(chan event, 16)
	ch <- state(s.err)
	s.clients[ch] = true
	return ch
}

func (s *Server) unsubscribe(ch chan event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.clients, ch)
}

// clientCount returns the number of connected clients.
func (s *Server) clientCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.clients)
}

// serveEvents streams events to one page until it goes away or the
// server shuts down, with a comment line every heartbeat so that proxies
// and browsers keep the connection open.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	if r.Method == http.MethodHead {
		return
	}
	ch := s.subscribe()
	defer s.unsubscribe(ch)
	rc := http.NewResponseController(w)
	tick := time.NewTicker(s.heartbeat)
	defer tick.Stop()
	fmt.Fprint(w, "retry: 1000\n\n")
	for {
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case ev := <-ch:
			writeEvent(w, ev)
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
		}
	}
}

// writeEvent writes ev in the event-stream format, one data line per line
// of its data.
func writeEvent(w io.Writer, ev event) {
	data := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(ev.data)
	var b strings.Builder
	fmt.Fprintf(&b, "event: %s\n", ev.name)
	for line := range strings.SplitSeq(data, "\n") {
		fmt.Fprintf(&b, "data: %s\n", line)
	}
	b.WriteString("\n")
	io.WriteString(w, b.String())
}
