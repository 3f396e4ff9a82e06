package feed

import "newsgen/generator/site"

// bodies fetches articles' HTML through Options.Content, once per article
// however many feeds hold it, and keeps the errors.
type bodies struct {
	content func(e *site.Entry) (string, error)
	done    map[*site.Entry]string
	errs    []error
}

// newBodies returns a fetcher that gives "" for every article when the
// feeds carry summaries.
func newBodies(s *site.Site, opts Options) *bodies {
	b := &bodies{done: map[*site.Entry]string{}}
	if !s.Config.Feeds.Summary {
		b.content = opts.Content
	}
	return b
}

// get returns an article's HTML, fit for XML, or "" when the feeds carry
// summaries or its content failed.
func (b *bodies) get(e *site.Entry) string {
	if b.content == nil {
		return ""
	}
	if html, ok := b.done[e]; ok {
		return html
	}
	html, err := b.content(e)
	if err != nil {
		b.errs = append(b.errs, err)
		html = ""
	}
	// One NUL in one article must not cost the feeds: what XML cannot
	// hold is replaced, in every format alike. The caller names the file.
	html = XMLSafe(html)
	b.done[e] = html
	return html
}
