//go:build unix

package inroot

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// site makes a root with one regular file and an outside folder beside
// it, and returns both.
func site(t *testing.T) (root, outside string) {
	t.Helper()
	dir := t.TempDir()
	root, outside = filepath.Join(dir, "site"), filepath.Join(dir, "outside")
	for _, d := range []string{filepath.Join(root, "seeds"), filepath.Join(root, "extra"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(root, "extra", "in.txt"), "inside")
	write(t, filepath.Join(outside, "secret.txt"), "secret")
	return root, outside
}

func write(t *testing.T, p, text string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, target, p string) {
	t.Helper()
	if err := os.Symlink(target, p); err != nil {
		t.Fatal(err)
	}
}

func refusal(t *testing.T, err error) string {
	t.Helper()
	var r *Refusal
	if !errors.As(err, &r) {
		t.Fatalf("error %v is not a refusal", err)
	}
	return r.Error()
}

func TestLinksInsideTheRootAreFollowedAndOutsideRefused(t *testing.T) {
	root, outside := site(t)
	seeds := filepath.Join(root, "seeds")
	link(t, "../extra/in.txt", filepath.Join(seeds, "relative-in.txt"))
	link(t, filepath.Join(root, "extra", "in.txt"), filepath.Join(seeds, "absolute-in.txt"))
	link(t, filepath.Join(outside, "secret.txt"), filepath.Join(seeds, "out.txt"))
	link(t, "../../outside/secret.txt", filepath.Join(seeds, "dotdot.txt"))
	link(t, "relative-in.txt", filepath.Join(seeds, "chain-in.txt"))
	link(t, "out.txt", filepath.Join(seeds, "chain-out.txt"))
	link(t, "missing.txt", filepath.Join(seeds, "dangling.txt"))
	g, err := New(root, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"relative-in.txt", "absolute-in.txt", "chain-in.txt"} {
		data, err := g.ReadFile(filepath.Join(seeds, name))
		if err != nil || string(data) != "inside" {
			t.Errorf("%s: %q, %v", name, data, err)
		}
	}
	for _, name := range []string{"out.txt", "dotdot.txt", "chain-out.txt"} {
		_, err := g.ReadFile(filepath.Join(seeds, name))
		msg := refusal(t, err)
		want := "seeds/" + name + ": symbolic link to " + filepath.Join(outside, "secret.txt") + ", outside the site root; refused (follow_outside_symlinks = true in newsgen.toml allows it)"
		if msg != want {
			t.Errorf("got  %s\nwant %s", msg, want)
		}
	}
	if msg := refusal(t, firstErr(g.ReadFile(filepath.Join(seeds, "dangling.txt")))); msg != "seeds/dangling.txt: symbolic link to a missing file; skipped" {
		t.Errorf("dangling: %s", msg)
	}
	open, _ := New(root, true)
	if data, err := open.ReadFile(filepath.Join(seeds, "out.txt")); err != nil || string(data) != "secret" {
		t.Errorf("with outside links allowed: %q, %v", data, err)
	}
}

// A root reached through a link of its own is still one root: links
// inside it resolve under its real path.
func TestRootThatIsALink(t *testing.T) {
	root, _ := site(t)
	alias := filepath.Join(filepath.Dir(root), "alias")
	link(t, root, alias)
	link(t, "../extra/in.txt", filepath.Join(root, "seeds", "in.txt"))
	g, err := New(alias, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.ReadFile(filepath.Join(alias, "seeds", "in.txt")); err != nil {
		t.Error(err)
	}
}

func TestPipesAndSocketsAreRefusedWithoutBlocking(t *testing.T) {
	root, _ := site(t)
	fifo := filepath.Join(root, "seeds", "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(root, "seeds", "sock.txt")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skip("no unix sockets:", err)
	}
	defer l.Close()
	link(t, "pipe.txt", filepath.Join(root, "seeds", "to-pipe.txt"))
	g, _ := New(root, false)
	done := make(chan bool)
	go func() {
		for name, kind := range map[string]string{"pipe.txt": "named pipe", "sock.txt": "socket", "to-pipe.txt": "named pipe"} {
			msg := refusal(t, firstErr(g.ReadFile(filepath.Join(root, "seeds", name))))
			if !strings.HasSuffix(msg, "seeds/"+name+": not a regular file ("+kind+"); skipped") {
				t.Errorf("%s: %s", name, msg)
			}
		}
		if _, err := ReadRegular(fifo); err == nil {
			t.Error("ReadRegular read a pipe")
		}
		done <- true
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("reading a pipe blocked")
	}
}

func TestFSRefusesThroughTheGuard(t *testing.T) {
	root, outside := site(t)
	layouts := filepath.Join(root, "layouts")
	os.MkdirAll(layouts, 0o755)
	write(t, filepath.Join(layouts, "ok.html"), "ok")
	link(t, filepath.Join(outside, "secret.txt"), filepath.Join(layouts, "bad.html"))
	g, _ := New(root, false)
	fsys := g.FS(layouts)
	if f, err := fsys.Open("ok.html"); err != nil {
		t.Error(err)
	} else {
		f.Close()
	}
	if msg := refusal(t, firstErr(fsys.Open("bad.html"))); !strings.HasPrefix(msg, "layouts/bad.html: symbolic link to") {
		t.Error(msg)
	}
	if _, err := fsys.Open("../outside/secret.txt"); err == nil {
		t.Error("opened a path out of the folder")
	}
}

func firstErr[T any](_ T, err error) error { return err }
