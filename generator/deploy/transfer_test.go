package deploy

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"gocloud.dev/blob/memblob"
)

func TestRetriesWaitLongerEachTimeAndStopAtPermanentErrors(t *testing.T) {
	o := &Options{Retries: 3, Backoff: 5 * time.Millisecond}
	ctx := context.Background()

	calls := 0
	start := time.Now()
	err := withRetries(ctx, o, func() error {
		if calls++; calls < 3 {
			return errors.New("connection reset by peer")
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Errorf("transient failures: %d calls, %v", calls, err)
	}
	if waited := time.Since(start); waited < 15*time.Millisecond {
		t.Errorf("two retries waited %s; the backoff is 5ms then 10ms", waited)
	}

	calls = 0
	err = withRetries(ctx, o, func() error { calls++; return errors.New("503 slow down") })
	if err == nil || calls != 4 {
		t.Errorf("lasting failure: %d calls (want 1 and 3 retries), %v", calls, err)
	}

	b := memblob.OpenBucket(nil)
	defer b.Close()
	calls = 0
	err = withRetries(ctx, o, func() error { calls++; _, err := b.ReadAll(ctx, "missing"); return err })
	if err == nil || calls != 1 {
		t.Errorf("not found: %d calls, %v", calls, err)
	}
	calls = 0
	err = withRetries(ctx, o, func() error { calls++; return permanent{os.ErrNotExist} })
	if !errors.Is(err, os.ErrNotExist) || calls != 1 {
		t.Errorf("local file error: %d calls, %v", calls, err)
	}
}
