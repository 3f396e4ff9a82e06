package build

import (
	"errors"
	"fmt"
	"time"

	"newsgen/generator/feed"
	"newsgen/generator/render"
	"newsgen/generator/site"
	"newsgen/generator/sitemap"
)

// feeds publishes the site's and every category's feeds. They are keyed
// as one unit by the entries they hold, so that a build where none of
// those changed renders no Markdown for them.
func (r *renderer) feeds() {
	key := r.feedsKey()
	names := feedNames(r.site)
	if r.allUnchanged(names, key) {
		return
	}
	files, err := feed.Build(r.site, feed.Options{Content: r.feedContent})
	if err != nil {
		for _, e := range unwrapAll(err) {
			r.rep.problem(e)
		}
	}
	for _, f := range files {
		r.publish(f.Name, f.Data, key)
	}
}

func (r *renderer) feedContent(e *site.Entry) (string, error) {
	a, err := readArticle(r.opts.Root, e.Source, true)
	if err != nil {
		return "", err
	}
	start := time.Now()
	html := string(render.Markdown([]byte(a.Body)))
	r.rep.stage(stageMarkdown, time.Since(start))
	return html, nil
}

func (r *renderer) feedsKey() string {
	limit := r.site.Config.Feeds.Limit
	f := newFingerprint().add(r.keys.site, fmt.Sprint(r.site.BuildTime.IsZero() || len(r.site.Entries) > 0))
	if len(r.site.Entries) == 0 {
		f.add(r.site.BuildTime.String())
	}
	bodies(f, r.site.Entries[:min(limit, len(r.site.Entries))])
	for _, g := range r.site.Categories {
		f.add(g.Slug, g.Name)
		bodies(f, g.Entries[:min(limit, len(g.Entries))])
	}
	return f.sum()
}

// bodies adds entries by their whole file: full-content feeds show it.
func bodies(f *fingerprint, list []*site.Entry) {
	for _, e := range list {
		f.add(e.Hash, e.Path())
	}
}

func feedNames(s *site.Site) []string {
	bases := []string{""}
	for _, g := range s.Categories {
		bases = append(bases, render.CategoryPath(g.Slug))
	}
	var names []string
	for _, b := range bases {
		names = append(names, b+feed.AtomName, b+feed.RSSName, b+feed.JSONName)
	}
	return names
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
	pages := sitemap.Articles(r.site)
	for _, p := range lists {
		if p.Canonical {
			pages = append(pages, sitemap.Page{Path: p.Path, Modified: listModified(p)})
		}
	}
	for _, f := range sitemap.Build(r.site, pages) {
		r.lists = append(r.lists, f.Name)
		r.publish(f.Name, f.Data, r.meta)
	}
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
