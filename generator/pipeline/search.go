package pipeline

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/progress"
	"newsgen/generator/publish"
	"newsgen/generator/search"
	"newsgen/generator/site"
)

// SearchDir is the index's folder in the output.
const SearchDir = "search"

// searchIndex writes the search index of the published articles under
// search/. When no article changed since the last build, the files are
// kept as they are; when only the newest articles did (its sealed part
// is the same), the sealed files are kept and the manifest and r.bin
// written; otherwise the index is built again, and the publisher
// rewrites only the files whose bytes changed.
func (b *Builder) searchIndex(s *site.Site, pub *publish.Publisher, cfg *config.Config, rep *Report) {
	if cfg.Search.Disable {
		b.cache.Search = ""
		return
	}
	start, cpu := time.Now(), cpuTime()
	defer func() {
		rep.stage(stageSearch, time.Since(start))
		rep.SearchCPU = cpuTime() - cpu
	}()
	stop := sampleHeap(&rep.SearchHeap)
	defer stop()
	key := searchKey(b.cache.Settings, s.Entries)
	lastKey, lastSealed, _ := strings.Cut(b.cache.Search, " ")
	if key == lastKey && b.keepSearch(pub) {
		return
	}
	// While a writer previews, an edit to an article's text does not
	// wait for the whole index: the preview keeps the index it has until
	// an article comes or goes, and the next build brings it up to date.
	articles := articlesKey(s.Entries)
	if b.opts.Live && b.changed != nil && articles == b.indexed && b.keepSearch(pub) {
		return
	}
	entries := s.Entries
	// The index's files are its own stage, not write's: write's total
	// counts pages only.
	b.opts.Progress.Expect(progress.Search, len(entries))
	defer b.opts.Progress.Done(progress.Search)
	in := search.Input{
		Count: len(entries),
		Doc: func(i int) search.Doc {
			e := entries[i]
			return search.Doc{Path: e.Path(), Title: e.Title, Summary: e.Summary, Date: e.Date,
				Section: e.Category.Slug, SectionName: e.Category.Name}
		},
		Body: func(i int) (string, error) {
			b.opts.Progress.Add(progress.Search, 1)
			return readBody(b.opts.Root, entries[i].Source)
		},
		Write: func(name string, data []byte) error {
			return pub.WriteRaw(SearchDir+"/"+name, data)
		},
		TempDir: filepath.Join(b.opts.Root, cfg.CacheDir, "search-"+outKey(b.opts.Out)),
		Workers: runtime.GOMAXPROCS(0),
		Key:     func(i int) string { return entries[i].Source + " " + entries[i].Hash },
		Keep: func(sealed string) bool {
			return lastSealed != "" && sealed == lastSealed && b.keepSealed(pub)
		},
	}
	st, err := search.Write(in)
	if err != nil {
		rep.problem(err)
		key, articles, st.SealedKey = "", "", ""
	}
	// The cache's one field holds both keys.
	b.cache.Search, b.indexed = key+" "+st.SealedKey, articles
}

// articlesKey fingerprints the articles an index holds and their order,
// but not their text.
func articlesKey(entries []*site.Entry) string {
	f := newFingerprint()
	for _, e := range entries {
		f.add(e.Source, e.Path(), e.Date.String())
	}
	return f.sum()
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
	return b.keepWritten(pub, func(name string) bool { return isSearchFile(name) })
}

// keepSealed keeps the last build's index files but the manifest and
// r.bin, which the index writes again, if its manifest is still in the
// output.
func (b *Builder) keepSealed(pub *publish.Publisher) bool {
	if _, err := os.Stat(filepath.Join(b.opts.Out, SearchDir, "index.json")); err != nil {
		return false
	}
	return b.keepWritten(pub, func(name string) bool {
		return isSearchFile(name) && name != SearchDir+"/index.json" && name != SearchDir+"/r.bin"
	})
}

// keepWritten keeps the last build's files that want says to keep. It
// keeps none and reports false when their list cannot be read.
func (b *Builder) keepWritten(pub *publish.Publisher, want func(string) bool) bool {
	var kept []string
	err := b.cache.eachWritten(func(name string) bool {
		if want(name) {
			kept = append(kept, name)
		}
		return true
	})
	if err != nil {
		return false
	}
	for _, name := range kept {
		pub.Keep(name)
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
	if rest == "index.json" || rest == "r.bin" {
		return true
	}
	for _, d := range []string{"t/", "x/", "p/", "m/"} {
		if strings.HasPrefix(rest, d) {
			return true
		}
	}
	return false
}

// sampleHeap records, until stopped, how far the live heap (as each
// collection marks it, garbage not counted) grows above where it stood
// at the start: the memory the index costs the build.
func sampleHeap(peak *int64) (stop func()) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	read := func() int64 {
		metrics.Read(sample)
		return int64(sample[0].Value.Uint64())
	}
	base := read()
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				*peak = max(*peak, read()-base)
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
