package content_test

import (
	"testing"

	"newsgen/generator/content"
	"newsgen/generator/corpus"
	"newsgen/generator/seed"
)

// contentFile is a synthetic article of about 1,000 words as import
// writes it into content/.
func contentFile(b *testing.B) []byte {
	b.Helper()
	name, text, mod := corpus.Seed(corpus.Near(1000))
	a, _, err := seed.Parse(name, text, mod, seed.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return content.FormatImported(a)
}

func BenchmarkParse(b *testing.B) {
	data := contentFile(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := content.Parse("content/article.md", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseMeta is the front matter alone, as the load stage reads
// every article.
func BenchmarkParseMeta(b *testing.B) {
	data := contentFile(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := content.ParseMeta("content/article.md", data); err != nil {
			b.Fatal(err)
		}
	}
}
