package pipeline

import (
	"errors"
	"io/fs"
	"path/filepath"
	"testing/fstest"

	"newsgen/generator/inroot"
	"newsgen/generator/render"
	"newsgen/layouts"
)

// theme is the site's layouts, read through the builder's guard, over
// the embedded defaults. A layouts/ that is a link out of the root is
// reported and left out.
func (b *Builder) theme(skip func(error)) fs.FS {
	dir := filepath.Join(b.opts.Root, render.LayoutDir)
	if err := b.guard.CheckDir(dir); err != nil {
		skip(err)
		return render.Overlay{Bottom: layouts.FS}
	}
	return render.Overlay{Top: b.guard.FS(dir), Bottom: layouts.FS}
}

// themeSnapshot reads every layout file once, so that a build renders
// with, keys its pages by, and copies the stylesheet from the very same
// bytes, even when an editor saves a layout while the build runs.
// A layout the site's guard refuses (a link out of the root, a pipe) is
// reported through skip and left out: the embedded default stands in.
func themeSnapshot(theme fs.FS, skip func(error)) (fs.FS, error) {
	snap := fstest.MapFS{}
	err := fs.WalkDir(theme, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, name)
		var refused *inroot.Refusal
		if errors.As(err, &refused) {
			skip(refused)
			o, ok := theme.(render.Overlay)
			if !ok {
				return nil
			}
			if data, err = fs.ReadFile(o.Bottom, name); errors.Is(err, fs.ErrNotExist) {
				return nil
			}
		}
		if err != nil {
			return err
		}
		snap[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	return snap, err
}
