package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"newsgen/generator/workers"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"newsgen/generator/atomicfile"
	"newsgen/generator/content"
	"newsgen/generator/inroot"
	"newsgen/generator/progress"
	"newsgen/generator/seed"
)

// ImportOptions says where Import reads and writes, and how it parses.
type ImportOptions struct {
	// SeedsDir and ContentDir are the folders, as OS paths.
	SeedsDir, ContentDir string
	// DisplayRoot is the site root: messages show files relative to it,
	// such as "seeds/x.txt". Empty shows the paths as given.
	DisplayRoot string
	Rules       *seed.Rules
	// MaxBytes is the largest seed read; larger ones are refused before
	// they are read. 0 means no limit.
	MaxBytes int64
	Location *time.Location
	// Log receives the notes, the summary and the problems; nil is silent.
	Log io.Writer
	// Progress counts the seeds imported; nil shows nothing.
	Progress *progress.Reporter
	// Guard reads seeds and content files: links out of the site root and
	// what is not a regular file are refused. Nil refuses only the latter.
	Guard *inroot.Guard
	// stage is where a first import writes, when ContentDir does not
	// exist yet; it is renamed to ContentDir at the end.
	stage string
	// Memo, when set, lets Import skip the seeds that have not changed
	// since the import that filled it, and is brought up to date.
	Memo *Memo
	// Changed, when not nil, says that only these files, seed and content
	// file names, may have changed since the memo was filled: the others
	// are taken from the memo without looking at the disk. A file watcher
	// knows as much, and an archive of many seeds then imports in the time
	// of the few that changed.
	Changed map[string]bool
}

// prepareContentDir makes the folder the content files are written to:
// ContentDir, or, when there is none yet, a staging folder beside it,
// renamed into place once every file is written. A first import then
// writes each file once, straight to its name, and an import stopped
// half-way leaves no content/ at all, rather than some of it.
func (o *ImportOptions) prepareContentDir() error {
	if _, err := os.Lstat(o.ContentDir); !errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(o.ContentDir, 0o755)
	}
	o.stage = atomicfile.StagingDir(o.ContentDir)
	if err := os.RemoveAll(o.stage); err != nil { // left by a stopped import
		return err
	}
	return os.MkdirAll(o.stage, 0o755)
}

// writeDir is the folder content files are written to now.
func (o ImportOptions) writeDir() string {
	if o.stage != "" {
		return o.stage
	}
	return o.ContentDir
}

// Problem is a seed that could not be imported, and why.
type Problem struct {
	File   string
	Reason string
}

func (p Problem) String() string { return p.File + ": " + p.Reason }

// Report says what Import did. A caller running in strict mode fails when
// Skipped is not empty.
type Report struct {
	Imported  int // content files written
	Unchanged int // content files already as import would write them
	Kept      int // content files edited by hand and left alone
	// KeptFiles names the content files left alone.
	KeptFiles []string
	Skipped   []Problem
	// Notes are repairs worth knowing about, one line each naming the seed.
	Notes []string
	// Removed counts the articles removed with their seeds.
	Removed int
	// Wrote lists the content files written or removed, as paths, by an
	// import of changed seeds (Changed set). A full import leaves it
	// empty: its caller looks at every file anyway, and a list of a
	// million paths is memory for nothing.
	Wrote []string
}

// Summary is the report's one-line summary.
func (r Report) Summary() string {
	line := fmt.Sprintf("import: %d imported, %d unchanged, %d kept (edited by hand), %d skipped",
		r.Imported, r.Unchanged, r.Kept, len(r.Skipped))
	if r.Removed > 0 {
		line += fmt.Sprintf(", %d removed with their seeds", r.Removed)
	}
	return line
}

// parsed is what became of one seed.
type parsed struct {
	name    string // seed file name
	display string
	article *content.Article
	notes   []string
	err     error
	// stamp is the seed file's when it was read, sum its bytes'.
	stamp Stamp
	sum   Digest
}

// Import reads every *.txt seed in SeedsDir, in name order, and writes one
// content file per seed into ContentDir. Bad seeds are reported one line
// each and the others still import. A content file is written only when
// its bytes change, atomically, and never when an editor has changed it.
// The error is for what stops the whole import, such as an unreadable
// folder.
func Import(opts ImportOptions) (Report, error) {
	var rep Report
	memo := opts.Memo
	if memo == nil {
		memo = NewMemo()
	}
	names, err := opts.seedNames(memo)
	if err != nil {
		return rep, fmt.Errorf("%s: %v", opts.display(opts.SeedsDir), unwrapPath(err))
	}
	if err := opts.prepareContentDir(); err != nil {
		return rep, fmt.Errorf("%s: %v", opts.display(opts.ContentDir), err)
	}
	existing, err := scanContent(opts.writeDir(), memo, opts.Changed, opts.guard())
	if err != nil {
		return rep, fmt.Errorf("%s: %v", opts.display(opts.ContentDir), unwrapPath(err))
	}
	known, todo := sortOut(names, opts, memo)
	slugs := newSlugger(existing)
	seeds := map[string]SeedMemo{}
	opts.Progress.Expect(progress.Import, len(names))
	for start := 0; start < len(names); start += chunk {
		part := names[start:min(start+chunk, len(names))]
		rep.importPart(part, known, todo, opts, slugs, memo, seeds)
		opts.Progress.Add(progress.Import, len(part))
	}
	opts.Progress.Done(progress.Import)
	sort.SliceStable(rep.Skipped, func(i, j int) bool { return rep.Skipped[i].File < rep.Skipped[j].File })
	if opts.stage != "" {
		if err := os.Rename(opts.stage, opts.ContentDir); err != nil {
			return rep, fmt.Errorf("%s: %v", opts.display(opts.ContentDir), err)
		}
	}
	rep.removeGone(opts, memo, seeds)
	memo.Seeds = seeds
	rep.log(opts.Log)
	return rep, nil
}

// sortOut splits the seeds into those the memo knows as they are, with
// their content files as import left them, and those to parse.
func sortOut(names []string, opts ImportOptions, memo *Memo) (map[string]SeedMemo, map[string]bool) {
	known := map[string]SeedMemo{}
	todo := map[string]bool{}
	for _, name := range names {
		m, ok := memo.Seeds[name]
		if ok && opts.Changed != nil && !opts.Changed[name] {
			known[name] = m
			continue
		}
		p := filepath.Join(opts.SeedsDir, name)
		st, exists := statStamp(p)
		switch {
		case !ok || !exists:
		case m.same(st) && (m.Problem != "" || memo.knownOut(m)):
			known[name] = m
			continue
		case m.Problem == "" && m.DateSource == seed.FromSeed && memo.knownOut(m) && fileSum(p) == m.Sum:
			m.Stamp, m.Out = st, memo.Content[m.Slug+".md"].Stamp
			known[name] = m
			continue
		}
		todo[name] = true
	}
	return known, todo
}

// removeGone removes the articles of seeds deleted since the memo was
// filled, when a watcher says so (Changed) and the article is still as
// import wrote it. A full import never removes anything: an archive keeps
// the articles whose seeds were cleared away.
func (rep *Report) removeGone(opts ImportOptions, memo *Memo, now map[string]SeedMemo) {
	for name := range opts.Changed {
		m, ok := memo.Seeds[name]
		if _, still := now[name]; still || !ok || m.Slug == "" {
			continue
		}
		p := filepath.Join(opts.ContentDir, m.Slug+".md")
		data, err := opts.guard().ReadFile(p)
		if err != nil {
			continue
		}
		if !content.Untouched(data) {
			rep.Notes = append(rep.Notes, opts.display(p)+": kept, edited by hand, though its seed is gone")
			continue
		}
		if os.Remove(p) == nil {
			rep.Removed++
			rep.Wrote = append(rep.Wrote, p)
			delete(memo.Content, m.Slug+".md")
		}
	}
}

// replay reports a seed the memo knows, as the import that saw it did.
func (rep *Report) replay(opts ImportOptions, name string, m SeedMemo, slugs *slugger) {
	display := opts.display(filepath.Join(opts.SeedsDir, name))
	for _, n := range m.Notes {
		rep.Notes = append(rep.Notes, display+": "+n)
	}
	switch {
	case m.Problem != "":
		rep.Skipped = append(rep.Skipped, Problem{display, m.Problem})
	case m.Kept:
		slugs.take(m.Slug, name)
		rep.Kept++
		rep.KeptFiles = append(rep.KeptFiles, opts.display(filepath.Join(opts.ContentDir, m.Slug+".md")))
	default:
		slugs.take(m.Slug, name)
		rep.Unchanged++
	}
}

// chunk is how many seeds import holds at once: parsed in parallel, given
// their slugs in name order, written in parallel, then let go, so that an
// archive of a million seeds imports in the memory of a few hundred.
const chunk = 256

// importPart imports the seeds of one chunk of names.
func (rep *Report) importPart(part []string, known map[string]SeedMemo, todo map[string]bool,
	opts ImportOptions, slugs *slugger, memo *Memo, seeds map[string]SeedMemo) {
	var parse []string
	for _, name := range part {
		if todo[name] {
			parse = append(parse, name)
		}
	}
	results := parseAll(parse, opts)
	var ws []*writing
	for _, name := range part {
		if m, ok := known[name]; ok {
			rep.replay(opts, name, m, slugs)
			seeds[name] = m
			continue
		}
		if w := rep.prepare(results[name], slugs); w != nil {
			ws = append(ws, w)
		} else {
			seeds[name] = problemMemo(results[name])
		}
	}
	writeAll(ws, opts)
	for _, w := range ws {
		seeds[w.r.name] = rep.finish(w, opts, memo)
	}
}

// prepare reports a parsed seed's notes and problem, and gives a good one
// its slug and a content file to write; nil for a bad one.
func (rep *Report) prepare(r parsed, slugs *slugger) *writing {
	rep.addNotes(r)
	if r.err != nil {
		rep.Skipped = append(rep.Skipped, Problem{r.display, r.err.Error()})
		return nil
	}
	r.article.Slug = slugs.assign(r.name, r.article.Slug)
	return &writing{r: r}
}

func problemMemo(r parsed) SeedMemo {
	return SeedMemo{Stamp: r.stamp, Notes: r.notes, Problem: r.err.Error()}
}

// finish reports what writing a content file came to, and returns what
// the memo keeps of its seed.
func (rep *Report) finish(w *writing, opts ImportOptions, memo *Memo) SeedMemo {
	r := w.r
	switch w.outcome {
	case failed:
		rep.Skipped = append(rep.Skipped, Problem{r.display, w.problem})
		// Not remembered: a file that could not be written is tried again.
		return SeedMemo{}
	case unchanged:
		rep.Unchanged++
	case kept:
		rep.Kept++
		rep.KeptFiles = append(rep.KeptFiles, opts.display(w.path))
	case written:
		rep.Imported++
		if opts.Changed != nil {
			rep.Wrote = append(rep.Wrote, w.path)
		}
	}
	m := SeedMemo{Stamp: r.stamp, Notes: r.notes, Slug: r.article.Slug, Sum: r.sum,
		DateSource: r.article.DateSource, Kept: w.outcome == kept, Out: w.stamp, OutSum: sum(w.onDisk)}
	memo.Content[r.article.Slug+".md"] = ContentMemo{Stamp: w.stamp, Seed: r.name, Sum: m.OutSum}
	return m
}

// seedNames lists the seeds: from the folder, or with Changed set from
// the memo's list brought up to date with the changed names.
func (o ImportOptions) seedNames(memo *Memo) ([]string, error) {
	if o.Changed == nil {
		return seedNames(o.SeedsDir)
	}
	var names []string
	for name := range memo.Seeds {
		if !o.Changed[name] {
			names = append(names, name)
		}
	}
	for name := range o.Changed {
		if strings.HasSuffix(name, ".txt") {
			if info, err := os.Stat(filepath.Join(o.SeedsDir, name)); err == nil && !info.IsDir() {
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	return names, nil
}

func seedNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") && !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// guard is the options' guard, or one that refuses only what is not a
// regular file.
func (o ImportOptions) guard() *inroot.Guard {
	if o.Guard != nil {
		return o.Guard
	}
	return inroot.Permissive()
}

func (o ImportOptions) display(p string) string {
	if o.DisplayRoot != "" {
		if rel, err := filepath.Rel(o.DisplayRoot, p); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(p)
}

// parseAll parses the seeds on a few workers, by name.
func parseAll(names []string, opts ImportOptions) map[string]parsed {
	list := make([]parsed, len(names))
	workers.Each(runtime.GOMAXPROCS(0), len(names), func(i int) {
		list[i] = parseOne(names[i], opts)
	})
	results := make(map[string]parsed, len(list))
	for _, r := range list {
		results[r.name] = r
	}
	return results
}

// parseOne reads and parses one seed. Its size is checked before it is
// read, and it is read through a limit in case it grows meanwhile.
func parseOne(name string, opts ImportOptions) parsed {
	p := filepath.Join(opts.SeedsDir, name)
	r := parsed{name: name, display: opts.display(p)}
	data, info, err := readSeed(opts.guard(), p, opts.MaxBytes)
	if info != nil {
		r.stamp = stampOf(info)
	} else if st, ok := statStamp(p); ok {
		r.stamp = st // not opened, yet the memo knows it by its stamp
	}
	if err != nil {
		r.err = err
		return r
	}
	r.sum = sum(data)
	a, notes, err := seed.Parse(name, data, info.ModTime(), seed.Options{Rules: opts.Rules, MaxBytes: opts.MaxBytes, Location: opts.Location})
	r.article, r.notes = a, notes
	if err != nil {
		r.err = fmt.Errorf("%s", strings.TrimPrefix(err.Error(), name+": "))
	}
	return r
}

// readSeed reads a seed and returns it with the file's information,
// which is also returned when the seed is refused after it was taken. A
// link out of the site root, a pipe or a device is refused unopened.
func readSeed(g *inroot.Guard, p string, limit int64) ([]byte, os.FileInfo, error) {
	f, info, err := g.Open(p)
	var refused *inroot.Refusal
	if errors.As(err, &refused) {
		return nil, nil, errors.New(refused.Reason)
	}
	if err != nil {
		return nil, nil, unwrapPath(err)
	}
	defer f.Close()
	if info.IsDir() {
		return nil, info, fmt.Errorf("a folder, not a seed file")
	}
	if limit > 0 && info.Size() > limit {
		return nil, info, seed.TooLarge(info.Size(), limit)
	}
	var rd io.Reader = f
	if limit > 0 {
		rd = io.LimitReader(f, limit+1)
	}
	// A buffer of the file's size reads it at once, without regrowing.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(rd); err != nil {
		return nil, info, unwrapPath(err)
	}
	return buf.Bytes(), info, nil
}

// unwrapPath drops the path from an OS error: the problem line names the
// file already.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return fmt.Errorf("%s: %v", pe.Op, pe.Err)
	}
	return err
}

func (rep *Report) addNotes(r parsed) {
	for _, n := range r.notes {
		rep.Notes = append(rep.Notes, r.display+": "+n)
	}
}

func (rep *Report) log(w io.Writer) {
	if w == nil {
		return
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(w, n)
	}
	for _, k := range rep.KeptFiles {
		fmt.Fprintf(w, "%s: kept, edited by hand since import\n", k)
	}
	fmt.Fprintln(w, rep.Summary())
	for _, p := range rep.Skipped {
		fmt.Fprintln(w, p)
	}
}

// fileSum is the Digest of a file's bytes, or none when it cannot be read.
func fileSum(p string) Digest {
	data, err := os.ReadFile(p)
	if err != nil {
		return Digest{}
	}
	return sum(data)
}
