package seed

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsgen/generator/content"
)

var update = flag.Bool("update", false, "rewrite the expected files of testdata/golden")

// goldenCase is one testdata/golden/*.txtar: a seed (the first file), the
// seed file's time ("modtime:" in the comment) and the content file import
// must write (want.md).
type goldenCase struct {
	path     string
	arch     archive
	seedName string
	seed     []byte
	modTime  time.Time
}

func loadGolden(t testing.TB) []goldenCase {
	t.Helper()
	paths, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	var cases []goldenCase
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		arch := parseArchive(data)
		if len(arch.files) == 0 {
			t.Fatalf("%s: no seed in it", p)
		}
		c := goldenCase{path: p, arch: arch, seedName: arch.files[0].name, seed: arch.files[0].data}
		c.modTime = commentTime(t, p, arch.comment)
		cases = append(cases, c)
	}
	return cases
}

func commentTime(t testing.TB, p, comment string) time.Time {
	t.Helper()
	for _, l := range strings.Split(comment, "\n") {
		if v, ok := strings.CutPrefix(l, "modtime: "); ok {
			tm, err := time.Parse(time.RFC3339, v)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			return tm
		}
	}
	t.Fatalf("%s: no modtime: line in the comment", p)
	return time.Time{}
}

func (c *goldenCase) want() (*archiveFile, bool) {
	for i := range c.arch.files {
		if c.arch.files[i].name == "want.md" {
			return &c.arch.files[i], true
		}
	}
	return nil, false
}

func TestGolden(t *testing.T) {
	for _, c := range loadGolden(t) {
		t.Run(strings.TrimSuffix(filepath.Base(c.path), ".txtar"), func(t *testing.T) {
			a, _, err := Parse(c.seedName, c.seed, c.modTime, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := content.FormatImported(a)
			want, ok := c.want()
			if *update {
				if !ok {
					c.arch.files = append(c.arch.files, archiveFile{name: "want.md"})
					want = &c.arch.files[len(c.arch.files)-1]
				}
				want.data = got
				if err := os.WriteFile(c.path, c.arch.format(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !ok {
				t.Fatalf("%s has no want.md; run go test -update", c.path)
			}
			if string(got) != string(want.data) {
				t.Errorf("%s: content file differs (go test -update rewrites it)\n--- got\n%s\n--- want\n%s", c.path, got, want.data)
			}
		})
	}
}
