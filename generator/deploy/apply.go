package deploy

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gocloud.dev/blob"
)

// manifestTimeout bounds the writing of the manifest after a deploy was
// interrupted, when the deploy's own context is done already.
const manifestTimeout = 30 * time.Second

// apply carries out a plan in the order that keeps the bucket serving a
// whole site at every moment: uploads, then the manifest, then deletions,
// then the manifest again.
func apply(ctx context.Context, b *blob.Bucket, o *Options, site *localSite, r *remote, p *plan, sum *Summary) error {
	state := r.state.clone()
	if len(p.added) > 0 {
		for key := range p.added {
			state.Objects[key] = Object{} // unknown until its upload is recorded
		}
		if err := writeManifest(ctx, b, state); err != nil {
			return fmt.Errorf("deploy: %w", err)
		}
	}
	done, err := uploadAll(ctx, b, o, site, p.uploads)
	for _, key := range done {
		state.Objects[key] = site.files[key].obj
		sum.Bytes += site.files[key].obj.Size
	}
	sum.Uploaded = len(done)
	if err != nil {
		// Record what did go up, so that the next run need not send it
		// again, even when this one was interrupted.
		mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), manifestTimeout)
		defer cancel()
		if merr := writeManifest(mctx, b, state); merr != nil {
			o.logf("deploy: %v", merr)
		}
		return fmt.Errorf("deploy: stopped after %d of %d uploads; the bucket still serves a whole site, and running the deploy again finishes it: %w", len(done), len(p.uploads), err)
	}
	if len(p.uploads) > 0 || (r.listed && !state.equal(r.manifest)) {
		if err := writeManifest(ctx, b, state); err != nil {
			return fmt.Errorf("deploy: %w", err)
		}
	}
	if len(p.deletes) == 0 {
		return nil
	}
	return deleteGone(ctx, b, o, state, p, sum)
}

// deleteGone deletes what the site no longer has, last, and records in
// the manifest what it deleted, even when it was interrupted.
func deleteGone(ctx context.Context, b *blob.Bucket, o *Options, state *Manifest, p *plan, sum *Summary) error {
	deleted, err := deleteAll(ctx, b, o, p.deletes)
	for _, key := range deleted {
		delete(state.Objects, key)
	}
	sum.Deleted = len(deleted)
	mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), manifestTimeout)
	defer cancel()
	if merr := writeManifest(mctx, b, state); merr != nil {
		err = errors.Join(err, merr)
	}
	if err != nil {
		return fmt.Errorf("deploy: %d of %d deletions done; running the deploy again finishes them: %w", len(deleted), len(p.deletes), err)
	}
	return nil
}
