package pipeline

import (
	"crypto/sha256"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"sync"

	"newsgen/generator/render"
	"newsgen/generator/site"
)

// keyer fingerprints pages from what they show, without rendering them:
// the site's settings, the layout files of the page's kind, and the hash
// of every entry on the page. Equal keys mean equal pages.
type keyer struct {
	site    string
	layouts map[string]string
}

type fingerprint struct{ h hash.Hash }

func newFingerprint() *fingerprint { return &fingerprint{sha256.New()} }

func (f *fingerprint) add(parts ...string) *fingerprint {
	for _, s := range parts {
		f.h.Write([]byte(s))
		f.h.Write([]byte{0})
	}
	return f
}

// sum is the fingerprint as 16 raw bytes: fingerprints are only ever
// compared, never shown, and a large archive keeps several per article.
func (f *fingerprint) sum() string { return string(f.h.Sum(nil)[:16]) }

// newKeyer hashes the settings that every page depends on and each kind's
// layout files.
func newKeyer(theme fs.FS, s *site.Site, settings string) (*keyer, error) {
	common := newFingerprint().add(settings, strconv.FormatBool(len(s.Tags) > 0), strconv.FormatBool(len(s.Authors) > 0))
	// Every page's masthead and footer name the top sections, and link
	// the stylesheet by a hash of its bytes.
	for _, g := range s.TopSections() {
		common.add(g.Slug, g.Name)
	}
	sheet, err := hashFiles(theme, "style.css")
	if err != nil {
		return nil, err
	}
	common.add(sheet)
	shared, err := hashFiles(theme, "base.html", "partials/*.html")
	if err != nil {
		return nil, err
	}
	k := &keyer{site: common.add(shared).sum(), layouts: map[string]string{}}
	kinds, err := fs.Glob(theme, "*.html")
	if err != nil {
		return nil, err
	}
	for _, file := range kinds {
		h, err := hashFiles(theme, file)
		if err != nil {
			return nil, err
		}
		k.layouts[file[:len(file)-len(path.Ext(file))]] = h
	}
	return k, nil
}

func hashFiles(theme fs.FS, patterns ...string) (string, error) {
	f := newFingerprint()
	for _, pat := range patterns {
		names, err := fs.Glob(theme, pat)
		if err != nil {
			return "", err
		}
		for _, n := range names {
			data, err := fs.ReadFile(theme, n)
			if err != nil {
				return "", err
			}
			f.add(n, string(data))
		}
	}
	return f.sum(), nil
}

// article is the key of an article's page: its own file, and the front
// matter of its neighbours and of its related articles.
func (k *keyer) article(s *site.Site, e *site.Entry) string {
	f := newFingerprint().add(k.site, k.layouts["article"], e.Path(), e.Hash, e.MetaHash)
	for _, o := range []*site.Entry{s.Prev(e), s.Next(e)} {
		if o != nil {
			f.add(o.MetaHash, o.Path())
		} else {
			f.add("-")
		}
	}
	for _, o := range s.Related(e) {
		f.add(o.MetaHash, o.Path())
	}
	return f.sum()
}

// meta fingerprints what every list page and every article's neighbours
// are made of: the settings, the layouts, and the front matter of every
// published entry in archive order.
func (k *keyer) meta(s *site.Site) string {
	f := newFingerprint().add(k.site)
	kinds := make([]string, 0, len(k.layouts))
	for kind := range k.layouts {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		f.add(kind, k.layouts[kind])
	}
	for _, e := range s.Entries {
		f.add(e.MetaHash)
	}
	return f.sum()
}

// metaHash fingerprints what pages other than its own show of an entry.
func metaHash(e *site.Entry) string {
	f := newFingerprint().add(e.Title, e.Slug, e.Summary, e.Category.Name, e.Category.Slug,
		e.Date.String(), e.Updated.String(), strconv.FormatBool(e.Draft), strconv.FormatBool(e.Featured), e.Source,
		strconv.FormatBool(e.DateHasTime), strconv.FormatBool(e.UpdatedHasTime))
	if i := e.Image; i != nil {
		f.add(i.Src, i.Alt, i.Caption, i.Credit, strconv.Itoa(i.Width), strconv.Itoa(i.Height))
	}
	for _, t := range e.Tags {
		f.add(t.Name, t.Slug)
	}
	f.add("authors")
	for _, t := range e.Authors {
		f.add(t.Name, t.Slug)
	}
	return f.sum()
}

// page is the key of any other page.
func (k *keyer) page(p *render.Page) string {
	f := newFingerprint().add(k.site, k.layouts[p.Kind], p.Kind, p.Path, p.Section, p.Title, p.Heading, p.Description, strconv.FormatBool(p.Canonical), p.TermBase)
	for _, c := range p.Crumbs {
		f.add(c.Name, c.Path)
	}
	for _, a := range p.Alternates {
		f.add(a.Type, a.Title, a.Path)
	}
	if l := p.List; l != nil {
		f.add(strconv.Itoa(l.Number), l.Older, l.Newer)
		entries(f, l.Entries)
	}
	f.add(p.Category)
	if fr := p.Front; fr != nil {
		entries(f, []*site.Entry{fr.Lead})
		entries(f, fr.Tier)
		for _, b := range fr.Sections {
			f.add(b.Slug, b.Name, strconv.Itoa(b.Count))
			entries(f, b.Entries)
		}
		entries(f, fr.Latest)
	}
	if d := p.DateLine(); d != nil {
		f.add(d.Date.String())
	}
	for _, g := range p.Terms {
		f.add(g.Slug, g.Name, strconv.Itoa(len(g.Entries)))
	}
	years := p.Years
	if p.Year != nil {
		years = []*site.Year{p.Year}
	}
	for _, y := range years {
		f.add(strconv.Itoa(y.Year), strconv.Itoa(y.Count))
		for _, m := range y.Months {
			f.add(m.Month.String(), strconv.Itoa(len(m.Entries)))
		}
	}
	return f.sum()
}

func entries(f *fingerprint, list []*site.Entry) {
	for _, e := range list {
		f.add(e.MetaHash, e.Path())
	}
}

var (
	codeOnce sync.Once
	codeSum  string
)

// codeKey identifies the running newsgen, so that a new version never
// trusts pages an older one rendered.
func codeKey() string {
	codeOnce.Do(func() {
		f := newFingerprint()
		if exe, err := os.Executable(); err == nil {
			if file, err := os.Open(exe); err == nil {
				io.Copy(f.h, file)
				file.Close()
			}
		}
		codeSum = f.sum()
	})
	return codeSum
}
