package deploy_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/deploy"
	"newsgen/generator/pipeline"
)

// articles is the size of the site the S3 tests deploy.
const articles = 1000

// s3Deploy runs a deploy of the site into a bucket of the fake server,
// with the options the command line would give it.
func s3Deploy(t *testing.T, f *fakeS3, bucket, dir string, change func(*deploy.Options)) (*deploy.Summary, string, error) {
	t.Helper()
	var log bytes.Buffer
	o := deploy.Options{Dir: dir, MaxDeletes: config.DefaultMaxDeletes, Workers: 8,
		CacheControl: config.Default().Deploy.CacheControl, Record: filepath.Join(filepath.Dir(dir), "record-"+bucket+".gob"),
		Backoff: time.Millisecond, Log: &log}
	if change != nil {
		change(&o)
	}
	f.reset()
	sum, err := deploy.Run(context.Background(), f.url(bucket), o)
	if strings.Contains(log.String(), testSecret) || (err != nil && strings.Contains(err.Error(), testSecret)) {
		t.Fatalf("the secret key was printed:\n%s\n%v", log.String(), err)
	}
	return sum, log.String(), err
}

// checkBucket fetches every object of the bucket back over HTTP and
// compares it with the site byte for byte, with its headers.
func checkBucket(t *testing.T, f *fakeS3, bucket, dir string) {
	t.Helper()
	site := files(t, dir)
	var want []string
	for k := range site {
		want = append(want, k)
	}
	got := bucketKeys(t, f.url(bucket))
	if !sameStrings(got, append(want, manifestKey)) {
		only, extra := changes(asSet(got), asSet(append(want, manifestKey)))
		t.Fatalf("bucket holds %d objects, site %d files (+ manifest); missing %.5q, extra %.5q", len(got), len(want), only, extra)
	}
	cc := config.Default().Deploy.CacheControl
	for key, data := range site {
		resp, body := f.get(t, bucket, key)
		if resp.StatusCode != http.StatusOK || !bytes.Equal(body, data) {
			t.Fatalf("GET %s: %s, %d bytes; the site's file has %d", key, resp.Status, len(body), len(data))
		}
		if ct := resp.Header.Get("Content-Type"); ct != deploy.ContentType(key) {
			t.Errorf("%s: Content-Type %q, want %q", key, ct, deploy.ContentType(key))
		}
		if c := f.sentCacheControl(bucket, key); c != deploy.CacheControlFor(cc, deploy.KindOf(key)) {
			t.Errorf("%s: Cache-Control %q, want %q", key, c, deploy.CacheControlFor(cc, deploy.KindOf(key)))
		}
	}
}

func asSet(keys []string) map[string][]byte {
	m := map[string][]byte{}
	for _, k := range keys {
		m[k] = nil
	}
	return m
}

func TestS3DeploysIncrementally(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and deploys a 1,000-article site")
	}
	f := startS3(t, "site")
	root := newSite(t, articles)
	pub := filepath.Join(root, pipeline.OutDir)

	t.Run("first deploy uploads every file with its type", func(t *testing.T) {
		sum, log, err := s3Deploy(t, f, "site", pub, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, _, puts, _ := f.counts("site")
		n := len(files(t, pub))
		if sum.Uploaded != n || sum.Unchanged != 0 || len(puts) != n+2 {
			t.Errorf("uploaded %d of %d files in %d PUTs (want the files and the manifest twice)\n%s", sum.Uploaded, n, len(puts), log)
		}
		checkBucket(t, f, "site", pub)
		sheet := ""
		for key := range files(t, pub) {
			if path.Dir(key) == "." && strings.HasPrefix(key, "style.") && path.Ext(key) == ".css" {
				sheet = key
			}
		}
		for key, want := range map[string]string{
			"index.html": "text/html; charset=utf-8", sheet: "text/css; charset=utf-8",
			"rss.xml": "application/rss+xml; charset=utf-8", "atom.xml": "application/atom+xml; charset=utf-8",
			"feed.json": "application/feed+json; charset=utf-8", "sitemap.xml": "application/xml; charset=utf-8",
			"favicon.svg": "image/svg+xml", "404.html": "text/html; charset=utf-8",
		} {
			if resp, _ := f.get(t, "site", key); resp.Header.Get("Content-Type") != want {
				t.Errorf("%s: Content-Type %q, want %q", key, resp.Header.Get("Content-Type"), want)
			}
		}
		t.Logf("%d files; %s", n, strings.TrimSpace(log))
	})

	t.Run("second deploy with nothing changed uploads nothing", func(t *testing.T) {
		build(t, root)
		sum, log, err := s3Deploy(t, f, "site", pub, nil)
		if err != nil {
			t.Fatal(err)
		}
		methods, list, puts, dels := f.counts("site")
		if sum.Uploaded != 0 || len(puts) != 0 || len(dels) != 0 || list != 0 || methods[http.MethodGet] != 1 || sum.Hashed != 0 {
			t.Errorf("summary %+v; requests %v, %d listings, PUT %.5q, DELETE %.5q", sum, methods, list, puts, dels)
		}
		t.Logf("%s; requests %v", strings.TrimSpace(log), methods)
	})

	var article string // the content file of the new seed
	t.Run("one new seed uploads only the changed pages and the manifest", func(t *testing.T) {
		before, contentBefore := files(t, pub), files(t, filepath.Join(root, pipeline.ContentDir))
		addSeed(t, root, articles)
		build(t, root)
		added, _ := changes(contentBefore, files(t, filepath.Join(root, pipeline.ContentDir)))
		if len(added) != 1 {
			t.Fatalf("the new seed gave content files %q", added)
		}
		article = added[0]
		changed, gone := changes(before, files(t, pub))
		sum, log, err := s3Deploy(t, f, "site", pub, nil)
		if err != nil {
			t.Fatal(err)
		}
		methods, _, puts, _ := f.counts("site")
		wantPuts := append(append([]string(nil), changed...), manifestKey, manifestKey)
		if !sameStrings(puts, wantPuts) || sum.Uploaded != len(changed) || len(gone) != 0 {
			t.Errorf("PUT %d keys %.8q; want the %d changed files %.8q and the manifest twice", len(puts), puts, len(changed), changed)
		}
		if sum.Hashed != len(changed) {
			t.Errorf("hashed %d files; only the %d the build rewrote need it", sum.Hashed, len(changed))
		}
		checkBucket(t, f, "site", pub)
		t.Logf("one new article: %d files changed of %d; %s; requests %v", len(changed), len(before)+1, strings.TrimSpace(log), methods)
	})

	t.Run("a removed article's pages are deleted", func(t *testing.T) {
		before := files(t, pub)
		for _, p := range []string{filepath.Join(root, pipeline.ContentDir, article), addSeed(t, root, articles)} {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
		}
		build(t, root)
		changed, gone := changes(before, files(t, pub))
		if len(gone) == 0 {
			t.Fatal("removing the article removed no file")
		}
		sum, log, err := s3Deploy(t, f, "site", pub, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, _, puts, dels := f.counts("site")
		if !sameStrings(dels, gone) || sum.Deleted != len(gone) || sum.Uploaded != len(changed) || len(puts) != len(changed)+2 {
			t.Errorf("DELETE %q, want %q; uploaded %d, want %d in %d PUTs", dels, gone, sum.Uploaded, len(changed), len(puts))
		}
		checkBucket(t, f, "site", pub)
		t.Logf("removed article: %d deleted (%q), %d uploaded; %s", len(gone), gone, len(changed), strings.TrimSpace(log))
	})

	t.Run("dry run changes nothing", func(t *testing.T) {
		addSeed(t, root, articles+1)
		build(t, root)
		sum, log, err := s3Deploy(t, f, "site", pub, func(o *deploy.Options) { o.DryRun = true })
		if err != nil {
			t.Fatal(err)
		}
		methods, _, puts, dels := f.counts("site")
		if len(puts)+len(dels) != 0 || methods[http.MethodPut]+methods[http.MethodDelete]+methods[http.MethodPost] != 0 {
			t.Errorf("a dry run wrote to the bucket: %v, PUT %q, DELETE %q", methods, puts, dels)
		}
		if sum.Uploaded == 0 || !strings.Contains(log, "would upload ") || !strings.Contains(log, "dry run") {
			t.Errorf("a dry run did not say what it would upload: %+v\n%s", sum, log)
		}
		if _, _, err := s3Deploy(t, f, "site", pub, nil); err != nil {
			t.Fatal(err)
		}
		checkBucket(t, f, "site", pub)
	})

	t.Run("full lists the bucket and finds a change by hand", func(t *testing.T) {
		sum, _, err := s3Deploy(t, f, "site", pub, func(o *deploy.Options) { o.Full = true })
		if err != nil {
			t.Fatal(err)
		}
		_, list, puts, dels := f.counts("site")
		if !sum.Listed || list == 0 || len(puts)+len(dels) != 0 || sum.Uploaded != 0 {
			t.Errorf("-full on an unchanged bucket: %+v, %d listings, PUT %q, DELETE %q", sum, list, puts, dels)
		}
		ctx := context.Background()
		b, err := deploy.OpenBucket(ctx, f.url("site"))
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if err := b.WriteAll(ctx, "index.html", []byte("defaced"), nil); err != nil {
			t.Fatal(err)
		}
		if err := b.WriteAll(ctx, "stray.html", []byte("left by hand"), nil); err != nil {
			t.Fatal(err)
		}
		sum, _, err = s3Deploy(t, f, "site", pub, func(o *deploy.Options) { o.Full = true })
		if err != nil {
			t.Fatal(err)
		}
		_, _, puts, dels = f.counts("site")
		// The manifest goes up after the upload and again after the
		// deletion.
		if !sameStrings(puts, []string{"index.html", manifestKey, manifestKey}) || !sameStrings(dels, []string{"stray.html"}) {
			t.Errorf("-full after changes by hand: PUT %q, DELETE %q", puts, dels)
		}
		checkBucket(t, f, "site", pub)
		// The manifest written from the listing kept every object's
		// headers: the next deploy from it has nothing to do.
		sum, _, err = s3Deploy(t, f, "site", pub, nil)
		if err != nil || sum.Uploaded+sum.Deleted != 0 {
			t.Errorf("after -full: %+v, %v", sum, err)
		}
	})

	t.Run("max-deletes refuses a mass deletion", func(t *testing.T) {
		lean := filepath.Join(t.TempDir(), "public")
		if err := os.MkdirAll(lean, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(lean, "index.html"), []byte("<!doctype html><title>x</title>"), 0o644); err != nil {
			t.Fatal(err)
		}
		n := len(files(t, pub)) - 1
		_, _, err := s3Deploy(t, f, "site", lean, nil)
		want := "refusing to delete " + itoa(n) + " objects, more than -max-deletes 256 allows"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("error %v, want %q", err, want)
		}
		methods, _, puts, dels := f.counts("site")
		if len(puts)+len(dels) != 0 {
			t.Errorf("a refused deploy wrote to the bucket: %v", methods)
		}
		checkBucket(t, f, "site", pub)
	})
}
