package deploy

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"

	"newsgen/generator/atomicfile"
	"newsgen/generator/config"
	"newsgen/generator/workers"
)

// localFile is one file of the built site.
type localFile struct {
	key  string
	path string
	info fs.FileInfo
	obj  Object
}

// localSite is the built site as the bucket should hold it.
type localSite struct {
	files map[string]*localFile
	// hashed counts the files read to hash them; the others' hashes came
	// from the record.
	hashed int
}

// scan lists the files of dir with their sizes, hashes and headers. A
// file whose size and modification time match the record keeps the
// recorded hash and is not read: a build leaves the files whose bytes did
// not change untouched, so after one new article only the pages that
// changed are read. Files a build is still writing (atomicfile's
// temporary files) are left out.
func scan(dir string, rec *record, nworkers int, cc config.CacheControl) (*localSite, error) {
	var files []*localFile
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), atomicfile.TempPrefix) || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		key := filepath.ToSlash(rel)
		files = append(files, &localFile{key: key, path: p, info: info,
			obj: Object{Size: info.Size(), Type: ContentType(key), Cache: CacheControlFor(cc, KindOf(key))}})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].key < files[j].key })
	site := &localSite{files: make(map[string]*localFile, len(files))}
	var hashed atomic.Int64
	errs := make([]error, len(files))
	workers.Each(nworkers, len(files), func(i int) {
		f := files[i]
		if sum, ok := rec.lookup(f.key, f.info); ok {
			f.obj.MD5 = sum
			return
		}
		sum, err := hashFile(f.path)
		if err != nil {
			errs[i] = err
			return
		}
		f.obj.MD5 = sum
		hashed.Add(1)
	})
	for i, f := range files {
		if errs[i] != nil {
			return nil, errs[i]
		}
		site.files[f.key] = f
		rec.set(f.key, f.info, f.obj.MD5)
	}
	site.hashed = int(hashed.Load())
	return site, nil
}

// hashFile returns the hex MD5 of a file's bytes.
func hashFile(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := md5.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
