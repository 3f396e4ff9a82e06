package search

import (
	"slices"
	"strings"
	"testing"
)

// The planted corpus: each article is there to prove one behaviour.
// Bodies use filler words that no query asks for.
const filler = "Officials said on the day that further details would follow later in the week. "

func knownCorpus() []article {
	f := strings.Repeat(filler, 5)
	return []article{
		planted("2024/01/zurich/", "Tram strike halts Zürich", "Commuters walk to work.", f, day(1), "world"),
		planted("2024/01/voters/", "Turnout report", "A quiet polling day.", f+"Voters queued early as voting began. "+f, day(2), "politics"),
		planted("2024/02/climate-head/", "Climate talks stall", "Delegates leave Bonn.", f, day(30), "world"),
		planted("2024/02/climate-body/", "Delegates leave Bonn", "Talks end early.", f+"The climate was not on the agenda. "+f, day(31), "world"),
		planted("2024/03/tie-old/", "Harbour bridge reopens", "Traffic flows again.", f, day(60), "local"),
		planted("2024/03/tie-new/", "Harbour bridge reopens", "Traffic flows again.", f, day(61), "local"),
		planted("2024/04/phrase/", "Council budget", "Spending plans.", f+"The minister of finance spoke first. "+f, day(90), "politics"),
		planted("2024/04/scrambled/", "Finance news", "Ministers meet.", f+"Finance officials met the minister of the interior. "+f, day(91), "business"),
		planted("2024/05/apples/", "Apples ripen", "Orchards busy.", f+"Apples everywhere. "+f, day(120), "business"),
		planted("2024/05/pears/", "Pears ripen", "Orchards busy.", f+"Pears everywhere. "+f, day(121), "business"),
		planted("2025/01/new-year/", "New year fireworks", "Crowds gather.", f+"Fireworks lit the harbour. "+f, day(370), "local"),
		planted("2025/02/nosection/", "Odd item", "No desk.", f+"An unusual zebra escaped. "+f, day(400), ""),
	}
}

func TestKnownAnswers(t *testing.T) {
	ix := open(t, build(t, knownCorpus()))
	for _, c := range []struct {
		name, q string
		opt     Options
		want    []string
	}{
		{"accents fold", "zurich ", Options{}, []string{"Tram strike halts Zürich"}},
		{"upper case and accents", "ZÜRICH ", Options{}, []string{"Tram strike halts Zürich"}},
		{"stems: voting finds voters", "vote ", Options{}, []string{"Turnout report"}},
		{"prefix completes the last word", "harb", Options{Typing: true}, []string{"Harbour bridge reopens", "Harbour bridge reopens", "New year fireworks"}},
		{"a word of one article completes nothing", "zur", Options{Typing: true}, nil},
		{"no prefix after a space", "zur ", Options{Typing: true}, nil},
		{"no prefix unless typing", "zur", Options{}, nil},
		{"prefix after a phrase", `"bridge reopens" harb`, Options{Typing: true}, []string{"Harbour bridge reopens", "Harbour bridge reopens"}},
		{"prefix matches the stem too", "voting", Options{Typing: true}, []string{"Turnout report"}},
		{"headline above body", "climate ", Options{}, []string{"Climate talks stall", "Delegates leave Bonn"}},
		{"newer first on ties", "harbour bridge ", Options{}, []string{"Harbour bridge reopens", "Harbour bridge reopens"}},
		{"phrase", `"minister of finance"`, Options{}, []string{"Council budget"}},
		{"AND", "minister interior ", Options{}, []string{"Finance news"}},
		{"section filter", "orchards ", Options{Section: "business"}, []string{"Pears ripen", "Apples ripen"}},
		{"year filter", "harbour ", Options{Year: 2025}, []string{"New year fireworks"}},
		{"sort by date", "harbour ", Options{ByDate: true}, []string{"New year fireworks", "Harbour bridge reopens", "Harbour bridge reopens"}},
		{"no section", "zebra ", Options{}, []string{"Odd item"}},
		{"unknown word", "xylophone ", Options{}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := ix.Query(c.q, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := titles(r); !slices.Equal(got, c.want) {
				t.Errorf("Query(%q) = %q, want %q", c.q, got, c.want)
			}
		})
	}
}

func TestTieBreakNewerFirst(t *testing.T) {
	r, err := open(t, build(t, knownCorpus())).Query("harbour bridge ", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 2 || r.Hits[0].Path != "2024/03/tie-new/" || r.Hits[0].Score != r.Hits[1].Score {
		t.Fatalf("hits = %+v, want tie-new then tie-old with equal scores", r.Hits)
	}
}

func TestFallbackToAnyWord(t *testing.T) {
	r, err := open(t, build(t, knownCorpus())).Query("apples pears ", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Fallback || r.Total != 2 {
		t.Fatalf("Fallback %v, Total %d; want the OR fallback with 2", r.Fallback, r.Total)
	}
	r, _ = open(t, build(t, knownCorpus())).Query("apples orchards ", Options{})
	if r.Fallback || r.Total != 1 {
		t.Fatalf("Fallback %v, Total %d; want AND with 1", r.Fallback, r.Total)
	}
}

func TestCountsIgnoreFilters(t *testing.T) {
	r, err := open(t, build(t, knownCorpus())).Query("harbour ", Options{Section: "local", Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 2 || !r.Exact {
		t.Fatalf("Total %d Exact %v, want 2 exact", r.Total, r.Exact)
	}
	wantY := []YearCount{{2024, 2}, {2025, 1}}
	if !slices.Equal(r.Years, wantY) {
		t.Errorf("years %v, want %v", r.Years, wantY)
	}
	wantS := []SectionCount{{"local", "Local", 3}}
	if !slices.Equal(r.Sections, wantS) {
		t.Errorf("sections %v, want %v", r.Sections, wantS)
	}
}

func TestPhraseNeedsOrder(t *testing.T) {
	r, err := open(t, build(t, knownCorpus())).Query(`"finance of minister"`, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 0 {
		t.Fatalf("reversed phrase found %q", titles(r))
	}
}

// A damaged file is an error naming it, not a wrong answer.
func TestDamagedShardNamesTheFile(t *testing.T) {
	files := build(t, knownCorpus())
	ix := open(t, files)
	name := shardPath(shardOf("zurich", ix.m.Shards))
	files[name].Data = pack([]byte{0x05, 0x03})
	_, err := open(t, files).Query("zurich", Options{})
	if err == nil || !strings.Contains(err.Error(), "search/"+name) {
		t.Fatalf("err = %v, want one naming search/%s", err, name)
	}
}

// Link targets and comments are not the article's words.
func TestBodyMarkupIsNotIndexed(t *testing.T) {
	arts := []article{planted("a/", "Links", "", "See [the report](https://example.org/zanzibar) <!-- quixotic --> today.", day(1), "")}
	ix := open(t, build(t, arts))
	for q, want := range map[string]int{"report": 1, "zanzibar": 0, "quixotic": 0, "example": 0} {
		r, err := ix.Query(q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != want {
			t.Errorf("%q found %d, want %d", q, r.Total, want)
		}
	}
}
