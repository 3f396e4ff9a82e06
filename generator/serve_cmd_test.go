package main

import (
	"context"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// captured runs the command line args in-process with its standard
// output and error going to a buffer, and returns once it ends or, with
// stopWhen set, once the output holds stopWhen and Ctrl-C was pressed.
func captured(t *testing.T, args []string, stopWhen string) (string, error) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	oldOut, oldErr, oldNotify := os.Stdout, os.Stderr, notifyContext
	ctx, cancel := context.WithCancel(context.Background())
	os.Stdout, os.Stderr = w, w
	notifyContext = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	defer func() { os.Stdout, os.Stderr, notifyContext = oldOut, oldErr, oldNotify; cancel() }()

	out := &syncBuffer{}
	var copied sync.WaitGroup
	copied.Add(1)
	go func() { defer copied.Done(); io.Copy(out, r) }()
	done := make(chan error, 1)
	go func() { done <- run(args) }()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case err := <-done:
			w.Close()
			copied.Wait()
			return out.String(), err
		case <-deadline:
			cancel()
			t.Fatalf("newsgen %s still runs after 30s; output:\n%s", strings.Join(args, " "), out)
		case <-time.After(20 * time.Millisecond):
			if stopWhen != "" && strings.Contains(out.String(), stopWhen) {
				cancel()
			}
		}
	}
}

func TestServeExitsWhenItCannotListen(t *testing.T) {
	busy, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for addr, want := range map[string]string{
		busy.Addr().String(): "the port is in use",
		"127.0.0.1:99999":    "is not a number from 0 to 65535",
		"no-port":            "is not HOST:PORT",
	} {
		root := liveSite(t)
		out, err := captured(t, []string{"serve", "-C", root, "-addr", addr}, "")
		if err == nil {
			t.Errorf("serve -addr %s ended without an error; output:\n%s", addr, out)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, want) || strings.Contains(msg, "\n") {
			t.Errorf("serve -addr %s: error %q, want one line saying %q", addr, msg, want)
		}
		if strings.Contains(out, "watching") {
			t.Errorf("serve -addr %s started watching though it cannot listen:\n%s", addr, out)
		}
	}
}

func TestServeOnEveryInterfaceWarnsAndShowsALocalURL(t *testing.T) {
	root := liveSite(t)
	out, err := captured(t, []string{"serve", "-C", root, "-addr", "0.0.0.0:0"}, "watching")
	if err != nil {
		t.Fatalf("serve: %v\n%s", err, out)
	}
	if !strings.Contains(out, "visible to the network") {
		t.Errorf("no warning that the site is visible to the network:\n%s", out)
	}
	if !strings.Contains(out, "at http://127.0.0.1:") || strings.Contains(out, "[::]") || strings.Contains(out, "0.0.0.0:0") {
		t.Errorf("want the site's URL on 127.0.0.1 and no wildcard address:\n%s", out)
	}

	out, err = captured(t, []string{"serve", "-C", root, "-addr", "127.0.0.1:0"}, "watching")
	if err != nil {
		t.Fatalf("serve: %v\n%s", err, out)
	}
	if strings.Contains(out, "warning") {
		t.Errorf("a warning on the loopback address:\n%s", out)
	}
}
