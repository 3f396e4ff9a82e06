package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// The ASCII tokenizer finds what the general one finds, positions and
// skipped long tokens included.
func TestASCIITokensAsRuneTokens(t *testing.T) {
	type tok struct {
		s   string
		pos int
	}
	collect := func(each func(string, func(string, int)) int, s string) ([]tok, int) {
		var out []tok
		n := each(s, func(s string, p int) { out = append(out, tok{s, p}) })
		return out, n
	}
	cases := []string{"", "don't stop", "'quoted' words'", "a''b", "x'", "'y", "rock'n'roll 2024's",
		"o'brien-smith, 12.5%", strings.Repeat("z", 70) + " next", "end."}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "ab1' .-Z\n"
	for range 2000 {
		b := make([]byte, rng.IntN(20))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		got, gn := collect(eachASCIIToken, s)
		want, wn := collect(eachRuneToken, s)
		if !slices.Equal(got, want) || gn != wn {
			t.Fatalf("%q: ASCII tokens %v (%d positions), want %v (%d)", s, got, gn, want, wn)
		}
	}
}
