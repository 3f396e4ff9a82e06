package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"newsgen/generator/render"
)

// A mistake in the article layout fails every article: the report says
// so once, with the number of pages, and not once per page.
func TestLayoutErrorOnEveryPageIsReportedOnce(t *testing.T) {
	root := corpusSite(t, 150)
	layout := "{{define \"main\"}}\n<h1>{{.Article.Title}}</h1>\n{{index .Article.Tags 99}}\n{{end}}\n"
	if err := os.MkdirAll(filepath.Join(root, render.LayoutDir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, render.LayoutDir, "article.html"), []byte(layout), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Build(Options{Root: root, Now: fixedNow, Log: &bytes.Buffer{}})
	if err == nil {
		t.Fatal("the build passed with a broken layout")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines, want one:\n%s", len(lines), err)
	}
	want := regexp.MustCompile(`^layouts/article\.html:3: .*index.* \(on ([0-9,]+) pages, such as /\d{4}/\d\d/[^ ]+/\)$`)
	m := want.FindStringSubmatch(lines[0])
	if m == nil {
		t.Fatalf("error %q, want it to match %s", lines[0], want)
	}
	if got := m[1]; got != thousands(rep.Articles) || rep.Articles < 100 {
		t.Errorf("counted %s pages, want the %d articles", got, rep.Articles)
	}
}

// Different mistakes stay apart, and one page alone keeps its own line.
func TestPageErrorsGroupByError(t *testing.T) {
	rep := &Report{}
	a := &pageError{err: errString("layouts/article.html:3: bad index"), page: "2026/01/b/"}
	for _, p := range []string{"2026/01/c/", "2026/01/b/", "2026/01/a/"} {
		rep.problem(&pageError{err: a.err, page: p})
	}
	rep.problem(&pageError{err: errString("layouts/list.html:9: nil pointer"), page: "category/war/"})
	rep.problem(errString("content/x.md:1: no front matter"))
	got := strings.Join(rep.Problems(), "\n")
	want := "content/x.md:1: no front matter\n" +
		"layouts/article.html:3: bad index (on 3 pages, such as /2026/01/a/)\n" +
		"layouts/list.html:9: nil pointer (page /category/war/)"
	if got != want {
		t.Errorf("Problems:\n%s\nwant:\n%s", got, want)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 4970: "4,970", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
