package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsgen/generator/atomicfile"
	"newsgen/generator/corpus"
)

// The kill test stops real builds with SIGKILL and checks that the next
// build repairs everything. By default it kills a few builds of a small
// site; NEWSGEN_KILL_MOMENTS and NEWSGEN_KILL_SEEDS make the long run,
// such as 40 moments on 2,000 seeds:
//
//	NEWSGEN_KILL_MOMENTS=40 NEWSGEN_KILL_SEEDS=2000 go test -run TestKilledBuild -v -timeout 30m ./generator
func TestKilledBuildIsRepairedByTheNext(t *testing.T) {
	if testing.Short() {
		t.Skip("builds real sites")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	moments, seeds := envInt(t, "NEWSGEN_KILL_MOMENTS", 4), envInt(t, "NEWSGEN_KILL_SEEDS", 300)
	work := t.TempDir()
	bin := filepath.Join(work, "newsgen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpusDir := filepath.Join(work, "corpus")
	if err := corpus.Write(corpusDir, seeds); err != nil {
		t.Fatal(err)
	}
	clean := freshRoot(t, corpusDir, filepath.Join(work, "clean"))
	b := startBuild(t, bin, clean)
	<-b.imported
	importTime := time.Since(b.start)
	if err := b.wait(); err != nil {
		t.Fatalf("clean build: %v\n%s", err, b.out.String())
	}
	whole := time.Since(b.start)
	want := map[string]map[string][32]byte{}
	for _, d := range []string{"content", "public"} {
		want[d] = sums(t, filepath.Join(clean, d))
	}
	// Half the kills fall in import, spread over the time the clean build
	// took to import; the others after the build said import was done
	// (the first at once), spread over the time it took to load, render
	// and write.
	inImport := moments / 2
	var lines []string
	for i := range moments {
		m := moment{afterImport: i >= inImport}
		if m.afterImport {
			j := i - inImport
			m.delay = (whole - importTime) * time.Duration(j) / time.Duration(moments-inImport)
		} else {
			m.delay = importTime * time.Duration(2*i+1) / time.Duration(2*inImport)
		}
		lines = append(lines, killAndRepair(t, bin, corpusDir, filepath.Join(work, "k"+strconv.Itoa(i)), m, want))
	}
	t.Logf("clean build of %d seeds: import done after %v, build after %v; killed at:\n%s",
		seeds, importTime.Round(time.Millisecond), whole.Round(time.Millisecond), strings.Join(lines, "\n"))
}

// moment is when to kill a build: delay after its start, or after it
// reported its import done.
type moment struct {
	delay       time.Duration
	afterImport bool
}

func (m moment) String() string {
	if m.afterImport {
		return fmt.Sprintf("import done + %v", m.delay.Round(time.Millisecond))
	}
	return fmt.Sprintf("start + %v", m.delay.Round(time.Millisecond))
}

// running is a build under way, its output read as it comes.
type running struct {
	cmd      *exec.Cmd
	start    time.Time
	imported chan struct{} // closed once the import line is out, or the output ended
	done     chan struct{}
	out      bytes.Buffer
}

func startBuild(t *testing.T, bin, root string) *running {
	t.Helper()
	r := &running{cmd: newsgenCmd(bin, root), imported: make(chan struct{}), done: make(chan struct{})}
	pipe, err := r.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	r.cmd.Stderr = &r.out
	r.start = time.Now()
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(r.done)
		sc := bufio.NewScanner(pipe)
		seen := false
		for sc.Scan() {
			if !seen && strings.HasPrefix(sc.Text(), "import: ") {
				seen = true
				close(r.imported)
			}
		}
		if !seen {
			close(r.imported)
		}
	}()
	return r
}

func (r *running) wait() error {
	<-r.done
	return r.cmd.Wait()
}

// killAndRepair builds a fresh root, kills the build at the moment, checks
// that every file under its final name is whole, builds again and
// compares with the clean build. It returns a line saying where in the
// build the kill fell.
func killAndRepair(t *testing.T, bin, corpusDir, root string, m moment, want map[string]map[string][32]byte) string {
	t.Helper()
	freshRoot(t, corpusDir, root)
	b := startBuild(t, bin, root)
	if m.afterImport {
		<-b.imported
	}
	time.Sleep(m.delay)
	b.cmd.Process.Kill()
	finished := b.wait() == nil
	line := fmt.Sprintf("  %-24s ", m.String()+":")
	temps := 0
	for _, d := range []string{"content", "public"} {
		got := sums(t, filepath.Join(root, d))
		whole := 0
		for name, sum := range got {
			if atomicfile.IsTemp(filepath.Base(name)) {
				temps++
				continue
			}
			if sum != want[d][name] {
				t.Errorf("killed at %v: %s/%s is not as a clean build writes it", m, d, name)
				continue
			}
			whole++
		}
		line += fmt.Sprintf("%s %d/%d, ", d, whole, len(want[d]))
	}
	line += fmt.Sprintf("%d temporary files", temps)
	if finished {
		line += " (the build had finished)"
	}
	if out, err := newsgenCmd(bin, root).CombinedOutput(); err != nil {
		t.Fatalf("killed at %v, the next build failed: %v\n%s", m, err, out)
	}
	for _, d := range []string{"content", "public"} {
		if diff := diffSums(want[d], sums(t, filepath.Join(root, d))); diff != "" {
			t.Errorf("killed at %v, then built: %s differs from a clean build:\n%s", m, d, diff)
		}
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && atomicfile.IsTemp(d.Name()) {
			t.Errorf("killed at %v, then built: temporary file %s left", m, p)
		}
		return err
	})
	os.RemoveAll(root)
	return line
}

// freshRoot makes a site root with the corpus's seeds, hard-linked so
// that their times are the corpus's.
func freshRoot(t *testing.T, corpusDir, root string) string {
	t.Helper()
	seeds := filepath.Join(root, "seeds")
	if err := os.MkdirAll(seeds, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if err := os.Link(filepath.Join(corpusDir, e.Name()), filepath.Join(seeds, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	config := "title = \"Kill test\"\nbase_url = \"https://example.org/\"\n"
	if err := os.WriteFile(filepath.Join(root, "newsgen.toml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

func newsgenCmd(bin, root string) *exec.Cmd {
	cmd := exec.Command(bin, "build", "-C", root)
	// After every generated article, so that all are due.
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1793534400")
	return cmd
}

func sums(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == dir {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diffSums lists, at most ten, the files that differ between two trees.
func diffSums(want, got map[string][32]byte) string {
	var lines []string
	for name, sum := range want {
		if g, ok := got[name]; !ok {
			lines = append(lines, name+": missing")
		} else if g != sum {
			lines = append(lines, name+": differs")
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			lines = append(lines, name+": extra")
		}
	}
	sort.Strings(lines)
	if len(lines) > 10 {
		lines = append(lines[:10], fmt.Sprintf("and %d more", len(lines)-10))
	}
	return strings.Join(lines, "\n")
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q is not a positive number", name, v)
	}
	return n
}
