package render

import (
	"bytes"
	"sync"

	"fmt"
	"html/template"
	"io"
	"io/fs"
	"newsgen/generator/site"
	"path"
	"regexp"
	"sort"
	"strings"

	"newsgen/generator/config"
)

// LayoutDir is where a site keeps its layouts; errors name files under it.
const LayoutDir = "layouts"

// Templates holds one template set per kind of page: base.html, the
// partials, and the kind's own file, such as article.html.
type Templates struct {
	sets map[string]*template.Template
}

// LoadTemplates parses every layout in fsys. Each top-level .html file
// other than base.html is a kind of page.
func LoadTemplates(fsys fs.FS, cfg *config.Config) (*Templates, error) {
	common, err := parseCommon(fsys, cfg)
	if err != nil {
		return nil, err
	}
	kinds, err := fs.Glob(fsys, "*.html")
	if err != nil {
		return nil, err
	}
	t := &Templates{sets: map[string]*template.Template{}}
	for _, file := range kinds {
		if file == "base.html" {
			continue
		}
		set, err := common.Clone()
		if err != nil {
			return nil, err
		}
		if err := parseFile(set, fsys, file); err != nil {
			return nil, err
		}
		t.sets[strings.TrimSuffix(file, ".html")] = set
	}
	return t, nil
}

func parseCommon(fsys fs.FS, cfg *config.Config) (*template.Template, error) {
	var common *template.Template
	fm := funcs(cfg)
	fm["teaser"] = teasers(&common)
	root := template.New("base.html").Funcs(fm)
	if err := parseFile(root, fsys, "base.html"); err != nil {
		return nil, err
	}
	partials, err := fs.Glob(fsys, "partials/*.html")
	if err != nil {
		return nil, err
	}
	sort.Strings(partials)
	for _, p := range partials {
		if err := parseFile(root.New(p), fsys, p); err != nil {
			return nil, err
		}
	}
	common = root
	return root, nil
}

// teasers returns the teaser function: an article's teaser, rendered with
// partials/teaser.html once per build and reused on every list that shows
// it (the front page, its section, its topics, its month).
func teasers(set **template.Template) func(e *site.Entry) (template.HTML, error) {
	var cache sync.Map
	return func(e *site.Entry) (template.HTML, error) {
		if html, ok := cache.Load(e); ok {
			return html.(template.HTML), nil
		}
		var buf bytes.Buffer
		if err := (*set).ExecuteTemplate(&buf, "partials/teaser.html", e); err != nil {
			return "", templateError(err)
		}
		html := template.HTML(buf.String())
		cache.Store(e, html)
		return html, nil
	}
}

// parseFile parses one layout file into t under the file's own name, so
// that errors can name it.
func parseFile(t *template.Template, fsys fs.FS, name string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("%s: %w", path.Join(LayoutDir, name), err)
	}
	if t.Name() != name {
		t = t.New(name)
	}
	if _, err := t.Parse(string(data)); err != nil {
		return templateError(err)
	}
	return nil
}

// Execute renders a page with its kind's layout.
func (t *Templates) Execute(w io.Writer, p *Page) error {
	set := t.sets[p.Kind]
	if set == nil {
		return fmt.Errorf("%s/%s.html: no such layout", LayoutDir, p.Kind)
	}
	if err := set.ExecuteTemplate(w, "base.html", p); err != nil {
		return templateError(err)
	}
	return nil
}

var templatePos = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::\d+)?: (.*)$`)

// templateError rewrites html/template's errors as "layouts/file:line: what".
func templateError(err error) error {
	msg := strings.SplitN(err.Error(), "\n", 2)[0]
	if m := templatePos.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s", path.Join(LayoutDir, m[1]), m[2], m[3])
	}
	return fmt.Errorf("%s: %s", LayoutDir, strings.TrimPrefix(msg, "template: "))
}
