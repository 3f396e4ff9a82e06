package pipeline

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// richArticle uses every Markdown feature an editor may reach for, so that
// the checker sees what the renderer makes of each.
const richArticle = `---
title: "Every feature: tables, notes & lists"
date: 2026-05-04T09:30:00Z
category: Science & Tech
tags: [Data, "Open source"]
summary: "A page that uses every feature."
image:
  caption: "A caption"
  credit: "AP Photo"
---

A paragraph with *emphasis*, **strong**, ` + "`code`" + `, a [link](https://example.org/) and a note.[^1]

## A table

| Year | Value |
|------|------:|
| 2025 | 1     |
| 2026 | 2     |

## Lists

- one
- two

1. first
2. second

> A quotation set apart.

Term
: Definition.

[^1]: The note.
`

// TestNuHtmlChecker runs the Nu Html Checker over a site with every kind
// of page: article (with authors, an update and a correction), front page
// and its numbered pages, sections, topics, authors, years, months, the
// archive, search and 404. It needs the checker's jar, which
// ` + "`make validate`" + ` installs and names in NEWSGEN_VNU.
func TestNuHtmlChecker(t *testing.T) {
	jar := os.Getenv("NEWSGEN_VNU")
	if jar == "" {
		t.Skip("NEWSGEN_VNU names no vnu.jar; run make validate")
	}
	root := corpusSite(t, 45)
	copyTree(t, filepath.Join("..", "..", SeedDir), filepath.Join(root, SeedDir))
	os.MkdirAll(filepath.Join(root, ContentDir), 0o755)
	os.WriteFile(filepath.Join(root, ContentDir, "every-feature.md"), []byte(richArticle), 0o644)
	authoredSeeds(t, root, 12)
	os.WriteFile(filepath.Join(root, "newsgen.toml"), []byte("per_page = 5\nbase_url = \"https://example.org/news/\"\n"), 0o644)
	build(t, Options{Root: root})
	out := filepath.Join(root, OutDir)
	for _, page := range []string{"index.html", "page/2/index.html", "category/index.html", "category/war/index.html",
		"tag/index.html", "2026/index.html", "2026/05/index.html", "archive/index.html", "search/index.html", "404.html",
		"2026/05/every-feature/index.html", "author/index.html", "author/jane-doe/index.html",
		"2026/06/council-votes-on-bridge-plan-number-0/index.html"} {
		if _, err := os.Stat(filepath.Join(out, page)); err != nil {
			t.Errorf("the site has no %s to check", page)
		}
	}
	cmd := exec.Command("java", "-jar", jar, "--skip-non-html", "--format", "gnu", out)
	report, err := cmd.CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(report))) > 0 {
		t.Errorf("the Nu Html Checker found problems (%v):\n%s", err, report)
	}
}
