package render

import (
	"strings"
	"testing"
)

func TestMarkdownFeatures(t *testing.T) {
	in := "## A heading\n\n\"Quotes\" -- and dashes.\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: The note.\n\nIt cost $5 and $10.\n\n## Custom {#my-id}\n"
	out := string(Markdown([]byte(in), true))
	for _, want := range []string{
		`<h2 id="a-heading">A heading</h2>`,
		"&ldquo;Quotes&rdquo; &ndash; and dashes",
		"<table>",
		`<a href="#fn:1">1</a>`,
		`<li id="fn:1">`,
		"It cost $5 and $10.",
		`<h2 id="my-id">Custom</h2>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

func TestMarkdownNeverPassesMarkupThrough(t *testing.T) {
	for _, in := range []string{
		"<script>alert(1)</script>",
		"Text <img src=x onerror=alert(1)> more",
		"[click](javascript:alert(1))",
		"[click](JaVaScRiPt:alert(1))",
		"[click]( javascript:alert(1))",
		"![x](javascript:alert(1))",
		"<iframe src=//evil></iframe>",
		"[x](data:text/html;base64,PHNjcmlwdD4=)",
		"<a href=\"#\" onclick=\"x()\">a</a>",
	} {
		out := strings.ToLower(string(Markdown([]byte(in), false)))
		for _, bad := range []string{"<script", "onerror", "javascript:", "<iframe", "data:text", "onclick"} {
			if strings.Contains(out, bad) {
				t.Errorf("%q renders %q, which holds %q", in, out, bad)
			}
		}
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://example.org/": true, "/2026/06/x/": true, "#fn:1": true, "x/y?a=b:c": true,
		"mailto:a@b.c": true, "javascript:x": false, " JAVASCRIPT:x": false, "vbscript:x": false, "data:x": false,
	} {
		if got := safeURL([]byte(u)); got != want {
			t.Errorf("safeURL(%q) = %v", u, got)
		}
	}
}
func TestOrderedListKeepsItsStart(t *testing.T) {
	out := string(Markdown([]byte("3. three\n4. four\n"), false))
	if !strings.Contains(out, `<ol start="3">`) {
		t.Errorf("list starting at 3 renders %q", out)
	}
}

func TestCountWords(t *testing.T) {
	for in, want := range map[string]int{
		"":                            0,
		"one":                         1,
		"  two words \n":              2,
		"“Curly” quotes — and dashes": 5,
		"tabs\tand\r\nlines\n\nhere":  4,
		"naïve café":                  2,
	} {
		if got := countWords(in); got != want || got != len(strings.Fields(in)) {
			t.Errorf("countWords(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestMarkdownWithoutTypographyKeepsCharacters(t *testing.T) {
	in := `He said "hi" -- it's 1/2 (c)... ok`
	out := string(Markdown([]byte(in), false))
	if want := "<p>He said &quot;hi&quot; -- it&rsquo;s"; strings.Contains(out, "ldquo") || strings.Contains(out, "ndash") ||
		strings.Contains(out, "copy") || strings.Contains(out, "frasl") || strings.Contains(out, "hellip") {
		t.Errorf("typography applied: %q (want something like %q)", out, want)
	}
}

func TestNotesAreMarked(t *testing.T) {
	cases := map[string]bool{
		"> Correction: An earlier version misstated the cost.":         true,
		"> Editor's note: Names have been changed.":                    true,
		"> Editor’s note: Names have been changed.":                    true,
		"> CLARIFICATION: The bridge is owned by the county \\*not\\*": true,
		"> A quotation set apart, with: a colon.":                      false,
		"Correction: not a quotation":                                  false,
	}
	for in, note := range cases {
		for _, typo := range []bool{false, true} {
			got := string(Markdown([]byte(in), typo))
			if strings.Contains(got, `<blockquote class="note">`) != note {
				t.Errorf("%q (typographic %v): %s", in, typo, got)
			}
		}
	}
}
