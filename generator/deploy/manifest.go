package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// ManifestKey is where the manifest lives in the bucket, beside the site.
const ManifestKey = ".newsgen-manifest.json.gz"

// manifestVersion changes with the manifest's shape; a manifest of
// another version is not trusted, and the bucket is listed instead.
const manifestVersion = 1

// Manifest records what a deploy left in the bucket: every object by its
// key. It travels with the bucket, so that any machine, a CI runner with
// no cache included, can tell what the bucket holds without listing it.
type Manifest struct {
	Version int               `json:"version"`
	Objects map[string]Object `json:"objects"`
}

func newManifest() *Manifest {
	return &Manifest{Version: manifestVersion, Objects: map[string]Object{}}
}

// clone returns a copy that can change without changing m.
func (m *Manifest) clone() *Manifest {
	c := newManifest()
	for k, o := range m.Objects {
		c.Objects[k] = o
	}
	return c
}

// equal reports whether two manifests record the same objects; a nil
// manifest equals none.
func (m *Manifest) equal(o *Manifest) bool {
	if o == nil || len(m.Objects) != len(o.Objects) {
		return false
	}
	for k, v := range m.Objects {
		if w, ok := o.Objects[k]; !ok || v != w {
			return false
		}
	}
	return true
}

// errNoManifest means the bucket holds no manifest, or none newsgen can
// use.
type errNoManifest struct{ why string }

func (e errNoManifest) Error() string { return e.why }

// readManifest reads the bucket's manifest. A bucket without one, or with
// one that cannot be read, gives an errNoManifest.
func readManifest(ctx context.Context, b *blob.Bucket) (*Manifest, error) {
	data, err := b.ReadAll(ctx, ManifestKey)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return nil, errNoManifest{"the bucket has no manifest"}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ManifestKey, err)
	}
	m := newManifest()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err == nil {
		err = json.NewDecoder(zr).Decode(m)
	}
	if err != nil {
		return nil, errNoManifest{fmt.Sprintf("the manifest %s cannot be read (%v)", ManifestKey, err)}
	}
	if m.Version != manifestVersion {
		return nil, errNoManifest{fmt.Sprintf("the manifest %s is of version %d, not %d", ManifestKey, m.Version, manifestVersion)}
	}
	if m.Objects == nil {
		m.Objects = map[string]Object{}
	}
	return m, nil
}

// encode returns the manifest as gzipped JSON. Keys come out sorted, so
// the same bucket gives the same bytes.
func (m *Manifest) encode() ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := json.NewEncoder(zw).Encode(m); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeManifest stores the manifest in the bucket, whole: object stores
// replace an object atomically, so a reader sees the old or the new one.
func writeManifest(ctx context.Context, b *blob.Bucket, m *Manifest) error {
	data, err := m.encode()
	if err != nil {
		return err
	}
	err = b.WriteAll(ctx, ManifestKey, data, &blob.WriterOptions{ContentType: "application/gzip", CacheControl: "no-store"})
	if err != nil {
		return fmt.Errorf("%s: %w", ManifestKey, err)
	}
	return nil
}
