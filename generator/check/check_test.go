package check

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// htmlPage returns a sound HTML page with the given title and body.
func htmlPage(title, body string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>` + title +
		`</title><link rel="stylesheet" href="/news/style.css"></head><body><main id="main">` + body + `</main></body></html>`
}

const (
	goodAtom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>` +
		`<link href="https://example.org/news/"/><link rel="self" href="https://example.org/news/atom.xml"/>` +
		`<entry><link href="https://example.org/news/2026/06/story/"/></entry></feed>`
	goodJSON = `{"version":"https://jsonfeed.org/version/1.1","title":"T","home_page_url":"https://example.org/news/",` +
		`"feed_url":"https://example.org/news/feed.json","items":[{"id":"1","url":"https://example.org/news/2026/06/story/"}]}`
	goodSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://example.org/news/</loc></url>
<url><loc>https://example.org/news/2026/06/story/</loc></url>
</urlset>`
)

// cleanSite is a small site published at https://example.org/news/ with
// every kind of link the checker follows, all of them sound.
func cleanSite() map[string]string {
	return map[string]string{
		"index.html": htmlPage("Home", `<a href="/news/2026/06/story/">Story</a>`+
			`<a href="2026/06/story">no slash</a><a href="/news/2026/06/story/#body">body</a>`+
			`<a href="https://example.org/news/2026/06/story/">absolute</a><a href="//example.org/news/">protocol-relative</a>`+
			`<a href="#main">skip</a><a href="#top">top</a><a href="#">nothing</a><a href="">self</a>`+
			`<a href="https://other.example/x/#y">other host</a><a href="mailto:desk@example.org">mail</a>`+
			`<a href="tel:+15551234">call</a><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">`+
			`<img src="/news/img/a.jpg" srcset="/news/img/a.jpg 1x, img/b%20c.jpg 2x" alt="">`+
			`<picture><source srcset="img/a.jpg"></picture><link rel="alternate" href="atom.xml">`+
			`<a href="/news/category/?page=2">query</a><a href="/news">base without slash</a>`+
			`<ul><li>optional<li>end tags</ul><p>one<p>two<div></div><table><tr><td>a<td>b<tr><td>c</table>`+
			`<svg viewBox="0 0 1 1"><path d="M0 0"/><use href="#main"/></svg><a name="old"></a><a href="#old">named</a>`),
		"2026/06/story/index.html": htmlPage("Story", `<article id="body"><a href="../../../">home</a>`+
			`<a href="../../../category/">sections</a><a href="/news/index.html#main">main</a></article>`),
		"category/index.html": htmlPage("Sections", `<a href="/news/">home</a>`),
		"404.html":            htmlPage("Not found", `<a href="/news/">home</a>`),
		"style.css":           `body{margin:0}`,
		"img/a.jpg":           "jpeg",
		"img/b c.jpg":         "jpeg",
		"atom.xml":            goodAtom,
		"feed.json":           goodJSON,
		"sitemap.xml":         goodSitemap,
	}
}

var opts = Options{BaseURL: "https://example.org/news/"}

func TestSiteCleanHasNoProblems(t *testing.T) {
	if got := check(t, cleanSite(), opts); len(got) > 0 {
		t.Errorf("clean site has problems:\n%s", strings.Join(got, "\n"))
	}
}

func TestSiteFindsPlantedProblems(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{{
		name:  "broken link",
		files: map[string]string{"index.html": htmlPage("Home", `<a href="/news/2026/06/gone/">gone</a>`)},
		want:  []string{`index.html:1: <a href="/news/2026/06/gone/">: broken link: no file 2026/06/gone/index.html`},
	}, {
		name:  "broken relative link without slash",
		files: map[string]string{"2026/06/story/index.html": htmlPage("Story", `<a href="../other" id="body">x</a>`)},
		want:  []string{`2026/06/story/index.html:1: <a href="../other">: broken link: no file 2026/06/other or 2026/06/other/index.html`},
	}, {
		name:  "broken absolute link on the site's host",
		files: map[string]string{"index.html": htmlPage("Home", `<a href="https://EXAMPLE.org/news/gone.html">x</a>`)},
		want:  []string{`index.html:1: <a href="https://EXAMPLE.org/news/gone.html">: broken link: no file gone.html or gone.html/index.html`},
	}, {
		name:  "broken image, srcset, script and iframe",
		files: map[string]string{"index.html": htmlPage("Home", `<img src="a.png" srcset="b.png 2x,c.png 3x" alt=""><script src="/news/s.js"></script><iframe src="f/"></iframe>`)},
		want: []string{
			`index.html:1: <img src="a.png">: broken link: no file a.png or a.png/index.html`,
			`index.html:1: <img srcset="b.png">: broken link: no file b.png or b.png/index.html`,
			`index.html:1: <img srcset="c.png">: broken link: no file c.png or c.png/index.html`,
			`index.html:1: <script src="/news/s.js">: broken link: no file s.js or s.js/index.html`,
			`index.html:1: <iframe src="f/">: broken link: no file f/index.html`,
		},
	}, {
		name: "missing anchor on the same page and on another",
		files: map[string]string{
			"index.html":   htmlPage("Home", `<a href="#nope">x</a><a href="a/#gone">y</a><a href="a/#there">z</a>`),
			"a/index.html": htmlPage("A", `<p id="there">`),
		},
		want: []string{
			`index.html:1: <a href="#nope">: no element with id "nope" on this page`,
			`index.html:1: <a href="a/#gone">: no element with id "gone" in a/index.html`,
		},
	}, {
		name:  "link outside the base path",
		files: map[string]string{"index.html": htmlPage("Home", `<a href="/other/">x</a><a href="../../up/">y</a>`)},
		want: []string{
			`index.html:1: <a href="/other/">: link outside the base path /news/`,
			`index.html:1: <a href="../../up/">: link outside the base path /news/`,
		},
	}, {
		name:  "malformed URL",
		files: map[string]string{"index.html": htmlPage("Home", `<a href="/news/%zz">x</a>`)},
		want:  []string{`index.html:1: <a href="/news/%zz">: malformed URL: invalid URL escape "%zz"`},
	}, {
		name:  "javascript link",
		files: map[string]string{"index.html": htmlPage("Home", `<a href="JavaScript:void(0)">x</a>`)},
		want:  []string{`index.html:1: <a href="JavaScript:void(0)">: javascript: URL (use a button and a script instead)`},
	}, {
		name:  "duplicate id",
		files: map[string]string{"index.html": htmlPage("Home", "<p id=\"a\">\n<p id=\"main\"><p id=\"\">")},
		want: []string{
			`index.html:2: duplicate id "main" (first on line 1)`,
			`index.html:2: empty id`,
		},
	}, {
		name:  "malformed feed XML",
		files: map[string]string{"atom.xml": "<?xml version=\"1.0\"?>\n<feed>\n<title>T</titel>\n</feed>"},
		want:  []string{`atom.xml:3: not well-formed XML: element <title> closed by </titel>`},
	}, {
		name:  "XML with two roots",
		files: map[string]string{"sitemap.xml": "<urlset></urlset>\n<urlset></urlset>"},
		want:  []string{`sitemap.xml:2: not well-formed XML: second root element <urlset>`},
	}, {
		name:  "sitemap listing a missing page",
		files: map[string]string{"sitemap.xml": "<urlset>\n<url><loc>https://example.org/news/gone/</loc></url></urlset>"},
		want:  []string{`sitemap.xml:2: <loc>https://example.org/news/gone/</loc>: broken link: no file gone/index.html`},
	}, {
		name:  "bad JSON",
		files: map[string]string{"feed.json": "{\"version\": \"1\",\n\"items\": [}"},
		want:  []string{`feed.json:2: not valid JSON: invalid character '}' looking for beginning of value`},
	}, {
		name:  "JSON Feed item with a missing page",
		files: map[string]string{"feed.json": `{"version":"https://jsonfeed.org/version/1.1","items":[{"url":"https://example.org/news/gone/"}]}`},
		want:  []string{`feed.json: items[0].url "https://example.org/news/gone/": broken link: no file gone/index.html`},
	}, {
		name:  "missing doctype, lang and title",
		files: map[string]string{"index.html": "<html><head></head><body id=main></body></html>"},
		want: []string{
			`index.html:1: <html> has no lang attribute`,
			`index.html:1: missing <!doctype html>`,
			`index.html:1: missing <title>`,
		},
	}, {
		name:  "empty title and no html element",
		files: map[string]string{"index.html": "<!DOCTYPE html><title> </title><p id=main>"},
		want:  []string{`index.html:1: empty <title>`, `index.html:1: missing <html lang>`},
	}, {
		name:  "mis-nested and unclosed elements",
		files: map[string]string{"index.html": htmlPage("Home", "<div><span>x</div>\n<section><em>y</section></p></div><article>")},
		want: []string{
			`index.html:1: <span> opened on line 1 is not closed before </div>`,
			`index.html:2: <em> opened on line 2 is not closed before </section>`,
			`index.html:2: stray end tag </p>`,
			`index.html:2: stray end tag </div>`,
			`index.html:2: <article> opened on line 2 is not closed before </main>`,
		},
	}, {
		name:  "block element closing a p that holds an open span",
		files: map[string]string{"index.html": htmlPage("Home", `<p><span>x<div></div>`)},
		want:  []string{`index.html:1: <span> opened on line 1 is not closed before <div>`},
	}, {
		name:  "self-closing div and end tag of a void element",
		files: map[string]string{"index.html": htmlPage("Home", `<div/><br></br>`)},
		want: []string{
			`index.html:1: self-closing <div/> is not a void element; browsers leave it open`,
			`index.html:1: end tag </br> for a void element`,
		},
	}, {
		name:  "relative link on the 404 page",
		files: map[string]string{"404.html": htmlPage("Not found", `<a href="./">home</a><a href="#main">skip</a>`)},
		want:  []string{`404.html:1: <a href="./">: 404.html is served at every missing path, so its links must start with /news/`},
	}, {
		name: "base element and Open Graph image",
		files: map[string]string{"index.html": htmlPage("Home", `<base href="/news/img/"><img src="a.jpg" alt=""><img src="zz.jpg" alt="">`+
			`<meta property="og:image" content="https://example.org/news/img/og.png">`)},
		want: []string{
			`index.html:1: <img src="zz.jpg">: broken link: no file img/zz.jpg or img/zz.jpg/index.html`,
			`index.html:1: <meta content="https://example.org/news/img/og.png">: broken link: no file img/og.png or img/og.png/index.html`,
		},
	}, {
		name:  "meta refresh to a missing page",
		files: map[string]string{"old/index.html": htmlPage("Moved", `<meta http-equiv="refresh" content="0; url='/news/new/'">`)},
		want:  []string{`old/index.html:1: <meta content="/news/new/">: broken link: no file new/index.html`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := cleanSite()
			for name, body := range tt.files {
				files[name] = body
			}
			got := check(t, files, opts)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestSiteAtTheRootWithoutBaseURL(t *testing.T) {
	files := map[string]string{
		"index.html":   htmlPage("Home", `<a href="/a/">a</a><a href="https://example.org/b/">absolute is external</a><a href="/b/">b</a>`),
		"a/index.html": htmlPage("A", ""),
	}
	got := check(t, files, Options{})
	want := []string{
		`index.html:1: <link href="/news/style.css">: broken link: no file news/style.css or news/style.css/index.html`,
		`index.html:1: <a href="/b/">: broken link: no file b/index.html`,
		`a/index.html:1: <link href="/news/style.css">: broken link: no file news/style.css or news/style.css/index.html`,
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSiteOutputIsSortedAndTheSameForAnyWorkers(t *testing.T) {
	files := cleanSite()
	for _, name := range []string{"b", "a", "c/d", "c"} {
		files[name+"/index.html"] = htmlPage(name, `<a href="#x2">x</a><a href="/news/gone/">y</a><p id="d"><p id="d">`)
	}
	dir := writeSite(t, files)
	var first []Problem
	for _, workers := range []int{1, 2, 7} {
		o := opts
		o.Workers = workers
		got, err := Site(dir, o)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 12 {
			t.Fatalf("workers %d: got %d problems, want 12", workers, len(got))
		}
		if first == nil {
			first = got
		} else if !slices.Equal(got, first) {
			t.Errorf("workers %d: problems differ from workers 1", workers)
		}
	}
	wantOrder := []string{"a/index.html", "b/index.html", "c/d/index.html", "c/index.html"}
	for i, p := range first {
		rel, _ := filepath.Rel(dir, p.File)
		if filepath.ToSlash(rel) != wantOrder[i/3] {
			t.Errorf("problem %d is in %s, want %s", i, rel, wantOrder[i/3])
		}
	}
	if !strings.HasPrefix(first[0].Msg, `<a href="#x2">`) || !strings.HasPrefix(first[2].Msg, `duplicate id`) {
		t.Errorf("problems on one line are not in page order: %v", first[:3])
	}
}

func TestProblemString(t *testing.T) {
	if got := (Problem{File: "a.xml", Line: 3, Msg: "bad"}).String(); got != "a.xml:3: bad" {
		t.Errorf("with line: %q", got)
	}
	if got := (Problem{File: "a.json", Msg: "bad"}).String(); got != "a.json: bad" {
		t.Errorf("without line: %q", got)
	}
}

func TestSiteTakesTheBasePathFromABaseURLPath(t *testing.T) {
	files := cleanSite()
	files["index.html"] = htmlPage("Home", `<a href="/news/category/">in</a><a href="/out/">out</a><a href="https://example.org/news/gone/">external</a>`)
	got := check(t, files, Options{BaseURL: "/news/"})
	want := []string{`index.html:1: <a href="/out/">: link outside the base path /news/`}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSiteRejectsRelativeBaseURL(t *testing.T) {
	if _, err := Site(t.TempDir(), Options{BaseURL: "news/"}); err == nil {
		t.Error("Site accepted a base URL without a host")
	}
}

// check writes files into a new site folder, checks it and returns the
// problems as strings, with file names relative to the site.
func check(t *testing.T, files map[string]string, o Options) []string {
	t.Helper()
	dir := writeSite(t, files)
	probs, err := Site(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range probs {
		got = append(got, strings.TrimPrefix(filepath.ToSlash(p.String()), filepath.ToSlash(dir)+"/"))
	}
	return got
}

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
