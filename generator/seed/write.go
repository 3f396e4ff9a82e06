package seed

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"newsgen/generator/atomicfile"
	"newsgen/generator/content"
)

// write writes one article's content file, unless it is already as import
// would write it or an editor has changed it, and returns the file's bytes
// as they now are. It reports false when the file could not be read or
// written, with the reason among the skipped.
func (rep *Report) write(r parsed, opts ImportOptions) ([]byte, bool) {
	p := filepath.Join(opts.ContentDir, r.article.Slug+".md")
	shown := opts.display(p)
	data := content.FormatImported(r.article)
	old, err := os.ReadFile(p)
	exists := err == nil
	switch {
	case err == nil && bytes.Equal(old, data):
		rep.Unchanged++
		return old, true
	case err == nil && !content.Untouched(old):
		rep.Kept++
		rep.KeptFiles = append(rep.KeptFiles, shown)
		return old, true
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		rep.Skipped = append(rep.Skipped, Problem{r.display, fmt.Sprintf("reading %s: %v", shown, unwrapPath(err))})
		return nil, false
	}
	if err := writeContent(p, data, exists); err != nil {
		rep.Skipped = append(rep.Skipped, Problem{r.display, fmt.Sprintf("writing %s: %v", shown, unwrapPath(err))})
		return nil, false
	}
	rep.Imported++
	rep.Wrote = append(rep.Wrote, p)
	return data, true
}

// writeContent replaces a content file whole, or creates a new one in a
// single step.
func writeContent(p string, data []byte, exists bool) error {
	if exists {
		return atomicfile.Write(p, data)
	}
	return atomicfile.Create(p, data)
}
