package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/inroot"
	"newsgen/generator/publish"
	"newsgen/generator/render"
	"newsgen/generator/site"
)

// Builder builds one site again and again, as watch mode does, keeping
// between builds what lets it redo only the work that changed: what import
// made of each seed, the entries read from unchanged content files, and
// the keys of the pages written.
type Builder struct {
	opts  Options
	cache *cache
	// changed, when not nil, holds the only files (slash paths relative to
	// the root) that may have changed since the last build of this
	// builder; the others are not looked at.
	changed map[string]bool
	bodies  *bodyCache
	// marked says this builder left the mark of a build under way.
	marked bool
	// guard reads the site's own files.
	guard *inroot.Guard
	// indexed says which articles, in which order, the search index in
	// the output holds (see searchIndex).
	indexed string
	// shown is the last live build's model, for Preview.
	shown *shown
}

// NewBuilder returns a builder for the site the options name.
func NewBuilder(o Options) *Builder {
	o.fill()
	return &Builder{opts: o, bodies: newBodyCache()}
}

// Out is the folder the builder writes.
func (b *Builder) Out() string { return b.opts.Out }

// Build runs the whole pipeline, looking at every input file. Only pages
// whose key changed since the last build into the same folder are
// rendered; only files whose bytes changed are written.
func (b *Builder) Build() (*Report, error) {
	b.changed = nil
	return b.build()
}

// Rebuild runs the pipeline after the given files changed, and trusts
// that no other input did: a watcher that saw every change since the last
// build of this builder knows as much. Paths may be absolute or relative
// to the working folder. Before a first build, or with nil paths, it is
// Build.
func (b *Builder) Rebuild(paths []string) (*Report, error) {
	if paths == nil || b.cache == nil || b.cache.Settings == "" {
		return b.Build()
	}
	b.changed = map[string]bool{}
	for _, p := range paths {
		if rel, err := filepath.Rel(b.opts.Root, p); err == nil {
			b.changed[filepath.ToSlash(rel)] = true
		}
	}
	if !b.expandFolders() {
		return b.Build()
	}
	return b.build()
}

// Close writes what a live builder kept in memory: the cache, so that the
// next build starts warm.
func (b *Builder) Close() error {
	if b.cache == nil || !b.opts.Live {
		return nil
	}
	cfg, err := LoadConfig(b.opts)
	if err != nil {
		return err
	}
	if err := b.cache.save(cacheFile(b.opts.Root, cfg.CacheDir, b.opts.Out)); err != nil {
		return err
	}
	b.doneWriting(cfg)
	return nil
}

func (b *Builder) build() (*Report, error) {
	o := b.opts
	start := time.Now()
	rep := &Report{cpuStart: cpuTime()}
	b.shown = nil
	cfg, err := LoadConfig(o)
	if err != nil {
		return rep, err
	}
	if b.guard, err = inroot.New(o.Root, cfg.FollowOutsideSymlinks); err != nil {
		return rep, err
	}
	b.prepareCache(cfg)
	if err := b.startWriting(cfg); err != nil {
		return rep, err
	}
	rep.warnBaseURL(cfg, o.Log)
	if !o.NoImport && b.seedsMayHaveChanged() {
		b.cache.unspillImport()
		if err := importSeeds(o, cfg, rep, b.cache.Import, b.changedIn(SeedDir, ContentDir)); err != nil {
			return rep, err
		}
	}
	if !o.Live {
		b.cache.spillImport(cacheDir(o.Root, cfg))
	}
	loadStart := time.Now()
	entries := b.loadContent(cfg, rep)
	rep.stage(stageLoad, time.Since(loadStart))
	s := site.New(cfg, entries, site.Options{BuildTime: o.Now.In(cfg.Location), Drafts: o.Drafts, Future: o.Future})
	for _, name := range s.MissingMenuSections() {
		fmt.Fprintf(o.Log, "%s: [menu] section %q has no articles yet; it is left out of the masthead\n", config.FileName, name)
	}
	theme, err := themeSnapshot(b.theme(rep.problem), rep.problem)
	if err != nil {
		return rep, err
	}
	tmpl, err := render.LoadTemplates(theme, cfg)
	if err != nil {
		return rep, err
	}
	keys, err := newKeyer(theme, s, b.cache.Settings)
	if err != nil {
		return rep, err
	}
	pub := publish.New(o.Out)
	r := newRenderer(b, s, tmpl, pub, rep, keys)
	r.theme = theme
	r.all()
	b.searchIndex(s, pub, cfg, rep)
	r.remember(b.cache)
	b.bodies.keepUsed()
	b.prune(pub, rep)
	pub.Close()
	if err := pub.Commit(); err != nil {
		rep.problem(err)
	}
	if !o.Live {
		if err := b.cache.save(cacheFile(o.Root, cfg.CacheDir, o.Out)); err != nil {
			rep.problem(err)
		} else {
			b.doneWriting(cfg)
		}
	}
	b.keepShown(cfg, s, tmpl, rep)
	rep.finish(pub, len(s.Entries), time.Since(start))
	o.Progress.Stop()
	fmt.Fprintln(o.Log, rep.Summary())
	return rep, rep.Err(o.Strict)
}

// prepareCache loads the cache on a first build, and empties it when the
// settings changed: every entry and page depends on them.
func (b *Builder) prepareCache(cfg *config.Config) {
	if b.cache == nil {
		var note string
		b.cache, note = loadCache(cacheFile(b.opts.Root, cfg.CacheDir, b.opts.Out))
		if note != "" {
			fmt.Fprintln(b.opts.Log, note)
		}
	}
	settings := b.settings(cfg)
	if b.cache.Settings != settings {
		written := b.cache.written()
		b.cache.dropSpills()
		b.cache = newCache()
		b.cache.Settings, b.cache.Written = settings, written
		b.changed = nil
	}
}

// settings are what, besides layouts and content, every page depends on:
// the config file, the command line's choices and the running newsgen.
func (b *Builder) settings(cfg *config.Config) string {
	data, _ := os.ReadFile(filepath.Join(b.opts.Root, config.FileName))
	return newFingerprint().add(string(data), cfg.BaseURL, strconv.FormatBool(b.opts.Drafts),
		strconv.FormatBool(b.opts.Future), codeKey()).sum()
}

// seedsMayHaveChanged is false when only files other than seeds changed:
// import then has nothing to do. An article edited by hand is left alone
// by import anyway, and the next full build says so.
func (b *Builder) seedsMayHaveChanged() bool {
	if b.changed == nil {
		return true
	}
	for p := range b.changed {
		if strings.HasPrefix(p, SeedDir+"/") {
			return true
		}
	}
	return false
}

// changedIn returns the changed files under the given folders by their
// names there, or nil when every file is to be looked at.
func (b *Builder) changedIn(dirs ...string) map[string]bool {
	if b.changed == nil {
		return nil
	}
	out := map[string]bool{}
	for p := range b.changed {
		for _, d := range dirs {
			if rest, ok := strings.CutPrefix(p, d+"/"); ok {
				out[rest] = true
			}
		}
	}
	return out
}

// prune removes what the last build wrote and this one did not. A build
// with problems removes nothing: the pages of a file that failed stay as
// the last good build left them, and stay on record, so that a later
// clean build can remove them.
func (b *Builder) prune(pub *publish.Publisher, rep *Report) {
	if len(rep.Problems()) > 0 {
		written, err := pub.Written()
		if err != nil {
			rep.problem(err)
		}
		b.cache.setWritten(union(written, b.cache.written()))
		return
	}
	var readErr error
	previous := func(yield func(string) bool) { readErr = b.cache.eachWritten(yield) }
	if err := errors.Join(pub.Prune(previous), readErr); err != nil {
		rep.problem(err)
	}
	written, err := pub.Written()
	if err != nil {
		// What this build wrote is unknown: the next build removes at
		// least what the last one wrote and no longer makes.
		rep.problem(err)
		written = b.cache.written()
	}
	b.cache.setWritten(written)
}
