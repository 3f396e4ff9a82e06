package corpus

import (
	"math"
	"math/rand/v2"
	"sort"
	"sync"
)

// The lexicon gives the corpus a vocabulary as wide as a real archive's:
// hundreds of thousands of made-up words, drawn with a Zipf-like curve so
// that a few are everywhere and most are rare, as in real text. Without
// it every word of the corpus would be common and measurements of search
// would be dishonest. Words, surnames and places are pure functions of
// their rank, so the corpus stays the same every time.
const (
	lexiconSize = 250_000
	surnameSize = 30_000
	placeSize   = 8_000
	// zipfExponent is the slope of the rank-frequency curve; natural
	// language sits close to 1.
	zipfExponent = 1.05
)

// Syllables that words are made of. Accented vowels appear in names and
// places only, where real archives have them.
var (
	onsets  = []string{"b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "pr", "qu", "r", "s", "sc", "sh", "sl", "st", "t", "th", "tr", "v", "w", "z", ""}
	nuclei  = []string{"a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "ia", "y", "ee"}
	codas   = []string{"", "", "", "n", "r", "l", "s", "m", "nt", "rd", "st", "x", "ck", "ng", "th", "sh", "ve"}
	accents = []string{"é", "è", "ü", "ö", "ä", "á", "í", "ó", "ñ", "ç", "å", "ô"}
	// placeEnds make generated places read like towns and regions.
	placeEnds = []string{"burg", "ville", "stad", "ford", "holm", "grad", "ania", "ia", "mouth", "berg", "dorf", "ona", "field", "sk", "ino", "ac"}
)

// Placeholder expansions that use the lexicon (see writer.fill).
const (
	lexWord    = 'w' // a word of the lexicon, in some inflected form
	lexSurname = 'S' // a full name with a surname of the lexicon
	lexPlace   = 'L' // a place of the lexicon
)

// zipf draws ranks from 0 to n-1 with probability proportional to
// 1/(rank+1)^zipfExponent, by inverting a cumulative table.
type zipf struct {
	once sync.Once
	n    int
	cdf  []float64
}

var (
	wordRanks    = &zipf{n: lexiconSize}
	surnameRanks = &zipf{n: surnameSize}
	placeRanks   = &zipf{n: placeSize}
)

func (z *zipf) draw(rng *rand.Rand) int {
	z.once.Do(func() {
		z.cdf = make([]float64, z.n)
		sum := 0.0
		for r := range z.n {
			sum += math.Pow(float64(r+1), -zipfExponent)
			z.cdf[r] = sum
		}
		for r := range z.cdf {
			z.cdf[r] /= sum
		}
	})
	return min(sort.SearchFloat64s(z.cdf, rng.Float64()), z.n-1)
}

// stemOf is lexicon word r in its base form, made of one syllable more
// than extra picks from 0 to spread, chosen by a generator seeded with r
// and salt (one salt per kind of name).
func stemOf(r int, salt uint64, extra, spread int) string {
	rng := rand.New(rand.NewPCG(uint64(r), salt))
	n := extra + rng.IntN(spread+1)
	if r < 2000 {
		n = extra // the commonest words are short, as in every language
	}
	b := make([]byte, 0, 16)
	for s := range n {
		b = append(b, onsets[rng.IntN(len(onsets))]...)
		b = append(b, nuclei[rng.IntN(len(nuclei))]...)
		if s == n-1 || rng.IntN(3) == 0 {
			b = append(b, codas[rng.IntN(len(codas))]...)
		}
	}
	return string(b)
}

// lexWordOf appends lexicon word r in one of its forms: as it is, plural,
// or with -ing or -ed, spelt the way English spells them, so that search
// meets the forms that stemming must bring together.
func lexWordOf(b []byte, r int, form int) []byte {
	stem := stemOf(r, 0x6c6578, 2, 1)
	last := stem[len(stem)-1]
	switch form {
	case 1: // plural
		b = append(b, stem...)
		if last == 's' || last == 'x' || last == 'h' {
			return append(b, "es"...)
		}
		return append(b, 's')
	case 2: // -ing
		if last == 'e' && len(stem) > 3 {
			stem = stem[:len(stem)-1]
		}
		return append(append(b, stem...), "ing"...)
	case 3: // -ed
		b = append(b, stem...)
		if last == 'e' {
			return append(b, 'd')
		}
		return append(b, "ed"...)
	}
	return append(b, stem...)
}

// properOf is a capitalised name made from stem r, with an accented
// vowel in one name out of four.
func properOf(r int, salt uint64, syllables int) []byte {
	stem := []byte(stemOf(r, salt, syllables, 1))
	if r%4 == 1 {
		for i, c := range stem {
			if c == 'a' || c == 'e' || c == 'o' || c == 'u' || c == 'i' {
				acc := accents[r/4%len(accents)]
				stem = append(stem[:i:i], append([]byte(acc), stem[i+1:]...)...)
				break
			}
		}
	}
	if stem[0] >= 'a' && stem[0] <= 'z' {
		stem[0] -= 'a' - 'A'
	}
	return stem
}

// word appends a word of the lexicon, mostly in its base form.
func (w *writer) word() {
	form := 0
	switch x := w.rng.IntN(20); {
	case x < 4:
		form = 1
	case x < 6:
		form = 2
	case x < 8:
		form = 3
	}
	w.buf = lexWordOf(w.buf, wordRanks.draw(w.rng), form)
}

// surname appends a full name whose surname comes from the lexicon.
func (w *writer) surname() {
	w.buf = append(w.buf, w.pick(firstNames)...)
	w.buf = append(w.buf, ' ')
	w.buf = append(w.buf, properOf(surnameRanks.draw(w.rng), 0x6e616d, 2)...)
}

// place appends a place of the lexicon: a made-up town.
func (w *writer) place() {
	r := placeRanks.draw(w.rng)
	w.buf = append(w.buf, properOf(r, 0x706c61, 1)...)
	w.buf = append(w.buf, placeEnds[r%len(placeEnds)]...)
}
