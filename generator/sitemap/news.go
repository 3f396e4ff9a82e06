package sitemap

import (
	"encoding/xml"
	"strings"
	"time"

	"newsgen/generator/site"
)

// NewsWindow is how far back the news sitemap reaches: Google News reads
// only articles of the last two days.
const NewsWindow = 48 * time.Hour

// MaxNews is the most articles one news sitemap may hold.
const MaxNews = 1000

const newsNS = "http://www.google.com/schemas/sitemap-news/0.9"

// newsSet is a urlset with the news extension. encoding/xml writes the
// prefixed names as they are, so the prefix is declared by hand.
type newsSet struct {
	XMLName xml.Name  `xml:"urlset"`
	NS      string    `xml:"xmlns,attr"`
	NewsNS  string    `xml:"xmlns:news,attr"`
	URLs    []newsURL `xml:"url"`
}

type newsURL struct {
	Loc  string   `xml:"loc"`
	News newsItem `xml:"news:news"`
}

type newsItem struct {
	Publication     publication `xml:"news:publication"`
	PublicationDate string      `xml:"news:publication_date"`
	Title           string      `xml:"news:title"`
}

type publication struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

// news writes the news sitemap: the articles published from NewsWindow
// before the build time up to the build time, both ends included, newest
// first. It is an empty urlset when there are none.
func news(s *site.Site) []byte {
	set := newsSet{NS: xmlns, NewsNS: newsNS}
	pub := publication{Name: s.Config.Publisher.Name, Language: newsLanguage(s.Config.Language)}
	since := s.BuildTime.Add(-NewsWindow)
	for _, e := range s.Entries {
		if e.Date.Before(since) || len(set.URLs) == MaxNews {
			break
		}
		if e.Date.After(s.BuildTime) {
			continue
		}
		set.URLs = append(set.URLs, newsURL{Loc: s.Config.AbsURL(e.Path()), News: newsItem{
			Publication:     pub,
			PublicationDate: e.Date.Format(time.RFC3339),
			Title:           e.Title,
		}})
	}
	return marshal(set)
}

// newsLanguage is the ISO 639 code Google News asks for: the language
// without its region ("en" for "en-GB"), except the two Chinese scripts,
// which it names "zh-cn" and "zh-tw".
func newsLanguage(lang string) string {
	lang = strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	switch lang {
	case "zh-cn", "zh-hans", "zh-hans-cn", "zh-sg":
		return "zh-cn"
	case "zh-tw", "zh-hant", "zh-hant-tw", "zh-hk":
		return "zh-tw"
	}
	code, _, _ := strings.Cut(lang, "-")
	return code
}
