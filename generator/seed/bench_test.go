package seed

import "testing"

// BenchmarkParseRealSeed measures Parse on the one real seed.
func BenchmarkParseRealSeed(b *testing.B) {
	data := []byte(realSeed(b))
	for b.Loop() {
		Parse("000_09f99dd35366e427.txt", data, modTime, Options{})
	}
}
