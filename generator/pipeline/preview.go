package pipeline

import (
	"bytes"
	"path/filepath"
	"strings"

	"newsgen/generator/config"
	"newsgen/generator/feed"
	"newsgen/generator/publish"
	"newsgen/generator/render"
	"newsgen/generator/site"
)

// shown is what a live builder keeps of its last good build so that an
// edited article can be shown before the rest of the rebuild: the archive
// model and the layouts that built it, and the entries by content file.
type shown struct {
	cfg     *config.Config
	site    *site.Site
	tmpl    *render.Templates
	entries map[string]*site.Entry
}

// keepShown remembers a live build's model for Preview, when the build had
// no problems: a preview must render exactly what that build would.
func (b *Builder) keepShown(cfg *config.Config, s *site.Site, tmpl *render.Templates, rep *Report) {
	if !b.opts.Live || len(rep.Problems()) > 0 {
		return
	}
	entries := make(map[string]*site.Entry, len(s.Entries))
	for _, e := range s.Entries {
		entries[e.Source] = e
	}
	b.shown = &shown{cfg: cfg, site: s, tmpl: tmpl, entries: entries}
}

// Preview writes, ahead of the rebuild that must follow it, the pages of
// edited articles whose front matter is as the last build read it: such
// an edit changes the article's own page and no page that lists or links
// it, so its page can be rendered from the last build's model at once,
// whatever the archive's size. It returns how many pages it wrote, and
// false, having written nothing, when any path is not such an article
// (a seed, a layout, a new or removed article, a changed title or date):
// then only the full rebuild can say what changed. Rebuild must still
// follow, for the search index and the cache.
func (b *Builder) Preview(paths []string) (int, bool) {
	sh := b.shown
	if sh == nil || len(paths) == 0 {
		return 0, false
	}
	var edited []*site.Entry
	for _, p := range paths {
		e := b.sameFrontMatter(sh, p)
		if e == nil {
			return 0, false
		}
		edited = append(edited, e)
	}
	pub := publish.New(b.opts.Out)
	defer pub.Close()
	written := 0
	for _, e := range edited {
		if err := previewPage(b.opts.Root, sh, pub, e); err != nil {
			return written, false
		}
		written++
	}
	return written, true
}

// sameFrontMatter returns the last build's entry for a content file
// whose front matter still says what that entry holds, or nil.
func (b *Builder) sameFrontMatter(sh *shown, path string) *site.Entry {
	rel, err := filepath.Rel(b.opts.Root, path)
	if err != nil {
		return nil
	}
	name := filepath.ToSlash(rel)
	if !strings.HasPrefix(name, ContentDir+"/") || !strings.HasSuffix(name, ".md") {
		return nil
	}
	old := sh.entries[name]
	if old == nil || b.guard == nil {
		return nil
	}
	data, err := b.guard.ReadFile(path)
	if err != nil {
		return nil
	}
	e, _, err := newEntry(name, data, sh.cfg)
	if err != nil || e.MetaHash != old.MetaHash {
		return nil
	}
	return old
}

// previewPage renders and writes one article's page as the full build
// does (see renderer.article).
func previewPage(root string, sh *shown, pub *publish.Publisher, e *site.Entry) error {
	body, img, err := readArticle(root, e)
	if err != nil {
		return err
	}
	art := render.NewArticle(sh.site, e, body)
	if img != nil {
		art.Image = img
	}
	p := render.ArticlePage(sh.site, art)
	p.Alternates = alternates(feed.CategoryAlternates(sh.site, e.Category.Slug))
	var buf bytes.Buffer
	if err := sh.tmpl.Execute(&buf, p); err != nil {
		return err
	}
	_, err = pub.Write(render.OutputName(p.Path), buf.Bytes())
	return err
}
