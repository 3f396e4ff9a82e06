package main

import (
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
)

// siteSize is what a cold build published beside what it was built
// from: the size budget is public/ bytes per article against the seeds'
// bytes per article. The search index is counted apart too, since it is
// the one part of public/ a site may turn off.
type siteSize struct {
	articles           int
	seedBytes, seeds   int64
	publicBytes, files int64
	searchBytes        int64
}

// measureSize tallies the seeds of dir and the public/ of site.
func measureSize(dir, site string, articles int) *siteSize {
	s := &siteSize{articles: articles}
	s.seedBytes, s.seeds = tally(filepath.Join(dir, "seeds"), nil)
	public := filepath.Join(site, "public")
	s.publicBytes, s.files = tally(public, func(rel string, size int64) {
		if strings.HasPrefix(rel, "search/") {
			s.searchBytes += size
		}
	})
	return s
}

// tally sums the sizes of the regular files under root, telling each to
// also, with its slash-separated path under root.
func tally(root string, also func(rel string, size int64)) (bytes, files int64) {
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		bytes += info.Size()
		files++
		if also != nil {
			rel, _ := filepath.Rel(root, p)
			also(filepath.ToSlash(rel), info.Size())
		}
		return nil
	})
	return bytes, files
}

// print writes the size lines under a size's table.
func (s *siteSize) print(w io.Writer) {
	if s == nil || s.articles == 0 || s.seeds == 0 {
		return
	}
	n := float64(s.articles)
	seed := float64(s.seedBytes) / float64(s.seeds)
	perArticle := float64(s.publicBytes) / n
	noSearch := float64(s.publicBytes-s.searchBytes) / n
	fmt.Fprintf(w, "size: public/ %.1f MB in %d files; %.0f B per article (%.0f without search/); seeds %.0f B per article\n",
		float64(s.publicBytes)/1e6, s.files, perArticle, noSearch, seed)
	fmt.Fprintf(w, "size: public/ per article / seed bytes = %.2fx (%.2fx without search/)\n", perArticle/seed, noSearch/seed)
}
