package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/publish"
	"newsgen/generator/render"
	"newsgen/generator/site"
)

// Builder builds one site again and again, as watch mode does, keeping
// between builds what lets it redo only the work that changed: the
// entries read from unchanged content files and the keys of the pages
// written.
type Builder struct {
	opts  Options
	cache *cache
}

// NewBuilder returns a builder for the site the options name.
func NewBuilder(o Options) *Builder {
	o.fill()
	return &Builder{opts: o}
}

// Out is the folder the builder writes.
func (b *Builder) Out() string { return b.opts.Out }

// Build runs the pipeline. Only pages whose key changed since the last
// build into the same folder are rendered; only files whose bytes changed
// are written.
func (b *Builder) Build() (*Report, error) {
	o := b.opts
	start := time.Now()
	rep := &Report{}
	cfg, err := LoadConfig(o)
	if err != nil {
		return rep, err
	}
	if b.cache == nil {
		b.cache = loadCache(cacheFile(o.Root, cfg.CacheDir, o.Out))
	}
	if !o.NoImport {
		if err := importSeeds(o, cfg, rep, b.cache.Import); err != nil {
			return rep, err
		}
	}
	loadStart := time.Now()
	entries := b.loadContent(cfg, rep)
	rep.stage(stageLoad, time.Since(loadStart))
	s := site.New(cfg, entries, site.Options{BuildTime: o.Now.In(cfg.Location), Drafts: o.Drafts, Future: o.Future})
	theme := Theme(o.Root)
	tmpl, err := render.LoadTemplates(theme, cfg)
	if err != nil {
		return rep, err
	}
	keys, err := newKeyer(theme, s, b.settings(cfg)...)
	if err != nil {
		return rep, err
	}
	pub := publish.New(o.Out)
	r := &renderer{opts: o, site: s, tmpl: tmpl, pub: pub, rep: rep, keys: keys,
		old: b.cache.Pages, pages: map[string]pageRecord{}}
	r.all()
	b.cache.Pages = r.pages
	if err := prune(o, cfg, pub, len(rep.Problems()) > 0); err != nil {
		rep.problem(err)
	}
	if err := b.cache.save(cacheFile(o.Root, cfg.CacheDir, o.Out)); err != nil {
		rep.problem(err)
	}
	rep.finish(pub, len(s.Entries), time.Since(start))
	fmt.Fprintln(o.Log, rep.Summary())
	return rep, rep.Err(o.Strict)
}

// settings are what, besides layouts and content, every page depends on:
// the config file and the command line's choices.
func (b *Builder) settings(cfg *config.Config) []string {
	data, _ := os.ReadFile(filepath.Join(b.opts.Root, config.FileName))
	return []string{string(data), cfg.BaseURL, strconv.FormatBool(b.opts.Drafts), strconv.FormatBool(b.opts.Future)}
}
