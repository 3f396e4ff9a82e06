package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
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
	// shared are the sets' shared partials, by kind.
	shared map[string]*sharedParts
	// plain are the sets without shared partials, loaded when a page
	// fails, so that its error names the partial's own file and line.
	fsys  fs.FS
	cfg   *config.Config
	once  sync.Once
	plain *Templates
	// native are the shared partials of each kind of page the Go code
	// writes: those whose layouts are the default ones (see native.go).
	native map[string]*sharedParts
	// common is the Go code for base.html and the partials, when they
	// are the default ones; nil otherwise.
	common *native
}

// LoadTemplates parses every layout in fsys. Each top-level .html file
// other than base.html is a kind of page.
func LoadTemplates(fsys fs.FS, cfg *config.Config) (*Templates, error) {
	t, err := loadSets(fsys, cfg)
	if err != nil {
		return nil, err
	}
	t.shared = map[string]*sharedParts{}
	for kind, set := range t.sets {
		t.shared[kind] = shareParts(set)
	}
	t.fsys, t.cfg = fsys, cfg
	t.native = map[string]*sharedParts{}
	for _, kind := range nativeKinds {
		if shared := t.shared[kind]; shared != nil && t.common != nil && sameFile(fsys, kind+".html") {
			t.native[kind] = shared
		}
	}
	return t, nil
}

// loadSets parses the layouts as they are.
func loadSets(fsys fs.FS, cfg *config.Config) (*Templates, error) {
	common, nat, err := parseCommon(fsys, cfg)
	if err != nil {
		return nil, err
	}
	kinds, err := fs.Glob(fsys, "*.html")
	if err != nil {
		return nil, err
	}
	t := &Templates{sets: map[string]*template.Template{}, common: nat}
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

// parseCommon parses base.html and the partials, which every kind of page
// shares. When they are the default ones, it returns too the Go code that
// writes them, and the teasers and briefs are written by it.
func parseCommon(fsys fs.FS, cfg *config.Config) (*template.Template, *native, error) {
	var common *template.Template
	fm := funcs(cfg)
	css, err := fs.ReadFile(fsys, "style.css")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("%s/style.css: %w", LayoutDir, err)
	}
	sheet := StylesheetName(css)
	// stylesheet is the stylesheet's in-page link: its name carries a hash
	// of its bytes, so that hosts may let browsers keep it for a year.
	fm["stylesheet"] = func() string { return cfg.BasePath() + sheet }
	var nat *native
	if isDefaultCommon(fsys) {
		nat = &native{cfg: cfg, base: cfg.BasePath(), sheet: cfg.BasePath() + sheet}
		fm["teaser"], fm["brief"] = nat.teaser, nat.brief
	} else {
		fm["teaser"], fm["brief"] = teasers(&common), briefs(&common)
	}
	root := template.New("base.html").Funcs(fm)
	if err := parseFile(root, fsys, "base.html"); err != nil {
		return nil, nil, err
	}
	partials, err := fs.Glob(fsys, "partials/*.html")
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(partials)
	for _, p := range partials {
		if err := parseFile(root.New(p), fsys, p); err != nil {
			return nil, nil, err
		}
	}
	common = root
	return root, nat, nil
}

// teasers returns the teaser function: an article's teaser, rendered with
// partials/teaser.html once per build and reused on every list that shows
// it (the front page, its section, its topics, its month).
//
// A second argument names the section of the list: a teaser of that
// section leaves its kicker out, which would only repeat the page's title.
//
// The memo is bounded: a teaser is a pure function of its entry, so
// forgetting one costs only its rendering again, and an archive of a
// million articles must not keep a million teasers.
func teasers(set **template.Template) func(e *site.Entry, section ...string) (template.HTML, error) {
	render := memoized[Teaser](set, "partials/teaser.html")
	return func(e *site.Entry, section ...string) (template.HTML, error) {
		return render(Teaser{Entry: e, Kicker: len(section) == 0 || section[0] == "" || section[0] != e.Category.Slug})
	}
}

// briefs returns the brief function: an article as one line of a list,
// its headline linked and, when dated is true, its date, rendered with
// partials/brief.html once per build. Secondary lists (topics, authors,
// months, the front page's older pages) and the end of an article use it:
// they repeat articles that sections and the front page already show with
// their summaries. Its memo is bounded like the teasers'.
func briefs(set **template.Template) func(e *site.Entry, dated ...bool) (template.HTML, error) {
	render := memoized[Brief](set, "partials/brief.html")
	return func(e *site.Entry, dated ...bool) (template.HTML, error) {
		return render(Brief{Entry: e, Dated: len(dated) > 0 && dated[0]})
	}
}

// memoized renders a partial for a comparable value once, keeping the
// result in a bounded memo.
func memoized[K comparable](set **template.Template, name string) func(K) (template.HTML, error) {
	memo := &partialMemo[K]{m: map[K]template.HTML{}}
	return func(k K) (template.HTML, error) {
		if html, ok := memo.get(k); ok {
			return html, nil
		}
		var buf bytes.Buffer
		if err := (*set).ExecuteTemplate(&buf, name, k); err != nil {
			return "", templateError(err)
		}
		html := template.HTML(buf.String())
		memo.put(k, html)
		return html, nil
	}
}

// Brief is what partials/brief.html sees: the article's entry, and
// whether to show its date.
type Brief struct {
	*site.Entry
	Dated bool
}

// teaserMemoSize bounds the teasers (and briefs) kept: enough for the list
// pages being rendered at once by every worker, a small part of a large
// archive.
const teaserMemoSize = 16384

// partialMemo keeps rendered partials until it holds teaserMemoSize of
// them, then starts again empty.
type partialMemo[K comparable] struct {
	mu sync.Mutex
	m  map[K]template.HTML
}

// teaserMemo is the memo of rendered teasers.
type teaserMemo = partialMemo[Teaser]

func (c *partialMemo[K]) get(k K) (template.HTML, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	html, ok := c.m[k]
	return html, ok
}

func (c *partialMemo[K]) put(k K, html template.HTML) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= teaserMemoSize {
		clear(c.m)
	}
	c.m[k] = html
}

// Teaser is what partials/teaser.html sees: the article's entry, and
// whether to show its kicker.
type Teaser struct {
	*site.Entry
	Kicker bool
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
	if shared := t.native[p.Kind]; shared != nil {
		// A page the Go code cannot write, as when a partial fails, is
		// executed with the layouts, whose error names the file and line.
		if t.common.execute(w, p, shared.partial) == nil {
			return nil
		}
	}
	set := t.sets[p.Kind]
	if set == nil {
		return fmt.Errorf("%s/%s.html: no such layout", LayoutDir, p.Kind)
	}
	if err := set.ExecuteTemplate(w, "base.html", p); err != nil {
		if perr := t.plainError(p); perr != nil {
			return perr
		}
		return templateError(err)
	}
	return nil
}

// plainError is the error of executing p with the layouts as written, as
// a failing page reports it.
func (t *Templates) plainError(p *Page) error {
	if t.fsys == nil {
		return nil
	}
	t.once.Do(func() { t.plain, _ = loadSets(t.fsys, t.cfg) })
	if t.plain == nil {
		return nil
	}
	return t.plain.Execute(io.Discard, p)
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

// StylesheetName is the name the stylesheet is published under, such as
// "style.3f2a9c1e0b.css": a hash of its bytes, so that a changed
// stylesheet has a new URL and an unchanged one can be cached for good.
func StylesheetName(css []byte) string {
	sum := sha256.Sum256(css)
	return "style." + hex.EncodeToString(sum[:5]) + ".css"
}
