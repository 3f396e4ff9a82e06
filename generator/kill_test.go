package main

import (
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
	start := time.Now()
	if out, err := newsgenCmd(bin, clean).CombinedOutput(); err != nil {
		t.Fatalf("clean build: %v\n%s", err, out)
	}
	whole := time.Since(start)
	want := map[string]map[string][32]byte{}
	for _, d := range []string{"content", "public"} {
		want[d] = sums(t, filepath.Join(clean, d))
	}
	var stages []string
	for i := range moments {
		// Kill moments spread evenly over the clean build's time, from
		// its first instants (import) to its last (the final writes).
		delay := whole * time.Duration(2*i+1) / time.Duration(2*moments)
		stages = append(stages, killAndRepair(t, bin, corpusDir, filepath.Join(work, "k"+strconv.Itoa(i)), delay, want))
	}
	t.Logf("clean build of %d seeds took %v; killed at:\n%s", seeds, whole.Round(time.Millisecond), strings.Join(stages, "\n"))
}

// killAndRepair builds a fresh root, kills the build after delay, checks
// that every file under its final name is whole, builds again and
// compares with the clean build. It returns a line saying where in the
// build the kill fell.
func killAndRepair(t *testing.T, bin, corpusDir, root string, delay time.Duration, want map[string]map[string][32]byte) string {
	t.Helper()
	freshRoot(t, corpusDir, root)
	cmd := newsgenCmd(bin, root)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(delay)
	cmd.Process.Kill()
	err := cmd.Wait()
	finished := err == nil
	line := fmt.Sprintf("  %7v: ", delay.Round(time.Millisecond))
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
				t.Errorf("killed at %v: %s/%s is not as a clean build writes it", delay, d, name)
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
		t.Fatalf("killed at %v, the next build failed: %v\n%s", delay, err, out)
	}
	for _, d := range []string{"content", "public"} {
		if diff := diffSums(want[d], sums(t, filepath.Join(root, d))); diff != "" {
			t.Errorf("killed at %v, then built: %s differs from a clean build:\n%s", delay, d, diff)
		}
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && atomicfile.IsTemp(d.Name()) {
			t.Errorf("killed at %v, then built: temporary file %s left", delay, p)
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
