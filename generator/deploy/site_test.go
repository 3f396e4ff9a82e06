package deploy_test

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"newsgen/generator/corpus"
	"newsgen/generator/deploy"
	"newsgen/generator/pipeline"
)

// buildTime is after every generated seed's date, so all are published.
var buildTime = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)

// newSite writes n generated seeds into a new site root and builds it.
func newSite(t testing.TB, n int) string {
	t.Helper()
	root := t.TempDir()
	if err := corpus.Write(filepath.Join(root, pipeline.SeedDir), n); err != nil {
		t.Fatal(err)
	}
	build(t, root)
	return root
}

func build(t testing.TB, root string) *pipeline.Report {
	t.Helper()
	rep, err := pipeline.Build(pipeline.Options{Root: root, Now: buildTime})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// addSeed writes generated seed i into the site's seeds.
func addSeed(t testing.TB, root string, i int) string {
	t.Helper()
	name, text, mod := corpus.Seed(i)
	p := filepath.Join(root, pipeline.SeedDir, name)
	if err := os.WriteFile(p, text, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, mod, mod); err != nil {
		t.Fatal(err)
	}
	return p
}

// files reads every file of a folder by its slash path.
func files(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// changes lists the files of after that are new or differ from before,
// and those of before that after lacks, sorted.
func changes(before, after map[string][]byte) (changed, gone []string) {
	for k, v := range after {
		if old, ok := before[k]; !ok || !bytes.Equal(old, v) {
			changed = append(changed, k)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			gone = append(gone, k)
		}
	}
	sort.Strings(changed)
	sort.Strings(gone)
	return changed, gone
}

// bucketKeys lists a bucket through the driver.
func bucketKeys(t testing.TB, url string) []string {
	t.Helper()
	ctx := context.Background()
	b, err := deploy.OpenBucket(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var keys []string
	it := b.List(nil)
	for {
		obj, err := it.Next(ctx)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, obj.Key)
	}
	sort.Strings(keys)
	return keys
}

func sameStrings(a, b []string) bool {
	a, b = append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(a)
	sort.Strings(b)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func itoa(n int) string { return strconv.Itoa(n) }
