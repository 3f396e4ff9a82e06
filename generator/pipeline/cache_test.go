package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgen/generator/config"
)

// flipsThatDecode returns single-bit flips of the cache's gob stream,
// spread over it, after which the stream still decodes into a cache of
// this version: damage that only the checksum can tell.
func flipsThatDecode(t *testing.T, body []byte, want int) []int {
	t.Helper()
	var bits []int
	step := max(1, len(body)*8/(want*40))
	for bit := 7; bit < len(body)*8 && len(bits) < want; bit += step {
		flipped := bytes.Clone(body)
		flipped[bit/8] ^= 1 << (bit % 8)
		if c, err := openCache(bytes.NewReader(flipped), int64(len(flipped)), nil); err == nil && len(c.entryMap()) > 0 {
			bits = append(bits, bit)
		}
	}
	if len(bits) < want {
		t.Fatalf("only %d of the flips tried still decode", len(bits))
	}
	return bits
}

func TestDamagedCacheThatStillDecodesIsRebuilt(t *testing.T) {
	root := corpusSite(t, 30)
	build(t, Options{Root: root})
	want := snapshot(t, filepath.Join(root, OutDir))
	name := cacheFile(root, config.Default().CacheDir, filepath.Join(root, OutDir))
	good, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	body := good[:len(good)-len(sumMagic)-32]
	bits := flipsThatDecode(t, body, 20)
	for _, bit := range bits {
		damaged := bytes.Clone(good)
		damaged[bit/8] ^= 1 << (bit % 8)
		if err := os.WriteFile(name, damaged, 0o644); err != nil {
			t.Fatal(err)
		}
		c, note := loadCache(name)
		if !strings.Contains(note, "checksum does not match") || len(c.Entries) != 0 {
			t.Fatalf("bit %d flipped: note %q, %d entries trusted", bit, note, len(c.Entries))
		}
	}
	// All twenty at once, then a build: it rebuilds the cache and the site
	// is as a cold build makes it.
	damaged := bytes.Clone(good)
	for _, bit := range bits {
		damaged[bit/8] ^= 1 << (bit % 8)
	}
	os.WriteFile(name, damaged, 0o644)
	var log strings.Builder
	build(t, Options{Root: root, Log: &log})
	if !strings.Contains(log.String(), "the cache is damaged; rebuilding it") {
		t.Errorf("no note of the damaged cache in:\n%s", log.String())
	}
	if got := snapshot(t, filepath.Join(root, OutDir)); !sameFiles(got, want) {
		t.Error("site built over a damaged cache differs from a cold build")
	}
	if c, note := loadCache(name); note != "" || len(c.entryMap()) != 30 {
		t.Errorf("cache after the rebuild: note %q, %d entries", note, len(c.Entries))
	}
}

func TestTruncatedOrForeignCacheIsIgnoredQuietly(t *testing.T) {
	root := corpusSite(t, 5)
	build(t, Options{Root: root})
	name := cacheFile(root, config.Default().CacheDir, filepath.Join(root, OutDir))
	good, _ := os.ReadFile(name)
	for _, data := range [][]byte{good[:len(good)/2], []byte("garbage"), nil} {
		os.WriteFile(name, data, 0o644)
		if c, note := loadCache(name); len(c.Entries) != 0 || (note != "" && !strings.Contains(note, "truncated")) {
			t.Errorf("%d bytes: note %q, %d entries", len(data), note, len(c.Entries))
		}
	}
}

func sameFiles(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
