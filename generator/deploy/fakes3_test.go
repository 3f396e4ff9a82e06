package deploy_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// fakeS3 is an S3-compatible server on 127.0.0.1, in this process, that
// counts the requests it answers and can be told to fail.
type fakeS3 struct {
	srv     *httptest.Server
	backend *s3mem.Backend

	mu sync.Mutex
	// methods counts requests by method; list counts bucket listings.
	methods map[string]int
	list    int
	// puts and deletes are the keys written and deleted, by bucket.
	puts, deletes map[string][]string
	// failAfter, when above zero, makes every write after that many
	// uploads answer 403, manifest included when failManifest is set.
	failAfter    int
	failManifest bool
	uploads      int
	// cacheControl is the Cache-Control each object was last uploaded
	// with, by bucket and key: gofakes3 does not keep that header.
	cacheControl map[string]string
}

const manifestKey = ".newsgen-manifest.json.gz"

// startS3 starts the server with the given buckets, and points the AWS
// SDK at credentials of its own, never at the machine's.
func startS3(t testing.TB, buckets ...string) *fakeS3 {
	t.Helper()
	f := &fakeS3{backend: s3mem.New(), cacheControl: map[string]string{}}
	f.reset()
	for _, b := range buckets {
		if err := f.backend.CreateBucket(b); err != nil {
			t.Fatal(err)
		}
	}
	s3 := gofakes3.New(f.backend, gofakes3.WithAutoBucket(false))
	f.srv = httptest.NewServer(f.wrap(s3.Server()))
	t.Cleanup(f.srv.Close)
	dir := t.TempDir()
	t.Setenv("AWS_ACCESS_KEY_ID", "newsgen-test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", testSecret)
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	return f
}

// testSecret must never appear in anything newsgen prints.
const testSecret = "s3cr3t-never-printed-4e1f"

// url is the s3:// URL of a bucket on this server.
func (f *fakeS3) url(bucket string) string {
	return "s3://" + bucket + "?region=us-east-1&use_path_style=true&endpoint=" + url.QueryEscape(f.srv.URL)
}

func (f *fakeS3) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.methods, f.list, f.uploads = map[string]int{}, 0, 0
	f.puts, f.deletes = map[string][]string{}, map[string][]string{}
}

func (f *fakeS3) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		bucket, key, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		f.mu.Lock()
		f.methods[r.Method]++
		if r.Method == http.MethodGet && key == "" {
			f.list++
		}
		refuse := false
		if (r.Method == http.MethodPut || r.Method == http.MethodDelete) && key != "" {
			isManifest := key == manifestKey
			if r.Method == http.MethodPut && !isManifest {
				f.uploads++
			}
			refuse = f.failAfter > 0 && f.uploads > f.failAfter && (!isManifest || f.failManifest)
			if !refuse && r.Method == http.MethodPut {
				f.puts[bucket] = append(f.puts[bucket], key)
				f.cacheControl[bucket+"/"+key] = r.Header.Get("Cache-Control")
			}
			if !refuse && r.Method == http.MethodDelete {
				f.deletes[bucket] = append(f.deletes[bucket], key)
			}
		}
		f.mu.Unlock()
		if refuse {
			w.WriteHeader(http.StatusForbidden)
			w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>`))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// counts returns the requests by method, the listings, and the keys put
// and deleted in a bucket since the last reset.
func (f *fakeS3) counts(bucket string) (methods map[string]int, list int, puts, deletes []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := map[string]int{}
	for k, v := range f.methods {
		m[k] = v
	}
	return m, f.list, append([]string(nil), f.puts[bucket]...), append([]string(nil), f.deletes[bucket]...)
}

// sentCacheControl is the Cache-Control an object was uploaded with.
func (f *fakeS3) sentCacheControl(bucket, key string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cacheControl[bucket+"/"+key]
}

// get fetches an object over plain HTTP, as a bucket website would serve
// it.
func (f *fakeS3) get(t testing.TB, bucket, key string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(f.srv.URL + "/" + bucket + "/" + (&url.URL{Path: key}).EscapedPath())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	if _, err := io.Copy(&b, resp.Body); err != nil {
		t.Fatal(err)
	}
	return resp, []byte(b.String())
}
