package deploy

import (
	"context"
	"fmt"
	"net/url"

	"gocloud.dev/blob"
)

// OpenBucket opens the bucket a URL names: s3://bucket?region=… (with
// endpoint=… for any S3-compatible store), gs://bucket, azblob://container
// or file:///path. Credentials come from each cloud's own environment; a
// URL that carries any is refused, so that none ends up in a config file
// or a log. A file:// bucket is made when missing and gets no metadata
// sidecar files, so the folder is a plain mirror of the site that any web
// server can serve; its URL can say otherwise.
func OpenBucket(ctx context.Context, raw string) (*blob.Bucket, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		return nil, fmt.Errorf("deploy: %q is not a bucket URL such as s3://bucket?region=us-east-1, gs://bucket, azblob://container or file:///path", raw)
	}
	if u.User != nil {
		return nil, fmt.Errorf("deploy: the bucket URL must not hold credentials; set them in the environment of the cloud instead")
	}
	if u.Scheme == "file" {
		q := u.Query()
		if !q.Has("metadata") {
			q.Set("metadata", "skip")
		}
		for _, k := range []string{"create_dir", "no_tmp_dir"} {
			if !q.Has(k) {
				q.Set(k, "true")
			}
		}
		u.RawQuery = q.Encode()
	}
	b, err := blob.OpenBucket(ctx, u.String())
	if err != nil {
		return nil, fmt.Errorf("deploy: opening %s: %w", u.Redacted(), err)
	}
	return b, nil
}
