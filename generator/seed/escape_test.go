package seed

import (
	"slices"
	"testing"
)

// trickyText is text that Markdown, its extensions or HTML would read as
// syntax if it were not escaped.
var trickyText = []string{
	"Stars *like this* and **bold** and _under_ and __score__ and snake_case_name",
	"Backticks `code` and ``double`` and ```fence",
	"# Not a heading",
	"## Not a heading either ##",
	"#hashtag and C# and F#",
	"1990. The year it began",
	"1) Not a list",
	"2026) Not a list either",
	"> Not a quote",
	"- Not a list",
	"+ Not a list",
	"* Not a list",
	"--- a rule?",
	"***",
	"___",
	"[a link](http://example.com) and [ref][1] and [1]: http://x",
	"![image](x.png)",
	"<script>alert('x')</script>",
	`<img src=x onerror="alert(1)">`,
	"<div>block</div> and <b>bold</b> and <!-- comment -->",
	"<http://example.com> and <mail@example.com>",
	"&amp; &lt; &#169; &#x41; &copy; AT&T R&D &",
	"A | B | C",
	"| a | b |",
	"~~struck~~ and ~sub~ and ~~~fence",
	"2^10^ and x^2",
	"Footnote[^1] and [^note]: text",
	"Math $x+y$ and $$display$$ and $5",
	"Heading {#custom-id} and {.class}",
	"http://example.com/a_b_c and https://x.org/*y* and www.example.com",
	"mailto:someone@example.com",
	"Term",
	": definition",
	"Trailing backslash \\",
	"Back\\slash \\* \\_ \\\\",
	"Quotes \"double\" and 'single' and “curly” and ‘single’",
	"Dashes -- and --- and ellipsis ...",
	"(c) (r) (tm) 1/2 3/4 <- ->",
	"=== under",
	"100% sure, 50 % off, @user and %%% and (@ex)",
	"Emoji :smile: and :+1:",
	"{{include.md}} and <{{code.go}}",
}

func TestEscapeRendersAsTyped(t *testing.T) {
	for _, s := range trickyText {
		checkRendered(t, s, paragraph, []string{"p"})
		checkRendered(t, s, heading, []string{"h2"})
		checkRendered(t, s, list, []string{"ul", "li"})
	}
}

func checkRendered(t *testing.T, s string, k kind, want []string) {
	t.Helper()
	u := unit{kind: k, text: s}
	if k == list {
		u = unit{kind: list, items: []item{{text: s}, {text: s}}}
		want = []string{"ul", "li", "li"}
	}
	md := markdown([]unit{u})
	page := render(md)
	blocks, elems := visible(t, page)
	if !slices.Equal(elems, want) {
		t.Errorf("%q as %v: elements %v, want %v\nmarkdown: %s\nhtml: %s", s, k, elems, want, md, page)
		return
	}
	for _, b := range blocks {
		if !same(b, s) {
			t.Errorf("%q as %v: page shows %q\nmarkdown: %s\nhtml: %s", s, k, b, md, page)
		}
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range trickyText {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = cleanText(s)
		if s == "" || len(s) > 200 || containsNewline(s) {
			return
		}
		checkRendered(t, s, paragraph, []string{"p"})
	})
}

func containsNewline(s string) bool { return slices.Contains([]byte(s), '\n') }
