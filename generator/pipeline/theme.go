package pipeline

import (
	"io/fs"
	"testing/fstest"
)

// themeSnapshot reads every layout file once, so that a build renders
// with, keys its pages by, and copies the stylesheet from the very same
// bytes, even when an editor saves a layout while the build runs.
func themeSnapshot(theme fs.FS) (fs.FS, error) {
	snap := fstest.MapFS{}
	err := fs.WalkDir(theme, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			return err
		}
		snap[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	return snap, err
}
