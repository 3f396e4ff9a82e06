package deploy

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"newsgen/generator/workers"
)

// uploadAll uploads the files of the given keys, o.Workers at a time, and
// returns the keys uploaded. The first upload that fails for good stops
// the others.
func uploadAll(ctx context.Context, b *blob.Bucket, o *Options, site *localSite, keys []string) ([]string, error) {
	var total int64
	for _, k := range keys {
		total += site.files[k].obj.Size
	}
	prog := startProgress(o, len(keys), total)
	defer prog.stop()
	ok := make([]bool, len(keys))
	err := eachUntilError(ctx, o.Workers, len(keys), func(ctx context.Context, i int) error {
		f := site.files[keys[i]]
		if err := withRetries(ctx, o, func() error { return upload(ctx, b, f) }); err != nil {
			return fmt.Errorf("%s: %w", f.key, err)
		}
		ok[i] = true
		prog.add(f.obj.Size)
		return nil
	})
	return pick(keys, ok), err
}

// deleteAll deletes the objects of the given keys and returns those
// deleted; one that is gone already counts as deleted.
func deleteAll(ctx context.Context, b *blob.Bucket, o *Options, keys []string) ([]string, error) {
	ok := make([]bool, len(keys))
	err := eachUntilError(ctx, o.Workers, len(keys), func(ctx context.Context, i int) error {
		err := withRetries(ctx, o, func() error {
			err := b.Delete(ctx, keys[i])
			if gcerrors.Code(err) == gcerrors.NotFound {
				return nil
			}
			return err
		})
		if err != nil {
			return fmt.Errorf("%s: %w", keys[i], err)
		}
		ok[i] = true
		return nil
	})
	return pick(keys, ok), err
}

// eachUntilError calls fn for every index on the given number of workers
// and returns the first error; after it, the calls not yet started are
// skipped and those running see their context cancelled.
func eachUntilError(ctx context.Context, nworkers, n int, fn func(context.Context, int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var mu sync.Mutex
	var first error
	workers.Each(nworkers, n, func(i int) {
		if ctx.Err() != nil {
			return
		}
		if err := fn(ctx, i); err != nil {
			mu.Lock()
			if first == nil {
				first = err
			}
			mu.Unlock()
			cancel()
		}
	})
	if first == nil {
		first = ctx.Err()
	}
	return first
}

func pick(keys []string, ok []bool) []string {
	var out []string
	for i, k := range keys {
		if ok[i] {
			out = append(out, k)
		}
	}
	return out
}

// upload streams one file into the bucket with its headers. The bucket
// checks the bytes it received against the MD5 the file had when it was
// scanned, so a file changed since is refused rather than half-recorded.
func upload(ctx context.Context, b *blob.Bucket, f *localFile) error {
	sum, err := hex.DecodeString(f.obj.MD5)
	if err != nil {
		return permanent{err}
	}
	in, err := os.Open(f.path)
	if err != nil {
		return permanent{err}
	}
	defer in.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w, err := b.NewWriter(ctx, f.key, &blob.WriterOptions{ContentType: f.obj.Type, CacheControl: f.obj.Cache, ContentMD5: sum})
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, in); err != nil {
		cancel() // abandons the upload
		w.Close()
		return err
	}
	return w.Close()
}

// permanent marks an error that trying again cannot mend.
type permanent struct{ error }

func (p permanent) Unwrap() error { return p.error }

// withRetries runs op, and runs it again after a growing wait while it
// fails in a way that may pass: a server error, a throttle, a timeout or
// a dropped connection.
func withRetries(ctx context.Context, o *Options, op func() error) error {
	wait := o.Backoff
	for attempt := 0; ; attempt++ {
		err := op()
		if err == nil || attempt >= o.Retries || !transient(err) || ctx.Err() != nil {
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return err
		}
		wait *= 2
	}
}

func transient(err error) bool {
	if _, ok := err.(permanent); ok {
		return false
	}
	switch gcerrors.Code(err) {
	case gcerrors.Unknown, gcerrors.Internal, gcerrors.ResourceExhausted, gcerrors.DeadlineExceeded:
		return true
	}
	return false
}
