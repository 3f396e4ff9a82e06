// Package build drives the pipeline: seeds into content, content into the
// archive model, the model into pages, pages into the output folder. It is
// the one package that knows every stage; the stages know only the
// article types.
package pipeline

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/progress"
	"newsgen/generator/render"
	"newsgen/layouts"
)

// Options is one build's settings, from the command line.
type Options struct {
	// Root is the site root holding seeds/, content/, layouts/ and the config.
	Root string
	// Out is the output folder; "" means public/ in the root.
	Out string
	// BaseURL overrides the config's base URL when set.
	BaseURL string
	// Now is the build time: it decides which articles are due.
	Now time.Time
	// Drafts and Future publish drafts and articles dated after Now.
	Drafts, Future bool
	// Strict turns skipped seeds into a failed build.
	Strict bool
	// NoImport builds from content/ as it is, without reading seeds/.
	NoImport bool
	// Workers bounds the parallel work; 0 means one per core.
	Workers int
	// Live keeps the cache in memory between the builds of one Builder
	// and writes it on Close, as watch mode wants: a rebuild then costs
	// the work of what changed, not of writing the cache.
	Live bool
	// Log receives notes, warnings and the summary line.
	Log io.Writer
	// Progress shows how far the build is; nil shows nothing. A build
	// stops it before its summary line.
	Progress *progress.Reporter
}

// The folders of every site root.
const (
	SeedDir    = "seeds"
	ContentDir = "content"
	OutDir     = "public"
)

func (o *Options) fill() {
	if o.Root == "" {
		o.Root = "."
	}
	if o.Out == "" {
		o.Out = filepath.Join(o.Root, OutDir)
	}
	if o.Workers <= 0 {
		// Writing files waits on the disk: more workers than cores keep
		// the cores busy meanwhile, and each holds only one page.
		o.Workers = 4 * runtime.GOMAXPROCS(0)
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
}

// LoadConfig reads the site's config and applies the command line's
// overrides.
func LoadConfig(o Options) (*config.Config, error) {
	o.fill()
	cfg, err := config.Load(os.DirFS(o.Root))
	if err != nil {
		return nil, err
	}
	if o.BaseURL != "" {
		if err := cfg.SetBaseURL(o.BaseURL); err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

// Theme is the site's layouts over the embedded defaults.
func Theme(root string) fs.FS {
	return render.Overlay{Top: os.DirFS(filepath.Join(root, render.LayoutDir)), Bottom: layouts.FS}
}

// Build runs the whole pipeline once, using and refreshing the cache.
// Problems with single files are reported and the rest of the site is
// still built; the returned error lists them, one line each.
func Build(o Options) (*Report, error) {
	return NewBuilder(o).Build()
}
