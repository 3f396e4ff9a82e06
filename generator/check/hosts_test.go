package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeTree is a site of n files of the given size each, spread over
// folders of perFolder files, without a byte on disk.
type fakeTree struct {
	n, perFolder int
	size         int64
}

func (f fakeTree) Walk(fn func(string, int64) error) error {
	for i := range f.n {
		if err := fn(fmt.Sprintf("%d/%d.html", i/f.perFolder, i), f.size); err != nil {
			return err
		}
	}
	return nil
}

func measure(t *testing.T, tr Tree) Size {
	t.Helper()
	s, err := Measure(tr)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// warned returns the warnings that contain the word.
func warned(s Size, word string) []string {
	var out []string
	for _, w := range s.HostWarnings() {
		if strings.Contains(w, word) {
			out = append(out, w)
		}
	}
	return out
}

func TestSiteOverOneGBWarnsOfGitHubPages(t *testing.T) {
	// 10,000 pages of 110 kB: 1.1 GB, in 10 folders of 1,000.
	s := measure(t, fakeTree{n: 10_000, perFolder: 1_000, size: 110_000})
	if s.Bytes != 1_100_000_000 || s.Files != 10_000 {
		t.Fatalf("measured %d bytes in %d files", s.Bytes, s.Files)
	}
	if w := warned(s, "GitHub Pages' 1 GB"); len(w) != 1 {
		t.Errorf("no GitHub Pages warning for 1.1 GB: %q", s.HostWarnings())
	}
	if w := warned(s, "artifact"); len(w) != 0 {
		t.Errorf("artifact warning under 10 GB: %q", w)
	}
	under := measure(t, fakeTree{n: 10_000, perFolder: 1_000, size: 100_000})
	if w := under.HostWarnings(); len(w) != 0 {
		t.Errorf("warnings for exactly 1 GB in 10,000 files: %q", w)
	}
}

func TestSiteOverTenGBWarnsOfTheArtifact(t *testing.T) {
	s := measure(t, fakeTree{n: 11_000, perFolder: 1_000, size: 1_000_000})
	if w := warned(s, "10 GB GitHub Pages artifact"); len(w) != 1 {
		t.Errorf("no artifact warning for 11 GB: %q", s.HostWarnings())
	}
	if w := warned(s, "GitHub"); len(w) != 1 {
		t.Errorf("want one GitHub warning, got %q", w)
	}
}

func TestFilesPerFolderAndPerSite(t *testing.T) {
	cases := []struct {
		n, perFolder int
		want         []string
	}{
		{20_000, 20_000, nil},
		{20_001, 1_000, []string{"free plan"}},
		{54_001, 54_001, []string{"Netlify", "free plan"}},
		{100_001, 1_000, []string{"even on a paid plan"}},
	}
	for _, c := range cases {
		s := measure(t, fakeTree{n: c.n, perFolder: c.perFolder, size: 10})
		got := s.HostWarnings()
		if len(got) != len(c.want) {
			t.Errorf("%d files, %d a folder: warnings %q, want %q", c.n, c.perFolder, got, c.want)
			continue
		}
		for i, w := range c.want {
			if !strings.Contains(got[i], w) {
				t.Errorf("%d files, %d a folder: warning %q lacks %q", c.n, c.perFolder, got[i], w)
			}
		}
	}
}

func TestLargestFolderCountsFilesAndFolders(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"index.html", "a/index.html", "a/b/index.html", "a/b/c.html", "a/b/d.html", "e/index.html"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("12345"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := measure(t, DirTree(dir))
	// ./ holds index.html, a/ and e/: three; a/b/ holds three files;
	// the first in name order wins a tie.
	want := "0.0 MB in 6 files, largest folder ./ (3 entries)"
	if s.String() != want || s.Bytes != 30 {
		t.Errorf("got %q (%d bytes), want %q", s, s.Bytes, want)
	}
	if !strings.Contains(fmt.Sprint(measure(t, fakeTree{n: 5, perFolder: 5, size: 1})), "largest folder 0/ (5 entries)") {
		t.Error("a folder of five files is not the largest")
	}
}

func TestFileOverCloudflareLimit(t *testing.T) {
	s := Size{Files: 1, Bytes: 26 << 20, Largest: "big.pdf", LargestBytes: 26 << 20, Entries: 1}
	if w := warned(s, "big.pdf is 26.0 MiB"); len(w) != 1 {
		t.Errorf("no per-file warning: %q", s.HostWarnings())
	}
	s.LargestBytes = 25 << 20
	if w := s.HostWarnings(); len(w) != 0 {
		t.Errorf("warned at exactly 25 MiB: %q", w)
	}
}
