package pipeline

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/publish"
	"newsgen/generator/search"
	"newsgen/generator/site"
)

// SearchDir is the index's folder in the output.
const SearchDir = "search"

// searchIndex writes the search index of the published articles under
// search/. When no article changed since the last build, the files are
// kept as they are; otherwise the index is built again, and the
// publisher rewrites only the files whose bytes changed.
func (b *Builder) searchIndex(s *site.Site, pub *publish.Publisher, cfg *config.Config, rep *Report) {
	start := time.Now()
	defer func() { rep.stage(stageSearch, time.Since(start)) }()
	key := searchKey(b.cache.Settings, s.Entries)
	if key == b.cache.Search && b.keepSearch(pub) {
		return
	}
	entries := s.Entries
	in := search.Input{
		Docs: make([]search.Doc, len(entries)),
		Body: func(i int) (string, error) { return readBody(b.opts.Root, entries[i].Source) },
		Write: func(name string, data []byte) error {
			return pub.WriteRaw(SearchDir+"/"+name, data)
		},
		TempDir: filepath.Join(b.opts.Root, cfg.CacheDir, "search-"+outKey(b.opts.Out)),
		Workers: runtime.GOMAXPROCS(0),
	}
	for i, e := range entries {
		in.Docs[i] = search.Doc{Path: e.Path(), Title: e.Title, Summary: e.Summary, Date: e.Date,
			Section: e.Category.Slug, SectionName: e.Category.Name}
	}
	if _, err := search.Write(in); err != nil {
		rep.problem(err)
		key = ""
	}
	b.cache.Search = key
}

// searchKey fingerprints what the index is made of: the settings and
// every published article's file.
func searchKey(settings string, entries []*site.Entry) string {
	f := newFingerprint().add(settings)
	for _, e := range entries {
		f.add(e.Source, e.Hash)
	}
	return f.sum()
}

// keepSearch keeps the last build's index files, if its manifest is
// still in the output.
func (b *Builder) keepSearch(pub *publish.Publisher) bool {
	if _, err := os.Stat(filepath.Join(b.opts.Out, SearchDir, "index.json")); err != nil {
		return false
	}
	for _, name := range b.cache.Written {
		if isSearchFile(name) {
			pub.Keep(name)
		}
	}
	return true
}

// isSearchFile says whether an output file belongs to the index, rather
// than to the search page beside it.
func isSearchFile(name string) bool {
	rest, ok := strings.CutPrefix(name, SearchDir+"/")
	if !ok {
		return false
	}
	if rest == "index.json" {
		return true
	}
	for _, d := range []string{"t/", "x/", "p/", "m/"} {
		if strings.HasPrefix(rest, d) {
			return true
		}
	}
	return false
}
