package check

import (
	"net/url"
	"strings"
	"testing"
)

func TestReadPageAcceptsSoundMarkup(t *testing.T) {
	tests := map[string]string{
		"optional end tags": `<table><thead><tr><th>a</thead><tbody><tr><td>b<td>c<tr><td>d</tbody></table>` +
			`<dl><dt>a<dd>b<dt>c</dl><select><optgroup><option>a<option>b<optgroup><option>c</select>` +
			`<p>text<ul><li>x<li><p>y<li>z</ul><ruby>a<rt>b<rp>c</ruby>`,
		"nested lists":    `<ul><li>a<ol><li>b<li>c</ol><li>d</ul>`,
		"foreign content": `<svg viewBox="0 0 1 1"><g><circle r="1"/><path d="M0 0"></path></g></svg><math><mi>x</mi></math>`,
		"raw text":        `<script>if (a<b && c>d) { document.write("</div>") }</script><style>p>a{color:red}</style>`,
		"block in link":   `<a href="#x" id="x"><div>block</div></a><button><div>x</div></button>`,
		"void elements":   `<br><br/><img src="#" alt=""><hr><input><wbr>`,
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			for _, doc := range []string{
				htmlPage("T", body),
				`<!DOCTYPE html><html lang=en><meta charset=utf-8><title>T</title>` + body,
			} {
				if probs := readTestPage(doc); len(probs) > 0 {
					t.Errorf("%s\n%s", doc, strings.Join(probs, "\n"))
				}
			}
		})
	}
}

func TestReadPageFindsMarkupProblems(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"inline element across a p", htmlPage("T", `<p><a>x<p>y`), `1: <a> opened on line 1 is not closed before <p>`},
		{"unclosed table cell content", htmlPage("T", `<table><tr><td><div>x<td>y</table>`), `1: <div> opened on line 1 is not closed before <td>`},
		{"element never closed", "<!doctype html><html lang=en><title>T</title><section>\n<em>x", `2: <section> opened on line 1 is never closed
2: <em> opened on line 2 is never closed`},
		{"stray doctype", htmlPage("T", `<!doctype html>`), `1: stray doctype`},
		{"legacy doctype", `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN"><html lang=en><title>T</title>`, `1: doctype "html PUBLIC \"-//W3C//DTD HTML 4.01//EN\"" is not <!doctype html>`},
		{"text before the doctype", "hello\n<!doctype html><html lang=en><title>T</title>", `1: missing <!doctype html>
2: stray doctype`},
		{"id with white space", htmlPage("T", `<p id="a b">`), `1: id "a b" contains white space`},
		{"end tag inside svg closes html", htmlPage("T", `<svg><g></svg></div>`), `1: <g> opened on line 1 is not closed before </svg>
1: stray end tag </div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(readTestPage(tt.doc), "\n"); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestSrcsetURLs(t *testing.T) {
	got := strings.Join(srcsetURLs(" a.jpg 1x, b,c.jpg 2x,d.jpg, e.jpg (max-width: 2px, x) 3w , f.jpg"), "|")
	if want := "a.jpg|b,c.jpg|d.jpg|e.jpg|f.jpg"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRefreshURL(t *testing.T) {
	for content, want := range map[string]string{
		"0; url=/news/x/":   "/news/x/",
		"0;URL='/news/y/'":  "/news/y/",
		`5, url = "z.html"`: "z.html",
		"0; /news/bare/":    "/news/bare/",
		"30":                "",
	} {
		if got := refreshURL(content); got != want {
			t.Errorf("refreshURL(%q) = %q, want %q", content, got, want)
		}
	}
}

// readTestPage reads a page as index.html at the site root and returns
// its markup problems as "line: msg".
func readTestPage(doc string) []string {
	var out []string
	for _, p := range readPage([]byte(doc), &url.URL{Path: "/index.html"}).probs {
		out = append(out, strings.TrimPrefix(p.String(), ":"))
	}
	return out
}
