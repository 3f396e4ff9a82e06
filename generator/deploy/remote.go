package deploy

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"gocloud.dev/blob"
)

// remoteState returns what the bucket holds: its manifest, or with full
// (or when there is no usable manifest) a listing of the bucket. The
// second result says whether the bucket was listed.
func remoteState(ctx context.Context, b *blob.Bucket, o *Options) (*Manifest, bool, error) {
	if !o.Full {
		m, err := readManifest(ctx, b)
		var none errNoManifest
		if !errors.As(err, &none) {
			return m, false, err
		}
		o.logf("deploy: %s; listing the bucket instead", none.why)
	}
	m, err := listBucket(ctx, b, o)
	return m, true, err
}

// listBucket lists every object of the bucket with its size and MD5, as
// `hugo deploy` does on every run. An object the listing gives no MD5 for
// (a multipart upload's ETag is not one) is read and hashed.
func listBucket(ctx context.Context, b *blob.Bucket, o *Options) (*Manifest, error) {
	m := newManifest()
	it := b.List(nil)
	for {
		obj, err := it.Next(ctx)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("listing the bucket: %w", err)
		}
		if obj.IsDir || obj.Key == ManifestKey {
			continue
		}
		sum := hex.EncodeToString(obj.MD5)
		if len(obj.MD5) == 0 {
			if sum, err = hashObject(ctx, b, obj.Key); err != nil {
				return nil, err
			}
		}
		m.Objects[obj.Key] = Object{Size: obj.Size, MD5: sum}
	}
	return m, nil
}

// hashObject reads an object and returns its hex MD5.
func hashObject(ctx context.Context, b *blob.Bucket, key string) (string, error) {
	r, err := b.NewReader(ctx, key, nil)
	if err != nil {
		return "", fmt.Errorf("%s: %w", key, err)
	}
	defer r.Close()
	h := md5.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", fmt.Errorf("%s: %w", key, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
