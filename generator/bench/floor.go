package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"newsgen/generator/content"
	"newsgen/generator/minifiers"
	"newsgen/generator/render"
)

// floor is the least work a build has to do: render every article's
// Markdown and minify its page. Nothing else (import, templates, lists,
// writing) is counted, so no build of the archive can be faster than
// this work spread over every core.
type floor struct {
	articles, sampled int
	// single is the work on one core for every article.
	single time.Duration
}

// pageShell stands for the layout around an article's body, so that the
// minifier sees a whole page of about the real size.
const pageShell = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>%s · The Newsgen Archive</title><link rel="stylesheet" href="/style.css"></head><body class="kind-article"><header class="masthead"><a class="brand" href="/">The Newsgen Archive</a><nav class="site-nav"><ul><li><a href="/">Latest</a></li><li><a href="/category/">Sections</a></li><li><a href="/tag/">Topics</a></li><li><a href="/archive/">Archive</a></li></ul></nav></header><main id="main"><article class="story"><header class="story-header"><h1 class="story-title">  %s  </h1></header><div class="story-body">
`

// measureFloor times the floor on one goroutine over up to sample of the
// site's articles, spread evenly, and scales it to all of them.
func measureFloor(site string, sample int) (floor, error) {
	files, err := markdownFiles(filepath.Join(site, "content"))
	if err != nil || len(files) == 0 {
		return floor{}, err
	}
	picked := spread(files, sample)
	pages := make([]*content.Article, 0, len(picked))
	for _, p := range picked {
		data, err := os.ReadFile(p)
		if err != nil {
			return floor{}, err
		}
		a, err := content.Parse(p, data)
		if err != nil {
			continue
		}
		pages = append(pages, a)
	}
	f := floor{articles: len(files), sampled: len(pages)}
	if len(pages) == 0 {
		return f, nil
	}
	took := renderAndMinify(pages)
	f.single = time.Duration(int64(took) * int64(len(files)) / int64(len(pages)))
	return f, nil
}

func renderAndMinify(pages []*content.Article) time.Duration {
	m := minifiers.New()
	start := time.Now()
	for _, a := range pages {
		shell := strings.ReplaceAll(pageShell, "%s", a.Title)
		page := append([]byte(shell), render.Markdown([]byte(a.Body), a.Seed == "")...)
		page = append(page, "</div></article></main></body></html>\n"...)
		if _, err := m.Minify("index.html", page); err != nil {
			progress("warning: %v", err)
		}
	}
	return time.Since(start)
}

// spread picks up to n of the list, evenly spaced.
func spread(list []string, n int) []string {
	if n <= 0 || len(list) <= n {
		return list
	}
	out := make([]string, 0, n)
	for i := range n {
		out = append(out, list[i*len(list)/n])
	}
	return out
}

func markdownFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	return files, err
}
