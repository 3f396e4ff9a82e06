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

// remote is what the bucket holds, as far as a deploy knows.
type remote struct {
	// state is every object with its size and MD5, and its headers where
	// known.
	state *Manifest
	// manifest is the bucket's manifest; nil when it has none.
	manifest *Manifest
	// listed says state comes from a listing of the bucket.
	listed bool
}

// remoteState reads the bucket's manifest and, with full or when there
// is no usable manifest, lists the bucket; objects the manifest describes
// as listed keep the headers it records.
func remoteState(ctx context.Context, b *blob.Bucket, o *Options) (*remote, error) {
	m, err := readManifest(ctx, b)
	var none errNoManifest
	if errors.As(err, &none) {
		if !o.Full {
			o.logf("deploy: %s; listing the bucket instead", none.why)
		}
		m, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !o.Full && m != nil {
		return &remote{state: m, manifest: m}, nil
	}
	listing, err := listBucket(ctx, b, o)
	if err != nil {
		return nil, err
	}
	if m != nil {
		for key, obj := range listing.Objects {
			if old, ok := m.Objects[key]; ok && old.Size == obj.Size && old.MD5 == obj.MD5 {
				listing.Objects[key] = old
			}
		}
	}
	return &remote{state: listing, manifest: m, listed: true}, nil
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
