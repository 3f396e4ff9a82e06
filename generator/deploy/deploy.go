// Package deploy copies a built site to object storage (S3 and any
// S3-compatible store, Google Cloud Storage, Azure Blob Storage, or a
// folder) through gocloud.dev/blob, uploading only what changed.
//
// The bucket carries a manifest (ManifestKey) of every object a deploy
// left there, with its size, MD5, Content-Type and Cache-Control. A deploy
// compares the built site with the manifest, not with a listing of the
// bucket, so that any machine, a CI runner with no cache included,
// deploys one new article by reading one small object and writing a
// handful. With Full, or when the bucket has no usable manifest, the
// bucket is listed instead, as for a bucket changed by hand.
//
// A deploy that stops half-way leaves the bucket serving a whole site and
// can simply be run again: new and changed objects go first (what a page
// needs before the page), the manifest after them, deletions last. Before
// uploading objects the bucket has never held, the manifest is written
// with those keys marked as unknown, so that even a deploy killed before
// it could record anything leaves no object behind that a later deploy
// would not know to replace or delete.
package deploy

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"gocloud.dev/blob"

	"newsgen/generator/config"
)

// Options are one deploy's settings.
type Options struct {
	// Dir is the built site.
	Dir string
	// Full compares the site with a listing of the bucket instead of its
	// manifest.
	Full bool
	// DryRun prints what would be uploaded and deleted, and changes
	// nothing.
	DryRun bool
	// MaxDeletes refuses a deploy that would delete more objects; a
	// negative number allows any.
	MaxDeletes int
	// Workers is how many uploads run at once; 0 means 8.
	Workers int
	// CacheControl gives the Cache-Control of each kind of file.
	CacheControl config.CacheControl
	// Record names the file that keeps local hashes between deploys
	// (see RecordFile); "" hashes every file each time.
	Record string
	// Retries is how many times a failed request is tried again, and
	// Backoff the wait before the first retry, doubled for each next one.
	// Zero values mean 4 and half a second.
	Retries int
	Backoff time.Duration
	// Log receives progress and summary lines.
	Log io.Writer
	// ProgressEvery is how often a progress line is written while
	// uploading; 0 means every two seconds.
	ProgressEvery time.Duration
}

func (o *Options) fill() {
	if o.Workers <= 0 {
		o.Workers = 8
	}
	if o.Retries <= 0 {
		o.Retries = 4
	}
	if o.Backoff <= 0 {
		o.Backoff = 500 * time.Millisecond
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.ProgressEvery <= 0 {
		o.ProgressEvery = 2 * time.Second
	}
}

func (o *Options) logf(format string, args ...any) { fmt.Fprintf(o.Log, format+"\n", args...) }

// Summary is what a deploy did.
type Summary struct {
	// Files is how many files the site has.
	Files                        int
	Uploaded, Unchanged, Deleted int
	// Bytes is the size of the uploads.
	Bytes int64
	// Hashed counts the local files read to hash them.
	Hashed int
	// Listed says the bucket was listed rather than its manifest read.
	Listed  bool
	DryRun  bool
	Elapsed time.Duration
}

// String is the deploy's one-line account.
func (s *Summary) String() string {
	verb := "deploy"
	if s.DryRun {
		verb = "deploy (dry run, nothing changed)"
	}
	from := "manifest"
	if s.Listed {
		from = "listing"
	}
	return fmt.Sprintf("%s: %d uploaded, %d unchanged, %d deleted; %s; %s (%d of %d files hashed, compared with the bucket's %s)",
		verb, s.Uploaded, s.Unchanged, s.Deleted, sizeString(s.Bytes), s.Elapsed.Round(time.Millisecond), s.Hashed, s.Files, from)
}

// Run deploys the site to the bucket at url.
func Run(ctx context.Context, url string, o Options) (*Summary, error) {
	b, err := OpenBucket(ctx, url)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	return ToBucket(ctx, b, o)
}

// ToBucket deploys the site to an open bucket.
func ToBucket(ctx context.Context, b *blob.Bucket, o Options) (*Summary, error) {
	o.fill()
	start := time.Now()
	site, err := scanSite(&o)
	if err != nil {
		return nil, err
	}
	r, err := remoteState(ctx, b, &o)
	if err != nil {
		return nil, err
	}
	p := makePlan(site, r.state)
	sum := &Summary{Files: len(site.files), Unchanged: p.unchanged, Hashed: site.hashed, Listed: r.listed, DryRun: o.DryRun}
	if err := p.guard(o.MaxDeletes); err != nil {
		return sum, err
	}
	if o.DryRun {
		p.print(&o, r.state)
		sum.Uploaded, sum.Deleted, sum.Bytes = len(p.uploads), len(p.deletes), p.bytes
	} else {
		err = apply(ctx, b, &o, site, r, p, sum)
	}
	sum.Elapsed = time.Since(start)
	if err == nil {
		o.logf("%s", sum)
	}
	return sum, err
}

// scanSite reads the built site, with the record of hashes, and keeps the
// record for the next deploy.
func scanSite(o *Options) (*localSite, error) {
	if info, err := os.Stat(o.Dir); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("deploy: %s is no built site; run newsgen build first", o.Dir)
	}
	rec := loadRecord(o.Record)
	site, err := scan(o.Dir, rec, o.Workers, o.CacheControl)
	if err != nil {
		return nil, fmt.Errorf("deploy: %w", err)
	}
	if len(site.files) == 0 {
		return nil, fmt.Errorf("deploy: %s holds no files; run newsgen build first", o.Dir)
	}
	if err := rec.save(o.Record); err != nil {
		o.logf("deploy: could not keep the hashes for next time: %v", err)
	}
	return site, nil
}

// print lists what a dry run would do, one line per object.
func (p *plan) print(o *Options, remote *Manifest) {
	for _, key := range p.uploads {
		why := "changed"
		if _, ok := remote.Objects[key]; !ok {
			why = "new"
		}
		o.logf("would upload %s (%s)", key, why)
	}
	for _, key := range p.deletes {
		o.logf("would delete %s", key)
	}
}
