package render

// article writes the "main" block of article.html.
func (n *native) article(a *Article, b []byte) ([]byte, error) {
	b = append(b, '\n')
	if a == nil {
		return append(b, '\n'), nil
	}
	b = append(b, "\n<article class=\"story\">\n<header class=\"story-header\">\n<p class=\"kicker\">"...)
	if a.Category.Slug != "" {
		b = n.categoryLink(b, "", a.Category)
	} else {
		b = append(b, "News"...)
	}
	b = tagged(b, "</p>\n<h1 class=\"story-title\">", a.Title, "</h1>\n")
	if a.Summary != "" {
		b = tagged(b, "<p class=\"standfirst\">", a.Summary, "</p>")
	}
	b = append(b, '\n')
	if len(a.Authors) > 0 {
		b = append(b, "<p class=\"story-authors\">"...)
		b = n.authors(a.Authors, b)
		b = append(b, "</p>"...)
	}
	b = tagged(b, "\n<p class=\"byline\"><time datetime=\"", stamp(a.Date, a.DateHasTime), "\">")
	b = appendHTML(b, when(a.Date, a.DateHasTime))
	b = append(b, "</time>"...)
	if a.WasUpdated() {
		b = tagged(b, "<span class=\"sep\" aria-hidden=\"true\"> · </span><span class=\"updated\">Updated <time datetime=\"", stamp(a.Updated, a.UpdatedHasTime), "\">")
		b = appendHTML(b, when(a.Updated, a.UpdatedHasTime))
		b = append(b, "</time></span>"...)
	}
	b = append(b, "<span class=\"sep\" aria-hidden=\"true\"> · </span><span class=\"reading-time\">"...)
	b = appendInt(b, a.ReadingMinutes())
	b = append(b, " min read</span></p>\n</header>\n"...)
	b = n.figure(a, b)
	b = append(b, "\n<div class=\"story-body\">\n"...)
	b = append(b, a.HTML...)
	b = append(b, "\n</div>\n"...)
	if len(a.Tags) > 0 {
		b = append(b, "<p class=\"tags\">Topics: "...)
		for i, t := range a.Tags {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, "<a href=\""...)
			b = appendURL(b, n.rel(TagPath(t.Slug)))
			b = tagged(b, "\">", t.Name, "</a>")
		}
		b = append(b, "</p>"...)
	}
	b = append(b, "\n</article>\n"...)
	b = n.storyNav(a, b)
	b = append(b, '\n')
	b = n.related(a, b)
	return append(b, "\n\n"...), nil
}

// figure writes the lead image, or the note on a picture the archive
// does not hold.
func (n *native) figure(a *Article, b []byte) []byte {
	img := a.Image
	if img == nil {
		return b
	}
	if img.Src != "" {
		b = append(b, "\n<figure class=\"lead-figure\">\n<img src=\""...)
		b = appendURL(b, imageURL(img, n.rel))
		b = append(b, "\" alt=\""...)
		if img.Alt != "" {
			b = appendHTML(b, img.Alt)
		} else {
			b = appendHTML(b, img.Caption)
		}
		b = append(b, '"')
		if img.Width != 0 {
			b = append(b, " width=\""...)
			b = appendInt(b, img.Width)
			b = append(b, "\" height=\""...)
			b = appendInt(b, img.Height)
			b = append(b, '"')
		}
		b = append(b, " fetchpriority=\"high\" decoding=\"async\">\n"...)
		if img.Caption != "" || img.Credit != "" {
			b = append(b, "<figcaption>"...)
			b = n.credits(img.Caption, img.Credit, "", b)
			b = append(b, "</figcaption>"...)
		}
		return append(b, "\n</figure>\n"...)
	}
	if img.Caption != "" || img.Credit != "" {
		b = append(b, "\n<p class=\"photo-note\"><span class=\"photo-label\">Photo not held in this archive:</span> "...)
		b = n.credits(img.Caption, img.Credit, "Credit: ", b)
		b = append(b, "</p>\n"...)
	}
	return b
}

// credits writes a picture's caption and credit, the credit after label.
func (n *native) credits(caption, credit, label string, b []byte) []byte {
	if caption != "" {
		b = tagged(b, "<span class=\"caption\">", caption, "</span>")
	}
	if credit != "" {
		b = append(b, " <span class=\"credit\">"...)
		b = append(b, label...)
		b = appendHTML(b, credit)
		b = append(b, "</span>"...)
	}
	return b
}

// storyNav writes the links to the previous and next articles.
func (n *native) storyNav(a *Article, b []byte) []byte {
	if a.Prev == nil && a.Next == nil {
		return b
	}
	b = append(b, "\n<nav class=\"story-nav\" aria-label=\"Previous and next articles\">\n"...)
	if e := a.Prev; e != nil {
		b = append(b, "<p class=\"story-prev\"><span class=\"story-nav-label\">Previous article</span> <a href=\""...)
		b = n.entryLink(e, b)
		b = append(b, "</p>"...)
	}
	b = append(b, '\n')
	if e := a.Next; e != nil {
		b = append(b, "<p class=\"story-next\"><span class=\"story-nav-label\">Next article</span> <a href=\""...)
		b = n.entryLink(e, b)
		b = append(b, "</p>"...)
	}
	return append(b, "\n</nav>\n"...)
}

// related writes the related articles, as briefs.
func (n *native) related(a *Article, b []byte) []byte {
	if len(a.Related) == 0 {
		return b
	}
	b = append(b, "\n<aside class=\"related\" aria-labelledby=\"related-heading\">\n<h2 id=\"related-heading\" class=\"block-title\">Related articles</h2>\n<ul class=\"briefs\">\n"...)
	for _, e := range a.Related {
		b = n.appendBrief(b, e, true)
	}
	return append(b, "\n</ul>\n</aside>\n"...)
}
