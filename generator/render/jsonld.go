package render

import (
	"time"
)

// JSONLD returns the structured data blocks of a page: NewsArticle on
// articles (its URL is mainEntityOfPage's, its language the page's), WebSite on the front page, BreadcrumbList wherever there is a
// trail. Maps keep the schema.org names readable and marshal with sorted
// keys, so the output is stable.
func (p *Page) JSONLD() []any {
	var blocks []any
	cfg := p.Site.Config
	if p.Article != nil {
		blocks = append(blocks, p.newsArticle())
	}
	if p.Kind == "home" && p.Path == "" {
		blocks = append(blocks, map[string]any{
			"@context":   "https://schema.org",
			"@type":      "WebSite",
			"name":       cfg.Title,
			"url":        cfg.AbsURL(""),
			"inLanguage": cfg.Language,
		})
	}
	if len(p.Crumbs) > 1 {
		blocks = append(blocks, p.breadcrumbList())
	}
	return blocks
}

func (p *Page) newsArticle() map[string]any {
	cfg, a := p.Site.Config, p.Article
	org := map[string]any{"@type": "Organization", "name": cfg.Publisher.Name}
	if cfg.Publisher.URL != "" {
		org["url"] = cfg.Publisher.URL
	}
	m := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         a.Title,
		"datePublished":    a.Date.Format(time.RFC3339),
		"dateModified":     a.Modified().Format(time.RFC3339),
		"mainEntityOfPage": map[string]any{"@type": "WebPage", "@id": cfg.AbsURL(p.Path)},
		"author":           p.authors(org),
		"publisher":        org,
		"wordCount":        a.Words,
	}
	if a.Category.Name != "" {
		m["articleSection"] = a.Category.Name
	}
	if a.Summary != "" {
		m["description"] = a.Summary
	}
	if img := imageURL(a.Image, cfg.AbsURL); img != "" {
		obj := map[string]any{"@type": "ImageObject", "url": img}
		if a.Image.Width > 0 && a.Image.Height > 0 {
			obj["width"], obj["height"] = a.Image.Width, a.Image.Height
		}
		if a.Image.Caption != "" {
			obj["caption"] = a.Image.Caption
		}
		if a.Image.Credit != "" {
			obj["creditText"] = a.Image.Credit
		}
		m["image"] = obj
	}
	if len(a.Tags) > 0 {
		var tags []string
		for _, t := range a.Tags {
			tags = append(tags, t.Name)
		}
		m["keywords"] = tags
	}
	return m
}

// authors are the article's authors as schema.org Persons, each with the
// URL of their page, or the publisher when the article has no byline.
func (p *Page) authors(publisher map[string]any) any {
	a := p.Article
	if len(a.Authors) == 0 {
		return publisher
	}
	people := make([]any, len(a.Authors))
	for i, au := range a.Authors {
		people[i] = map[string]any{"@type": "Person", "name": au.Name, "url": p.Site.Config.AbsURL(AuthorPath(au.Slug))}
	}
	return people
}

// breadcrumbList is the page's trail. The last step, the page itself,
// has no URL: schema.org and search engines take it as the page's own.
func (p *Page) breadcrumbList() map[string]any {
	var items []any
	for i, c := range p.Crumbs {
		item := map[string]any{"@type": "ListItem", "position": i + 1, "name": c.Name}
		if i < len(p.Crumbs)-1 {
			item["item"] = p.Site.Config.AbsURL(c.Path)
		}
		items = append(items, item)
	}
	return map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
}
