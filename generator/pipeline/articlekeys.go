package pipeline

import (
	"encoding/gob"

	"newsgen/generator/site"
)

// oldArticleKeys returns the last build's article keys in the order of
// entries, for an archive whose order and front matter are as the last
// build saw them (its entries then come in the same order). A key that
// cannot be matched to its entry is left empty: that article gets a new
// key. Read this way, the keys of a million articles are two short
// strings each rather than a map by content file.
func (c *cache) oldArticleKeys(entries []*site.Entry) []articleRecord {
	keys := make([]articleRecord, len(entries))
	switch {
	case c.articleList != nil:
		l := c.articleList
		c.articleList = nil
		for i, e := range l.entries {
			if i < len(entries) && entries[i].Source == e.Source {
				keys[i] = l.keys[i]
			}
		}
	case c.articleSpill != nil:
		s := c.articleSpill
		c.articleSpill = nil
		defer s.close()
		err := s.replay(func(dec *gob.Decoder) error { return alignKeys(dec, entries, keys) })
		if err != nil {
			clear(keys)
		}
	default:
		for i, e := range entries {
			keys[i] = c.Articles[e.Source]
		}
	}
	c.Articles = nil
	return keys
}

// alignKeys reads the article keys' records, written in the last build's
// entry order, into keys where they name the same content file.
func alignKeys(dec *gob.Decoder, entries []*site.Entry, keys []articleRecord) error {
	i := 0
	return eachItem(dec, func(it item[articleRecord]) bool {
		if i < len(entries) && entries[i].Source == it.Key {
			keys[i] = it.Value
		}
		i++
		return true
	})
}

// dropArticleKeys forgets the last build's article keys unread: an
// archive whose order or front matter changed gives every article a new
// key.
func (c *cache) dropArticleKeys() {
	if c.articleSpill != nil {
		c.articleSpill.close()
		c.articleSpill = nil
	}
	c.articleList, c.Articles = nil, nil
}
