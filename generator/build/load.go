package build

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"newsgen/generator/config"
	"newsgen/generator/content"
	"newsgen/generator/site"
)

// loadContent reads the front matter of every article in content/, in
// parallel, keeping only what the archive model needs. A file that cannot
// be read is a problem; the rest still load.
func loadContent(o Options, cfg *config.Config, rep *Report) []*site.Entry {
	files, err := contentFiles(o.Root)
	if err != nil {
		rep.problem(err)
		return nil
	}
	entries := make([]*site.Entry, len(files))
	parallel(o.Workers, len(files), func(i int) {
		a, err := readArticle(o.Root, files[i], false)
		if err != nil {
			rep.problem(err)
			return
		}
		entries[i] = site.NewEntry(a, cfg.Location)
	})
	return dedupe(entries, rep)
}

// contentFiles lists the Markdown files under content/, slash-separated
// and relative to the root, sorted. Hidden files and folders are skipped.
func contentFiles(root string) ([]string, error) {
	var files []string
	dir := filepath.Join(root, ContentDir)
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

// readArticle reads one content file; with body false it keeps only the
// front matter.
func readArticle(root, name string, body bool) (*content.Article, error) {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		return nil, err
	}
	if body {
		return content.Parse(name, data)
	}
	return content.ParseMeta(name, data)
}

// dedupe drops nil entries and reports two articles that would share one
// page; the first file in name order keeps it.
func dedupe(entries []*site.Entry, rep *Report) []*site.Entry {
	out := entries[:0]
	seen := map[string]string{}
	for _, e := range entries {
		if e == nil {
			continue
		}
		if first, ok := seen[e.Path()]; ok {
			rep.problem(&pathClash{file: e.Source, other: first, page: e.Path()})
			continue
		}
		seen[e.Path()] = e.Source
		out = append(out, e)
	}
	return out
}

type pathClash struct{ file, other, page string }

func (p *pathClash) Error() string {
	return p.file + ":1: slug makes page /" + p.page + " which " + path.Base(p.other) + " already has; change one slug"
}
