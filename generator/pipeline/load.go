package pipeline

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"newsgen/generator/config"
	"newsgen/generator/content"
	"newsgen/generator/inroot"
	"newsgen/generator/progress"
	"newsgen/generator/site"
	"newsgen/generator/workers"
)

// loadContent reads the front matter of every article in content/, in
// parallel, keeping only what the archive model needs. A file whose size
// and modification time match the cache is not read again. A file that
// cannot be read is a problem; the rest still load.
func (b *Builder) loadContent(cfg *config.Config, rep *Report) []*site.Entry {
	o := b.opts
	b.markImported(rep.imported)
	if err := b.guard.CheckDir(filepath.Join(o.Root, ContentDir)); err != nil {
		rep.problem(err)
		return nil
	}
	files, err := b.contentList()
	if err != nil {
		rep.problem(err)
		return nil
	}
	b.cache.setListed(files)
	b.cache.entryMap()
	cached := make([]*cachedEntry, len(files))
	o.Progress.Expect(progress.Load, len(files))
	defer o.Progress.Done(progress.Load)
	pool := o.Workers
	if b.changed != nil {
		pool = 1 // all but a few come from the cache: no work to share
	}
	workers.Each(pool, len(files), func(i int) {
		c, err := b.loadEntry(files[i], cfg)
		o.Progress.Add(progress.Load, 1)
		if err != nil {
			rep.problem(err)
			return
		}
		cached[i] = c
	})
	// The cache's entries are for the next build: a build whose cache is
	// saved at its end keeps them in a spill meanwhile.
	keep := newSink[*cachedEntry](cacheDir(o.Root, cfg), !o.Live)
	entries := make([]*site.Entry, 0, len(files))
	for i, c := range cached {
		cached[i] = nil // the sink keeps it while it must; the entry stays
		if c != nil {
			c.Entry.Compact(files[i])
			entries = append(entries, c.Entry)
			rep.Warnings = append(rep.Warnings, c.Warnings...)
			for _, w := range c.Warnings {
				fmt.Fprintln(o.Log, w)
			}
			b.measureImage(c, rep)
			keep.add(files[i], c)
		}
	}
	keep.store(&b.cache.Entries, &b.cache.entrySpill)
	return dedupe(entries, rep)
}

// loadEntry returns the entry of one content file, from the cache when
// the file has not changed since.
func (b *Builder) loadEntry(name string, cfg *config.Config) (*cachedEntry, error) {
	c := b.cache.Entries[name]
	if c != nil && b.changed != nil && !b.changed[name] {
		return c, nil
	}
	full := filepath.Join(b.opts.Root, filepath.FromSlash(name))
	info, err := b.guard.Stat(full)
	if err != nil {
		return nil, err
	}
	if c != nil && c.Size == info.Size() && c.ModTime.Equal(info.ModTime()) {
		return c, nil
	}
	data, err := b.guard.ReadFile(full)
	if err != nil {
		return nil, err
	}
	hash := newFingerprint().add(string(data)).sum()
	if c != nil && c.Entry.Hash == hash {
		// Touched but not changed, as by a fresh checkout in CI.
		return &cachedEntry{Size: info.Size(), ModTime: info.ModTime(), Entry: c.Entry, Warnings: c.Warnings, Image: c.Image}, nil
	}
	e, a, err := newEntry(name, data, cfg)
	if err != nil {
		return nil, err
	}
	e.Hash = hash
	return &cachedEntry{Size: info.Size(), ModTime: info.ModTime(), Entry: e, Warnings: a.Warnings, Image: a.Image}, nil
}

// newEntry reads a content file's front matter into its entry, with the
// hash of what lists show of it.
func newEntry(name string, data []byte, cfg *config.Config) (*site.Entry, *content.Article, error) {
	a, err := content.ParseMeta(name, data)
	if err != nil {
		return nil, nil, err
	}
	e := site.NewEntry(a, cfg.Location)
	e.MetaHash = metaHash(e)
	if e.Image != nil && e.Image.Src == "" {
		// Lists show an article's picture, never a caption: the words of
		// an image without a picture are for the article's own page,
		// which reads them with the body. A million captions are not
		// kept for it.
		e.Image, e.Captioned = nil, true
	}
	return e, a, nil
}

// measureImage checks, on every build, the picture of an article whose
// lead image is a file under static/: the file may have come, gone or
// changed since the article was read.
func (b *Builder) measureImage(c *cachedEntry, rep *Report) {
	if c.Image == nil || c.Image.Src == "" || c.Image.Remote() {
		return
	}
	img := *c.Image
	if err := checkImage(b.opts.Root, c.Entry.Source, &img); err != nil {
		rep.problem(err)
	}
	c.Entry.Image = &img
	c.Entry.MetaHash = metaHash(c.Entry)
}

// markImported counts the content files import wrote among the changed
// ones: the watcher has not told of them yet.
func (b *Builder) markImported(paths []string) {
	if b.changed == nil {
		return
	}
	for _, p := range paths {
		if rel, err := filepath.Rel(b.opts.Root, p); err == nil {
			b.changed[filepath.ToSlash(rel)] = true
		}
	}
}

// contentList lists the content files: all of content/, or, when only
// some files changed, the last list brought up to date with them.
func (b *Builder) contentList() ([]string, error) {
	if b.changed == nil {
		return contentFiles(b.opts.Root)
	}
	listed := b.cache.listed()
	for name := range b.changed {
		if !strings.HasPrefix(name, ContentDir+"/") || !strings.HasSuffix(name, ".md") {
			continue
		}
		_, err := os.Stat(filepath.Join(b.opts.Root, filepath.FromSlash(name)))
		i, found := slices.BinarySearch(listed, name)
		switch {
		case err == nil && !found:
			listed = slices.Insert(slices.Clip(listed), i, name)
		case err != nil && found:
			listed = slices.Delete(slices.Clone(listed), i, i+1)
		}
	}
	return listed, nil
}

// contentFiles lists the Markdown files under content/, slash-separated
// and relative to the root, sorted. Hidden files and folders are skipped.
func contentFiles(root string) ([]string, error) {
	var files []string
	dir := filepath.Join(root, ContentDir)
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// content/ is a link the guard allowed: a trailing separator makes
		// the walk start in its target instead of stopping at the link.
		dir += string(filepath.Separator)
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == dir {
				return fs.SkipDir
			}
			return err
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != dir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.HasSuffix(name, ".md") {
			rel, _ := filepath.Rel(root, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// readArticle reads what an article's page needs of its file beyond its
// entry: the Markdown, and the lead image when the entry left it out.
func readArticle(root string, e *site.Entry) (string, *content.Image, error) {
	data, err := inroot.ReadRegular(filepath.Join(root, filepath.FromSlash(e.Source)))
	if err != nil {
		return "", nil, err
	}
	body, err := content.Body(e.Source, data)
	if err != nil || !e.Captioned {
		return body, nil, err
	}
	a, err := content.ParseMeta(e.Source, data)
	if err != nil {
		return "", nil, err
	}
	return body, a.Image, nil
}

// readBody reads the Markdown of a content file whose front matter the
// build has already read.
func readBody(root, name string) (string, error) {
	data, err := inroot.ReadRegular(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		return "", err
	}
	return content.Body(name, data)
}

// dedupe drops nil entries and reports two articles that would share one
// page; the first file in name order keeps it.
func dedupe(entries []*site.Entry, rep *Report) []*site.Entry {
	out := entries[:0:0]
	// A page path is its year, month and slug: keyed by those, the map
	// holds no path of its own for each of a million articles.
	type page struct {
		month int
		slug  string
	}
	seen := map[page]string{}
	for _, e := range entries {
		if e == nil {
			continue
		}
		key := page{e.Date.Year()*12 + int(e.Date.Month()), e.Slug}
		if first, ok := seen[key]; ok {
			rep.problem(&pathClash{file: e.Source, other: first, page: e.Path()})
			continue
		}
		seen[key] = e.Source
		out = append(out, e)
	}
	return out
}

type pathClash struct{ file, other, page string }

func (p *pathClash) Error() string {
	return p.file + ":1: slug makes page /" + p.page + " which " + path.Base(p.other) + " already has; change one slug"
}
