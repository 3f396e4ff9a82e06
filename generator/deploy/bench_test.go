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
// hashing every local file, as `hugo deploy` does). Each iteration runs
// every case once, in turn, so that the machine's load falls on all of
// them alike; it reports each case's median time, and its requests and
// local files hashed per deploy.
func BenchmarkDeploy(b *testing.B) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	// Made here, where it lives until every run below is done: the
	// function given to b.Run runs again with a larger b.N.
	e := newBenchSite(b, n)
	b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
		cases := []benchCase{}
		for _, change := range []string{"none", "one-new-article"} {
			for _, mode := range []string{"manifest", "manifest-no-record", "full-no-record"} {
				cases = append(cases, benchCase{name: change + "/" + mode, change: change != "none", mode: mode, requests: map[string]int{}})
			}
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for j := range cases {
				e.run(b, &cases[(i+j)%len(cases)])
			}
		}
		b.StopTimer()
		for _, c := range cases {
			c.report(b)
		}
	})
}

// benchCase is one kind of deploy the benchmark measures, and what its
// runs took.
type benchCase struct {
	name     string
	change   bool
	mode     string
	times    []time.Duration
	requests map[string]int
	hashed   int
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

// run deploys once in the given case, timing the deploy alone.
func (e *benchSite) run(b *testing.B, c *benchCase) {
	b.StopTimer()
	full, record := c.mode == "full-no-record", c.mode == "manifest"
	e.switchTo(b, e.before)
	if _, err := e.deploy(b, false, true); err != nil {
		b.Fatal(err)
	}
	if c.change {
		e.switchTo(b, e.after)
	}
	e.f.reset()
	b.StartTimer()
	start := time.Now()
	sum, err := e.deploy(b, full, record)
	c.times = append(c.times, time.Since(start))
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	methods, list, _, _ := e.f.counts("bench")
	for m, n := range methods {
		c.requests[m] += n
	}
	c.requests["LIST"] += list
	c.requests["GET"] -= list
	c.hashed += sum.Hashed
	if want := map[bool]int{false: 0, true: len(e.after)}[c.change]; sum.Uploaded != want {
		b.Fatalf("%s: uploaded %d files, want %d", c.name, sum.Uploaded, want)
	}
	b.StartTimer()
}

// report gives the case's median time, requests and files hashed per
// deploy as metrics, and its requests by method as a log line.
func (c *benchCase) report(b *testing.B) {
	times := append([]time.Duration(nil), c.times...)
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	runs := float64(len(times))
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, c.name+"-median-ms")
	total := 0
	var line bytes.Buffer
	for _, m := range []string{"GET", "LIST", "PUT", "DELETE", "HEAD", "POST"} {
		total += c.requests[m]
		if c.requests[m] > 0 {
			fmt.Fprintf(&line, " %s %.1f", m, float64(c.requests[m])/runs)
		}
	}
	b.ReportMetric(float64(total)/runs, c.name+"-requests")
	b.ReportMetric(float64(c.hashed)/runs, c.name+"-hashed")
	b.Logf("%s: median %s of %d runs; requests per deploy:%s; files hashed %.0f", c.name, times[len(times)/2].Round(time.Millisecond), len(times), line.String(), float64(c.hashed)/runs)
}
