package render

import (
	"time"
	"unicode/utf8"
)

// The structured data of a page as encoding/json writes the maps of
// JSONLD: keys in sorted order, strings escaped alike. Writing it
// directly spares an article page a dozen maps and their marshalling.

// appendJSONLD writes an article page's structured data blocks.
func (n *native) appendJSONLD(p *Page, b []byte) []byte {
	if p.Article != nil {
		b = append(b, "<script type=\"application/ld+json\">"...)
		b = n.newsArticle(p, b)
		b = append(b, "</script>\n"...)
	}
	if len(p.Crumbs) > 1 {
		b = append(b, "<script type=\"application/ld+json\">"...)
		b = n.breadcrumbList(p, b)
		b = append(b, "</script>\n"...)
	}
	return b
}

// newsArticle writes what Page.newsArticle holds.
func (n *native) newsArticle(p *Page, b []byte) []byte {
	cfg, a := n.cfg, p.Article
	b = append(b, `{"@context":"https://schema.org","@type":"NewsArticle"`...)
	if a.Category.Name != "" {
		b = append(b, `,"articleSection":`...)
		b = appendJSONString(b, a.Category.Name)
	}
	b = append(b, `,"author":`...)
	if len(a.Authors) == 0 {
		b = n.publisher(b)
	} else {
		for i, au := range a.Authors {
			b = append(b, "[,"[min(i, 1)])
			b = append(b, `{"@type":"Person","name":`...)
			b = appendJSONString(b, au.Name)
			b = append(b, `,"url":`...)
			b = appendJSONString(b, cfg.AbsURL(AuthorPath(au.Slug)))
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"dateModified":`...)
	b = appendJSONString(b, a.Modified().Format(time.RFC3339))
	b = append(b, `,"datePublished":`...)
	b = appendJSONString(b, a.Date.Format(time.RFC3339))
	if a.Summary != "" {
		b = append(b, `,"description":`...)
		b = appendJSONString(b, a.Summary)
	}
	b = append(b, `,"headline":`...)
	b = appendJSONString(b, a.Title)
	b = n.imageObject(a, b)
	if len(a.Tags) > 0 {
		b = append(b, `,"keywords":`...)
		for i, t := range a.Tags {
			b = append(b, "[,"[min(i, 1)])
			b = appendJSONString(b, t.Name)
		}
		b = append(b, ']')
	}
	b = append(b, `,"mainEntityOfPage":{"@id":`...)
	b = appendJSONString(b, cfg.AbsURL(p.Path))
	b = append(b, `,"@type":"WebPage"},"publisher":`...)
	b = n.publisher(b)
	b = append(b, `,"wordCount":`...)
	b = appendInt(b, a.Words)
	return append(b, '}')
}

// publisher writes the publisher as an Organization.
func (n *native) publisher(b []byte) []byte {
	b = append(b, `{"@type":"Organization","name":`...)
	b = appendJSONString(b, n.cfg.Publisher.Name)
	if u := n.cfg.Publisher.URL; u != "" {
		b = append(b, `,"url":`...)
		b = appendJSONString(b, u)
	}
	return append(b, '}')
}

// imageObject writes the article's lead picture, when it has one.
func (n *native) imageObject(a *Article, b []byte) []byte {
	img := imageURL(a.Image, n.cfg.AbsURL)
	if img == "" {
		return b
	}
	i := a.Image
	sized := i.Width > 0 && i.Height > 0
	b = append(b, `,"image":{"@type":"ImageObject"`...)
	if i.Caption != "" {
		b = append(b, `,"caption":`...)
		b = appendJSONString(b, i.Caption)
	}
	if i.Credit != "" {
		b = append(b, `,"creditText":`...)
		b = appendJSONString(b, i.Credit)
	}
	if sized {
		b = append(b, `,"height":`...)
		b = appendInt(b, i.Height)
	}
	b = append(b, `,"url":`...)
	b = appendJSONString(b, img)
	if sized {
		b = append(b, `,"width":`...)
		b = appendInt(b, i.Width)
	}
	return append(b, '}')
}

// breadcrumbList writes what Page.breadcrumbList holds.
func (n *native) breadcrumbList(p *Page, b []byte) []byte {
	b = append(b, `{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":`...)
	for i, c := range p.Crumbs {
		b = append(b, "[,"[min(i, 1)])
		b = append(b, `{"@type":"ListItem"`...)
		if i < len(p.Crumbs)-1 {
			b = append(b, `,"item":`...)
			b = appendJSONString(b, n.cfg.AbsURL(c.Path))
		}
		b = append(b, `,"name":`...)
		b = appendJSONString(b, c.Name)
		b = append(b, `,"position":`...)
		b = appendInt(b, i+1)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// appendJSONString appends s as encoding/json writes a string: quoted,
// with quotes, backslashes, control characters, <, > and & escaped,
// malformed UTF-8 replaced, and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&15])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
