package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

func TestSeedIsAPureFunctionOfItsNumber(t *testing.T) {
	name5, text5, mod5 := Seed(5)
	Seed(3) // generating others in between must not change seed 5
	Seed(4)
	name, text, mod := Seed(5)
	if name != name5 || !bytes.Equal(text, text5) || !mod.Equal(mod5) {
		t.Fatalf("Seed(5) changed between calls: %s %v, then %s %v", name5, mod5, name, mod)
	}
	if _, other, _ := Seed(6); bytes.Equal(other, text5) {
		t.Fatal("seeds 5 and 6 have the same text")
	}
}

func TestSeedNameIsNumberAndHash(t *testing.T) {
	name, _, _ := Seed(42)
	if !strings.HasPrefix(name, "000042_") || !strings.HasSuffix(name, ".txt") || len(name) != len("000042_")+16+len(".txt") {
		t.Fatalf("name %q is not NNNNNN_<16 hex digits>.txt", name)
	}
	if big, _, _ := Seed(1234567); !strings.HasPrefix(big, "1234567_") {
		t.Fatalf("seed 1234567 is named %q", big)
	}
}

func TestBodyWordsInRange(t *testing.T) {
	lo, hi := MaxWords, 0
	for i := range 3000 {
		d := build(i, false)
		lo, hi = min(lo, d.bodyWords), max(hi, d.bodyWords)
		if d.bodyWords < MinWords || d.bodyWords > MaxWords {
			t.Fatalf("seed %d has %d words of paragraphs, want %d to %d", i, d.bodyWords, MinWords, MaxWords)
		}
		if all := words(d.text); all < d.bodyWords || all > d.bodyWords+250 {
			t.Fatalf("seed %d has %d words in all for %d of paragraphs", i, all, d.bodyWords)
		}
	}
	if hi-lo < 300 {
		t.Errorf("paragraph words span only %d to %d", lo, hi)
	}
}

func TestEveryCategoryAppears(t *testing.T) {
	seen := map[string]int{}
	for i := range 2000 {
		d := build(i, false)
		seen[d.category]++
		if first := strings.SplitN(string(d.text), "\n", 2)[0]; strings.HasPrefix(first, "Home") && !strings.Contains(first, " "+d.category+" ") {
			t.Fatalf("seed %d: breadcrumb %q does not name category %q", i, first, d.category)
		}
	}
	var got []string
	for c := range seen {
		got = append(got, c)
	}
	sort.Strings(got)
	want := []string{"Business & Economy", "Climate", "Culture", "Europe", "Health", "Middle East", "Opinion", "Politics", "Science & Tech", "Sport", "Ukraine War", "War", "World"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("categories = %q, want %q", got, want)
	}
	for _, c := range want {
		if seen[c] < 2000/len(want)/2 {
			t.Errorf("category %q has only %d of 2000 seeds", c, seen[c])
		}
	}
}

func TestTitlesAreUniqueExceptDuplicatesOnPurpose(t *testing.T) {
	n := 200000
	if testing.Short() {
		n = 20000
	}
	byTitle := make(map[string]int, n)
	for i := range n {
		h := headlineOf(i)
		if j, ok := DuplicateOf(i); ok {
			h = headlineOf(j)
		}
		title := h.title()
		if j, ok := byTitle[title]; ok {
			if d, dup := DuplicateOf(i); !dup || d != j {
				t.Fatalf("seeds %d and %d share the title %q", j, i, title)
			}
			continue
		}
		byTitle[title] = i
	}
	if want := n - n/1000; len(byTitle) != want {
		t.Fatalf("%d distinct titles among %d seeds, want %d", len(byTitle), n, want)
	}
}

func TestDuplicateRepeatsTitleWithOtherText(t *testing.T) {
	a, b := build(998, false), build(999, false)
	if a.title != b.title || a.category != b.category {
		t.Fatalf("seed 999 has title %q in %q, seed 998 %q in %q", b.title, b.category, a.title, a.category)
	}
	if a.name == b.name || bytes.Equal(a.text, b.text) {
		t.Fatal("seeds 998 and 999 are the same file")
	}
}

func TestDatesSpreadOverTenYears(t *testing.T) {
	years := map[int]int{}
	dated := 0
	for i := range 3000 {
		d := build(i, false)
		years[d.date.Year()]++
		if !d.saved.After(d.date) || d.saved.Sub(d.date).Hours() > 48 {
			t.Fatalf("seed %d dated %v was saved at %v", i, d.date, d.saved)
		}
		if d.dated {
			dated++
		}
	}
	for y := 2016; y <= 2026; y++ {
		if years[y] == 0 {
			t.Errorf("no seed dated %d", y)
		}
	}
	if len(years) != 11 {
		t.Errorf("seeds are dated in %d years, want 2016 to 2026: %v", len(years), years)
	}
	if dated < 2400 || dated > 2700 {
		t.Errorf("%d of 3000 seeds have a dateline, want about 85%%", dated)
	}
}

func TestWriteSetsNamesTextsAndTimes(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 25); err != nil {
		t.Fatal(err)
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 25 {
		t.Fatalf("Write made %d files, want 25", len(files))
	}
	for i := range 25 {
		name, text, mod := Seed(i)
		path := filepath.Join(dir, name)
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, text) {
			t.Errorf("%s: text differs from Seed(%d)", name, i)
		}
		if fi, _ := os.Stat(path); !fi.ModTime().Equal(mod) {
			t.Errorf("%s: modified %v, want %v", name, fi.ModTime(), mod)
		}
	}
}

func TestWriteReportsAnUnwritableFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(file, "seeds"), 3); err == nil {
		t.Fatal("Write into a path under a file succeeded")
	}
}

func BenchmarkSeed(b *testing.B) {
	size := 0
	for i := 0; b.Loop(); i++ {
		_, text, _ := Seed(i)
		size += len(text)
	}
	b.SetBytes(int64(size / b.N))
}

func TestNearFindsATypicalLength(t *testing.T) {
	i := Near(1000)
	if i < 0 {
		t.Fatal("Near(1000) found no seed")
	}
	if n := build(i, false).bodyWords; n < 950 || n > 1050 {
		t.Fatalf("Near(1000) = seed %d with %d words", i, n)
	}
	if Near(100) != -1 || Near(5000) != -1 {
		t.Fatal("Near accepts a length no seed has")
	}
}

// TestVocabularyIsWideAndZipfLike counts the distinct words of the first
// thousand seeds: a real archive's vocabulary grows with it into the tens
// of thousands, and its commonest words are far commoner than its median
// one.
func TestVocabularyIsWideAndZipfLike(t *testing.T) {
	counts := map[string]int{}
	for i := range 1000 {
		for _, f := range strings.FieldsFunc(string(build(i, false).text), func(r rune) bool {
			return !unicode.IsLetter(r)
		}) {
			counts[strings.ToLower(f)]++
		}
	}
	if len(counts) < 10000 {
		t.Fatalf("1,000 seeds hold %d distinct words, want at least 10,000", len(counts))
	}
	freq := make([]int, 0, len(counts))
	for _, n := range counts {
		freq = append(freq, n)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(freq)))
	// Under Zipf's law the word of rank r is about r times rarer than the
	// first: rank 100 sits well below rank 10, rank 1,000 below rank 100.
	if !(freq[9] > 3*freq[99] && freq[99] > 3*freq[999]) {
		t.Errorf("frequencies at ranks 10, 100, 1,000: %d, %d, %d; want each over three times the next", freq[9], freq[99], freq[999])
	}
	if once := sort.Search(len(freq), func(i int) bool { return freq[i] == 1 }); len(freq)-once < len(freq)/4 {
		t.Errorf("%d of %d words occur once, want a long tail of at least a quarter", len(freq)-once, len(freq))
	}
	for _, name := range []string{"zürich", "kraków"} {
		if counts[name] == 0 {
			t.Errorf("no seed mentions %s", name)
		}
	}
}
