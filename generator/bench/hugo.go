package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"newsgen/generator/content"
	"newsgen/layouts"
)

// hugoConfig is the Hugo site's configuration: the pages newsgen makes,
// with the same page size and feed length. Sections are left out, as
// newsgen has none; year archives are a taxonomy.
func (e *env) hugoConfig() string {
	var b strings.Builder
	b.WriteString(`baseURL = "https://example.org/"
languageCode = "en"
title = "The Newsgen Archive"
disableKinds = ["section"]
enableRobotsTXT = false
%s
[params]
description = "An archive of world news, built with newsgen."

[taxonomies]
category = "categories"
tag = "tags"
year = "years"

[permalinks]
articles = "/:year/:month/:slug/"

[outputs]
home = ["HTML", "RSS"]
section = ["HTML", "RSS"]
taxonomy = ["HTML", "RSS"]
term = ["HTML", "RSS"]

[sitemap]
filename = "sitemap.xml"
`)
	// Hugo 0.128 replaced paginate with [pagination], and 0.114 rssLimit
	// with [services.rss]; the old keys stand at the top level.
	top := ""
	if e.hugoMinor >= 128 {
		b.WriteString("\n[pagination]\npagerSize = 20\n")
	} else {
		top += "paginate = 20\n"
	}
	if e.hugoMinor >= 114 {
		b.WriteString("\n[services.rss]\nlimit = 50\n")
	} else {
		top += "rssLimit = 50\n"
	}
	return fmt.Sprintf(b.String(), top)
}

// hugoMeta is an article's front matter as the Hugo site reads it: the
// category as a one-term taxonomy, and the year as another.
type hugoMeta struct {
	Title       string         `yaml:"title"`
	Slug        string         `yaml:"slug"`
	Date        string         `yaml:"date"`
	Summary     string         `yaml:"summary,omitempty"`
	Description string         `yaml:"description,omitempty"`
	Categories  []string       `yaml:"categories,omitempty"`
	Tags        []string       `yaml:"tags,omitempty"`
	Years       []string       `yaml:"years"`
	Image       *content.Image `yaml:"image,omitempty"`
}

// prepareHugo makes the Hugo site in dir/hugo from the site's content
// files, the Hugo layouts and newsgen's stylesheet.
func (e *env) prepareHugo(dir, site string) error {
	hugo := filepath.Join(dir, "hugo")
	if err := os.RemoveAll(hugo); err != nil {
		return err
	}
	articles := filepath.Join(hugo, "content", "articles")
	if err := os.MkdirAll(articles, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(hugo, "hugo.toml"), []byte(e.hugoConfig()), 0o644); err != nil {
		return err
	}
	if err := os.CopyFS(filepath.Join(hugo, "layouts"), os.DirFS(e.layouts)); err != nil {
		return fmt.Errorf("copying Hugo layouts: %w", err)
	}
	if err := copyStyle(hugo); err != nil {
		return err
	}
	return convertContent(filepath.Join(site, "content"), articles)
}

func copyStyle(hugo string) error {
	css, err := fs.ReadFile(layouts.FS, "style.css")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(hugo, "static"), 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(hugo, "static", "style.css"), css, 0o644)
}

// convertContent writes a Hugo copy of every published content file.
func convertContent(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		a, err := content.Parse(p, data)
		if err != nil {
			progress("warning: %v (left out of the Hugo site)", err)
			return nil
		}
		if a.Draft {
			return nil
		}
		return os.WriteFile(filepath.Join(dst, a.Slug+".md"), hugoFile(a), 0o644)
	})
}

func hugoFile(a *content.Article) []byte {
	m := hugoMeta{Title: a.Title, Slug: a.Slug, Date: a.Date.Format(content.DateLayout),
		Summary: a.Summary, Description: a.Summary, Tags: a.Tags, Image: a.Image,
		Years: []string{a.Date.Format("2006")}}
	if a.Category != "" {
		m.Categories = []string{a.Category}
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.Encode(m) // strings and lists only: cannot fail
	enc.Close()
	b.WriteString("---\n\n")
	b.WriteString(a.Body)
	b.WriteString("\n")
	return b.Bytes()
}

// hugoBuild builds the Hugo site cold: no public/, no resources/, an
// empty cache folder.
func (e *env) hugoBuild(dir string, run int) sample {
	hugo := filepath.Join(dir, "hugo")
	cache := filepath.Join(dir, "hugo-cache")
	for _, d := range []string{filepath.Join(hugo, "public"), filepath.Join(hugo, "resources"), cache} {
		os.RemoveAll(d)
	}
	s := measure(filepath.Join(dir, "logs", fmt.Sprintf("hugo-%d.log", run)),
		e.hugo, "--minify", "--source", hugo, "--cacheDir", cache)
	s.pages = countFiles(filepath.Join(hugo, "public"), ".html")
	return s
}
