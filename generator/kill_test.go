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
// site, cold and warm; NEWSGEN_KILL_MOMENTS and NEWSGEN_KILL_SEEDS make the long run,
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
	moments, seeds := envInt(t, "NEWSGEN_KILL_MOMENTS", 4), envInt(t, "NEWSGEN_KILL_SEEDS", 200)
	work := t.TempDir()
	bin := filepath.Join(work, "newsgen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpusDir := filepath.Join(work, "corpus")
	if err := corpus.Write(corpusDir, seeds); err != nil {
		t.Fatal(err)
	}
	// A cold build of every seed, and a warm one: the site built with
	// nine seeds in ten, then the rest added.
	cold := &scenario{name: "cold", setup: func(t *testing.T, root string) { freshRoot(t, corpusDir, root, seeds) }}
	warm := &scenario{name: "warm", setup: func(t *testing.T, root string) {
		freshRoot(t, corpusDir, root, seeds-seeds/10)
		if out, err := newsgenCmd(bin, root).CombinedOutput(); err != nil {
			t.Fatalf("first build: %v\n%s", err, out)
		}
		linkSeeds(t, corpusDir, root, seeds)
	}}
	var lines []string
	for _, sc := range []*scenario{cold, warm} {
		sc.reference(t, bin, filepath.Join(work, sc.name))
		lines = append(lines, fmt.Sprintf("%s build of %d seeds: import done after %v, build after %v",
			sc.name, seeds, sc.importTime.Round(time.Millisecond), sc.whole.Round(time.Millisecond)))
	}
	// Half the kills of cold builds fall in import, spread over the time
	// the clean build took to import; the others after the build said
	// import was done (the first at once), spread over the time it took
	// to load, render and write. Warm builds get a fifth as many, spread
	// over the whole build. The machine's load varies: a build that ends
	// before its kill shortens the span, and the moment is tried again.
	inImport := moments / 2
	spans := map[string]time.Duration{
		"import": cold.importTime, "rest": cold.whole - cold.importTime, "warm": warm.whole,
	}
	try := func(sc *scenario, span string, afterImport bool, fraction float64, root string) {
		for attempt := 0; ; attempt++ {
			m := moment{afterImport: afterImport, delay: time.Duration(fraction * float64(spans[span]))}
			line, took := killAndRepair(t, bin, sc, root, m)
			if took == 0 || attempt == 3 {
				lines = append(lines, line)
				return
			}
			spans[span] = took
		}
	}
	for i := range inImport {
		try(cold, "import", false, (float64(i)+0.5)/float64(inImport), filepath.Join(work, "k"+strconv.Itoa(i)))
	}
	for j := range moments - inImport {
		try(cold, "rest", true, float64(j)/float64(moments-inImport), filepath.Join(work, "r"+strconv.Itoa(j)))
	}
	warmMoments := max(1, moments/5)
	for i := range warmMoments {
		try(warm, "warm", false, (float64(i)+0.5)/float64(warmMoments), filepath.Join(work, "w"+strconv.Itoa(i)))
	}
	t.Logf("killed at:\n%s", strings.Join(lines, "\n"))
}

// scenario is a site root as a build finds it, and what the build, not
// killed, makes of it.
type scenario struct {
	name  string
	setup func(t *testing.T, root string)
	// importTime and whole are when the build said import was done, and
	// when it ended; want are the sums of its content/ and public/.
	importTime, whole time.Duration
	want              map[string]map[string][32]byte
}

func (sc *scenario) reference(t *testing.T, bin, root string) {
	t.Helper()
	sc.setup(t, root)
	b := startBuild(t, bin, root)
	<-b.imported
	sc.importTime = time.Since(b.start)
	if err := b.wait(); err != nil {
		t.Fatalf("%s build: %v\n%s", sc.name, err, b.out.String())
	}
	sc.whole = time.Since(b.start)
	sc.want = map[string]map[string][32]byte{}
	for _, d := range []string{"content", "public"} {
		sc.want[d] = sums(t, filepath.Join(root, d))
	}
	os.RemoveAll(root)
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
	// exited is closed when the process has ended, at end, with err.
	exited chan struct{}
	end    time.Time
	err    error
	out    bytes.Buffer
}

func startBuild(t *testing.T, bin, root string) *running {
	t.Helper()
	r := &running{cmd: newsgenCmd(bin, root), imported: make(chan struct{}), exited: make(chan struct{})}
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
		r.err = r.cmd.Wait()
		r.end = time.Now()
		close(r.exited)
	}()
	return r
}

func (r *running) wait() error {
	<-r.exited
	return r.err
}

// killAndRepair builds a fresh root, kills the build at the moment, checks
// that every file under its final name is whole (as it was before, or as
// the build writes it), builds again and
// compares with the build not killed. It returns a line saying where in
// the build the kill fell, with how many files were already as that build
// writes them.
//
// When the build ended before the kill, it returns how long the part of
// the build the moment is counted in took, and repairs nothing.
func killAndRepair(t *testing.T, bin string, sc *scenario, root string, m moment) (string, time.Duration) {
	t.Helper()
	want := sc.want
	sc.setup(t, root)
	before := map[string]map[string][32]byte{}
	for _, d := range []string{"content", "public"} {
		before[d] = sums(t, filepath.Join(root, d))
	}
	b := startBuild(t, bin, root)
	from := b.start
	if m.afterImport {
		<-b.imported
		from = time.Now()
	}
	select {
	case <-time.After(time.Until(from.Add(m.delay))):
		b.cmd.Process.Kill()
		<-b.exited
	case <-b.exited:
		if b.err != nil {
			t.Fatalf("build failed: %v\n%s", b.err, b.out.String())
		}
		os.RemoveAll(root)
		return "", max(b.end.Sub(from), time.Millisecond)
	}
	finished := b.err == nil
	line := fmt.Sprintf("  %s, %-24s ", sc.name, m.String()+":")
	temps := 0
	for _, d := range []string{"content", "public"} {
		got := sums(t, filepath.Join(root, d))
		whole := 0
		for name, sum := range got {
			if atomicfile.IsTemp(filepath.Base(name)) {
				temps++
				continue
			}
			if old, ok := before[d][name]; sum != want[d][name] && (!ok || sum != old) {
				t.Errorf("killed at %v: %s/%s is neither as it was nor as the build writes it", m, d, name)
				continue
			}
			whole++
		}
		staged := len(sums(t, atomicfile.StagingDir(filepath.Join(root, d))))
		line += fmt.Sprintf("%s %d/%d (%d staged), ", d, whole, len(want[d]), staged)
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
		if err == nil && atomicfile.IsTemp(d.Name()) {
			t.Errorf("killed at %v, then built: temporary file or folder %s left", m, p)
		}
		return err
	})
	os.RemoveAll(root)
	return line, 0
}

// freshRoot makes a site root with the first n of the corpus's seeds.
func freshRoot(t *testing.T, corpusDir, root string, n int) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(root, "seeds"), 0o755); err != nil {
		t.Fatal(err)
	}
	linkSeeds(t, corpusDir, root, n)
	config := "title = \"Kill test\"\nbase_url = \"https://example.org/\"\n"
	if err := os.WriteFile(filepath.Join(root, "newsgen.toml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// linkSeeds hard-links the first n of the corpus's seeds, in name order,
// into the root's seeds/ (those missing there), so that their times are
// the corpus's.
func linkSeeds(t *testing.T, corpusDir, root string, n int) {
	t.Helper()
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries[:n] {
		err := os.Link(filepath.Join(corpusDir, e.Name()), filepath.Join(root, "seeds", e.Name()))
		if err != nil && !os.IsExist(err) {
			t.Fatal(err)
		}
	}
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
