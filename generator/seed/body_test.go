package seed

import (
	"slices"
	"strings"
	"testing"
)

// bodyOf parses a seed made of a title, a long first paragraph and the
// given blocks, one blank line between each, and returns the body.
func bodyOf(t *testing.T, blocks ...string) string {
	t.Helper()
	lines := []string{"A title for the test", "", longPara}
	for _, b := range blocks {
		lines = append(lines, "", b)
	}
	return mustParse(t, lines...).Body
}

func TestSubheadings(t *testing.T) {
	tests := []struct {
		name, block string
		heading     bool
	}{
		{"short phrase", "Pressure from Washington", true},
		{"question", "Why admit it now?", true},
		{"ten words", "What the ruling means for the millions of renters here", true},
		{"eleven words", "What the ruling means for the millions of renters in this city", false},
		{"ends with a period", "Nobody came.", false},
		{"ends with a colon", "Here is what he said:", false},
		{"a quotation", "“We will not give up”", false},
		{"lower case start", "and then nothing happened", false},
		{"a digit start", "5 things to know", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := bodyOf(t, tt.block, longPara)
			got := strings.Contains(body, "\n\n## "+escapeInline(tt.block)+"\n\n")
			if got != tt.heading {
				t.Errorf("heading %v, want %v:\n%s", got, tt.heading, body)
			}
		})
	}
}

func TestSubheadingNeedsParagraphsAround(t *testing.T) {
	if body := bodyOf(t, "The end"); strings.Contains(body, "## ") {
		t.Errorf("a short last block became a heading:\n%s", body)
	}
	body := bodyOf(t, "Part one", "Why it matters", longPara)
	if strings.Contains(body, "## Part one") || !strings.Contains(body, "## Why it matters") {
		t.Errorf("of two short blocks in a row only the second is a heading:\n%s", body)
	}
}

func TestLists(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		want  string
	}{
		{"hyphens", []string{"- one", "- two"}, "- one\n- two"},
		{"bullets", []string{"• one", "• two"}, "- one\n- two"},
		{"stars", []string{"* one", "* two"}, "- one\n- two"},
		{"numbers with dots", []string{"1. one", "2. two"}, "1. one\n2. two"},
		{"numbers with brackets", []string{"1) one", "2) two"}, "1. one\n2. two"},
		{"a single bullet", []string{"• only one"}, "- only one"},
		{"a single number is a paragraph", []string{"1) only one"}, "1\\) only one"},
		{"markup inside items", []string{"- *a* [b]", "- <c>"}, "- \\*a\\* \\[b\\]\n- \\<c>"},
		{"items inside items", []string{"- 1. nested?", "- - dash"}, "- 1\\. nested?\n- \\- dash"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := bodyOf(t, strings.Join(tt.items, "\n"), longPara)
			if !strings.Contains(body, "\n\n"+tt.want+"\n\n") {
				t.Errorf("want\n%s\nin\n%s", tt.want, body)
			}
		})
	}
}

func TestListItemsSeparatedByBlankLines(t *testing.T) {
	body := bodyOf(t, "- one", "- two", "- three", longPara)
	if !strings.Contains(body, "- one\n- two\n- three") {
		t.Errorf("items one block apart make one list:\n%s", body)
	}
}

func TestQuotesStayParagraphs(t *testing.T) {
	q := "“If there had been an agreement, we would have had an end to the war,” Rubio said on June 25."
	body := bodyOf(t, q, "“We will not give up.”", longPara)
	if !strings.Contains(body, "\n\n"+q+"\n\n“We will not give up.”\n\n") {
		t.Errorf("quotes must stay paragraphs:\n%s", body)
	}
}

func TestHardWrappedParagraphJoined(t *testing.T) {
	body := bodyOf(t, "The council said the bridge\nwould close on Monday.")
	if !strings.Contains(body, "The council said the bridge would close on Monday.") {
		t.Errorf("a wrapped paragraph is one paragraph:\n%s", body)
	}
}

func TestTags(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"Tags: economy, interest rates, Europe", []string{"economy", "interest rates", "Europe"}},
		{"Topics: Football, Premier League", []string{"Football", "Premier League"}},
		{"TAGS:  war ,  , #ukraine, War", []string{"war", "ukraine"}},
		{"Tags: a; b | c", []string{"a", "b", "c"}},
		{"Tags:", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			a := mustParse(t, "A title for the test", "", longPara, "", tt.line)
			if !slices.Equal(a.Tags, tt.want) || strings.Contains(a.Body, "ags") || strings.Contains(a.Body, "opics") {
				t.Errorf("tags %q, want %q; body:\n%s", a.Tags, tt.want, a.Body)
			}
		})
	}
	if a := mustParse(t, "A title", "", longPara); a.Tags == nil || len(a.Tags) != 0 {
		t.Errorf("no tags line gives an empty list, got %#v", a.Tags)
	}
}
