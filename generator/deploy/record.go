package deploy

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"newsgen/generator/atomicfile"
)

// recordVersion changes with the record's shape or meaning.
const recordVersion = 1

// record remembers the hash of each file of the output folder with the
// size and modification time it had then, so that a deploy reads only
// the files that changed since the last one. It is a shortcut kept on
// this machine; the bucket's manifest stays the truth, and a deploy
// without a record hashes every file.
type record struct {
	mu      sync.Mutex
	Version int
	Files   map[string]recorded
	// seen are the keys looked up or set by this deploy; the others are
	// dropped when the record is saved.
	seen map[string]bool
}

type recorded struct {
	Size, ModTime int64
	MD5           string
}

// RecordFile names the record of an output folder in the cache folder:
// deploys of two output folders keep two records.
func RecordFile(cacheDir, out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(cacheDir, "deploy-"+hex.EncodeToString(sum[:8])+".gob")
}

// loadRecord reads a record; a missing or unreadable one is empty. An
// empty name gives a record that is never saved.
func loadRecord(name string) *record {
	r := &record{Version: recordVersion, Files: map[string]recorded{}, seen: map[string]bool{}}
	if name == "" {
		return r
	}
	f, err := os.Open(name)
	if err != nil {
		return r
	}
	defer f.Close()
	old := &record{}
	if gob.NewDecoder(bufio.NewReader(f)).Decode(old) == nil && old.Version == recordVersion && old.Files != nil {
		r.Files = old.Files
	}
	return r
}

// lookup returns the recorded hash of a file when its size and
// modification time are still those recorded.
func (r *record) lookup(key string, info fs.FileInfo) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rec, ok := r.Files[key]
	if !ok || rec.Size != info.Size() || rec.ModTime != info.ModTime().UnixNano() {
		return "", false
	}
	return rec.MD5, true
}

func (r *record) set(key string, info fs.FileInfo, md5 string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Files[key] = recorded{Size: info.Size(), ModTime: info.ModTime().UnixNano(), MD5: md5}
	r.seen[key] = true
}

// save writes the record whole, keeping only the files seen this time.
func (r *record) save(name string) error {
	if name == "" {
		return nil
	}
	for k := range r.Files {
		if !r.seen[k] {
			delete(r.Files, k)
		}
	}
	f, err := os.CreateTemp(filepath.Dir(name), atomicfile.TempPrefix+"*")
	if os.IsNotExist(err) {
		if err = os.MkdirAll(filepath.Dir(name), 0o755); err == nil {
			f, err = os.CreateTemp(filepath.Dir(name), atomicfile.TempPrefix+"*")
		}
	}
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	err = gob.NewEncoder(w).Encode(r)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
