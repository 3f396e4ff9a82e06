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
// would write it or an editor has changed it.
func (rep *Report) write(r parsed, opts ImportOptions) {
	p := filepath.Join(opts.ContentDir, r.article.Slug+".md")
	shown := opts.display(p)
	data := content.FormatImported(r.article)
	old, err := os.ReadFile(p)
	switch {
	case err == nil && bytes.Equal(old, data):
		rep.Unchanged++
		return
	case err == nil && !content.Untouched(old):
		rep.Kept++
		rep.KeptFiles = append(rep.KeptFiles, shown)
		return
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		rep.Skipped = append(rep.Skipped, Problem{r.display, fmt.Sprintf("reading %s: %v", shown, unwrapPath(err))})
		return
	}
	if err := atomicfile.Write(p, data); err != nil {
		rep.Skipped = append(rep.Skipped, Problem{r.display, fmt.Sprintf("writing %s: %v", shown, unwrapPath(err))})
		return
	}
	rep.Imported++
}
