package deploy_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/deploy"
	"newsgen/generator/pipeline"
)

// BenchmarkDeploy measures a deploy of the 10,000-article bench site
// (1,000 with -short) to an S3 server in this process: with nothing
// changed, and after one new article, each compared with the bucket's
// manifest (with and without the local record of hashes, as on a CI
// runner with no cache) and with a listing of the whole bucket (-full,
// hashing every local file, as `hugo deploy` does). It reports the
// median time, and the requests and local files hashed per deploy.
func BenchmarkDeploy(b *testing.B) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	e := newBenchSite(b, n)
	for _, change := range []string{"none", "one-new-article"} {
		for _, mode := range []string{"manifest", "manifest-no-record", "full-no-record"} {
			b.Run(fmt.Sprintf("articles=%d/change=%s/%s", n, change, mode), func(b *testing.B) {
				e.run(b, change == "one-new-article", mode)
			})
		}
	}
}

// benchSite is a built site in two versions, before and after one new
// article, and the bucket it deploys to.
type benchSite struct {
	f      *fakeS3
	pub    string
	record string
	// before and after hold the files that differ between the versions;
	// nil means the version has no such file.
	before, after map[string][]byte
}

func newBenchSite(b *testing.B, n int) *benchSite {
	b.Helper()
	e := &benchSite{f: startS3(b, "bench")}
	root := newSite(b, n)
	e.pub = filepath.Join(root, pipeline.OutDir)
	e.record = filepath.Join(root, "record.gob")
	v1 := files(b, e.pub)
	addSeed(b, root, n)
	build(b, root)
	v2 := files(b, e.pub)
	changed, gone := changes(v1, v2)
	e.before, e.after = map[string][]byte{}, map[string][]byte{}
	for _, k := range append(changed, gone...) {
		e.before[k], e.after[k] = v1[k], v2[k]
	}
	b.Logf("%d articles: %d files; one new article changes %d", n, len(v1), len(e.after))
	e.switchTo(b, e.before)
	if _, err := e.deploy(b, false, false); err != nil {
		b.Fatal(err)
	}
	return e
}

// switchTo rewrites the files that differ into one version, as a build
// would: only those files get new modification times.
func (e *benchSite) switchTo(b *testing.B, version map[string][]byte) {
	for k, data := range version {
		p := filepath.Join(e.pub, filepath.FromSlash(k))
		if data == nil {
			os.Remove(p)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

func (e *benchSite) deploy(b *testing.B, full, record bool) (*deploy.Summary, error) {
	o := deploy.Options{Dir: e.pub, Full: full, MaxDeletes: -1, CacheControl: config.Default().Deploy.CacheControl, Log: io.Discard}
	if record {
		o.Record = e.record
	}
	return deploy.Run(context.Background(), e.f.url("bench"), o)
}

func (e *benchSite) run(b *testing.B, change bool, mode string) {
	full, record := mode == "full-no-record", mode == "manifest"
	var times []time.Duration
	requests, hashed := map[string]int{}, 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if change {
			e.switchTo(b, e.before)
			if _, err := e.deploy(b, false, true); err != nil {
				b.Fatal(err)
			}
			e.switchTo(b, e.after)
		}
		e.f.reset()
		b.StartTimer()
		start := time.Now()
		sum, err := e.deploy(b, full, record)
		times = append(times, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		methods, list, _, _ := e.f.counts("bench")
		for m, c := range methods {
			requests[m] += c
		}
		requests["LIST"] += list
		requests["GET"] -= list
		hashed += sum.Hashed
		if change && sum.Uploaded != len(e.after) {
			b.Fatalf("uploaded %d files, the article changed %d", sum.Uploaded, len(e.after))
		}
		b.StartTimer()
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	total := 0
	var line bytes.Buffer
	for _, m := range []string{"GET", "LIST", "PUT", "DELETE", "HEAD", "POST"} {
		total += requests[m]
		if requests[m] > 0 {
			fmt.Fprintf(&line, " %s %.1f", m, float64(requests[m])/float64(b.N))
		}
	}
	b.ReportMetric(float64(total)/float64(b.N), "requests/op")
	b.ReportMetric(float64(hashed)/float64(b.N), "hashed/op")
	b.Logf("requests per deploy:%s", line.String())
}
