package seed

import (
	"testing"
	"time"

	"newsgen/generator/corpus"
)

// corpusSeeds is how many synthetic seeds BenchmarkParseCorpus cycles
// through: enough to cover every shape the corpus makes.
const corpusSeeds = 200

// BenchmarkParseCorpus measures Parse on synthetic seeds, one per
// iteration, round-robin over the first corpusSeeds of the corpus.
func BenchmarkParseCorpus(b *testing.B) {
	type seedFile struct {
		name string
		data []byte
		mod  time.Time
	}
	seeds := make([]seedFile, corpusSeeds)
	size := 0
	for i := range seeds {
		name, data, mod := corpus.Seed(i)
		seeds[i] = seedFile{name, data, mod}
		size += len(data)
	}
	b.SetBytes(int64(size / len(seeds)))
	i := 0
	for b.Loop() {
		s := seeds[i%len(seeds)]
		if _, _, err := Parse(s.name, s.data, s.mod, Options{}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
