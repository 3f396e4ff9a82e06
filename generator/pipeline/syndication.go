package pipeline

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"newsgen/generator/feed"
	"newsgen/generator/render"
	"newsgen/generator/site"
	"newsgen/generator/sitemap"
)

// feeds publishes the site's and every category's feeds. Each feed folder
// is keyed by the articles it holds, so that a build makes again only the
// folders whose articles changed.
func (r *renderer) feeds() {
	var todo = map[string]string{}
	for _, f := range feed.Folders(r.site) {
		key := r.folderKey(f)
		names := []string{f.Base + feed.AtomName, f.Base + feed.RSSName, f.Base + feed.JSONName}
		if !r.allUnchanged(names, key) {
			todo[f.Base] = key
		}
	}
	if len(todo) == 0 {
		return
	}
	r.metaWarnings(todo)
	files, err := feed.Build(r.site, feed.Options{Content: r.feedContent, Only: func(base string) bool { _, ok := todo[base]; return ok }})
	if err != nil {
		for _, e := range unwrapAll(err) {
			r.rep.problem(e)
		}
	}
	for _, f := range files {
		base := strings.TrimSuffix(f.Name, path.Base(f.Name))
		r.publish(f.Name, f.Data, todo[base])
	}
}

// feedContent renders an article's body for a full-content feed, reusing
// what an earlier build of this builder rendered from the same file.
func (r *renderer) feedContent(e *site.Entry) (string, error) {
	if html, ok := r.bodies.get(e.Hash); ok {
		r.feedWarning(r.bodies.warning(e.Hash))
		return html, nil
	}
	body, err := readBody(r.opts.Root, e.Source)
	if err != nil {
		return "", err
	}
	start := time.Now()
	html := string(render.Markdown([]byte(body), !e.Imported))
	r.rep.stage(stageMarkdown, time.Since(start))
	warning := ""
	if _, bad := feed.FirstForbidden(body); bad {
		warning = forbiddenWarning(r.opts.Root, e.Source)
	}
	r.bodies.put(e.Hash, html, warning)
	r.feedWarning(warning)
	return html, nil
}

// feedWarning reports text the feeds could not hold as it was.
func (r *renderer) feedWarning(w string) {
	if w != "" {
		r.rep.warn(w)
		fmt.Fprintln(r.opts.Log, w)
	}
}

// folderKey fingerprints a feed folder: the settings and every article in
// it by its whole file, since full-content feeds show the body.
func (r *renderer) folderKey(f feed.Folder) string {
	fp := newFingerprint().add(r.keys.site, f.Base)
	if len(f.Entries) == 0 {
		fp.add(r.site.BuildTime.String())
	}
	for _, e := range f.Entries {
		fp.add(e.Hash, e.Path())
	}
	return fp.sum()
}

// allUnchanged keeps every named file when all were written with key.
func (r *renderer) allUnchanged(names []string, key string) bool {
	for _, n := range names {
		rec, ok := r.old[n]
		if !ok || rec.Key != key || (!r.trustOutput && !fresh(r.opts.Out, n, rec)) {
			return false
		}
	}
	for _, n := range names {
		r.unchanged(n, key)
	}
	return true
}

// publish writes one generated file and records it under key.
func (r *renderer) publish(name string, data []byte, key string) {
	size, err := r.pub.Write(name, data)
	if err != nil {
		r.rep.problem(err)
		return
	}
	r.record(name, pageRecord{Key: key, Size: size})
}

// sitemaps publishes the sitemap of every page with a URL of its own, the
// news sitemap and robots.txt. They are cheap next to pages, so they are
// made every build; the publisher leaves them alone when nothing changed.
func (r *renderer) sitemaps(lists []*render.Page) {
	var pages []sitemap.Page
	for _, p := range lists {
		if p.Canonical {
			pages = append(pages, sitemap.Page{Path: p.Path, Modified: listModified(p)})
		}
	}
	sitemap.Stream(r.site, pages, sitemap.MaxURLs, func(f sitemap.File) {
		r.lists = append(r.lists, f.Name)
		r.publish(f.Name, f.Data, r.meta)
	})
}

// listModified is when a list page last changed: the newest change among
// the articles it shows.
func listModified(p *render.Page) time.Time {
	var t time.Time
	if p.List != nil {
		for _, e := range p.List.Entries {
			if m := e.Modified(); m.After(t) {
				t = m
			}
		}
	}
	return t
}

// alternates are the feeds a page announces.
func alternates(links []feed.Link) []render.Alternate {
	out := make([]render.Alternate, len(links))
	for i, l := range links {
		out[i] = render.Alternate{Type: l.Type, Title: l.Title, Path: l.Href}
	}
	return out
}

func unwrapAll(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{errors.Unwrap(err)}
}
