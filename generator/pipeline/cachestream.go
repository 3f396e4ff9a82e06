package pipeline

import (
	"encoding/gob"
	"errors"
	"io"

	"newsgen/generator/importer"
)

// The cache is written as a stream of small gob records rather than as
// one value: gob holds a whole value's encoding in memory while writing
// or reading it, which for an archive of a million articles is more than
// a gigabyte. A header comes first, then each map and list in batches of
// at most cacheBatch items, each ending with a batch marked Last.
const cacheBatch = 1024

// cacheHeader is the first record of a cache file.
type cacheHeader struct {
	Version                int
	Settings, Meta, Search string
}

// item is one key and value of a map in the cache.
type item[V any] struct {
	Key   string
	Value V
}

// batch is a run of a map's items or of a list's names.
type batch[T any] struct {
	Items []T
	Last  bool
}

// encode writes the cache to w as records.
func (c *cache) encode(w io.Writer) error {
	enc := gob.NewEncoder(w)
	if err := enc.Encode(cacheHeader{Version: c.Version, Settings: c.Settings, Meta: c.Meta, Search: c.Search}); err != nil {
		return err
	}
	if err := errors.Join(encodeSpilled(enc, c.entrySpill, c.Entries), encodeSpilled(enc, c.pageSpill, c.Pages), c.encodeArticles(enc)); err != nil {
		return err
	}
	if err := c.encodeImport(enc); err != nil {
		return err
	}
	return errors.Join(encodeList(enc, c.Written), encodeList(enc, c.Lists), encodeList(enc, c.Listed))
}

// encodeImport writes the import memo, from memory or from its spill.
func (c *cache) encodeImport(enc *gob.Encoder) error {
	if c.memoSpill != nil {
		return c.memoSpill.replay(func(dec *gob.Decoder) error {
			return errors.Join(copyMap[importer.SeedMemo](dec, enc), copyMap[importer.ContentMemo](dec, enc))
		})
	}
	memo := c.Import
	if memo == nil {
		memo = importer.NewMemo()
	}
	return errors.Join(encodeMap(enc, memo.Seeds), encodeMap(enc, memo.Content))
}

// decodeCache reads a cache written by encode. A cache of another version
// is errOldCache.
func decodeCache(r io.Reader) (*cache, error) {
	dec := gob.NewDecoder(r)
	var h cacheHeader
	if err := dec.Decode(&h); err != nil {
		return nil, err
	}
	if h.Version != cacheVersion {
		return nil, errOldCache
	}
	c := newCache()
	c.Settings, c.Meta, c.Search = h.Settings, h.Meta, h.Search
	var err error
	if c.Entries, err = decodeMap[*cachedEntry](dec); err != nil {
		return nil, err
	}
	if c.Pages, err = decodeMap[pageRecord](dec); err != nil {
		return nil, err
	}
	if c.Articles, err = decodeMap[articleRecord](dec); err != nil {
		return nil, err
	}
	if c.Import.Seeds, err = decodeMap[importer.SeedMemo](dec); err != nil {
		return nil, err
	}
	if c.Import.Content, err = decodeMap[importer.ContentMemo](dec); err != nil {
		return nil, err
	}
	for _, list := range []*[]string{&c.Written, &c.Lists, &c.Listed} {
		if *list, err = decodeList(dec); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// encodeMap writes a map's items in batches; an error stops it, and is
// returned by every later call on the same encoder too.
func encodeMap[V any](enc *gob.Encoder, m map[string]V) error {
	items := make([]item[V], 0, min(len(m), cacheBatch))
	for k, v := range m {
		if len(items) == cacheBatch {
			if err := enc.Encode(batch[item[V]]{Items: items}); err != nil {
				return err
			}
			items = items[:0]
		}
		items = append(items, item[V]{k, v})
	}
	return enc.Encode(batch[item[V]]{Items: items, Last: true})
}

func decodeMap[V any](dec *gob.Decoder) (map[string]V, error) {
	m := map[string]V{}
	for {
		var b batch[item[V]]
		if err := dec.Decode(&b); err != nil {
			return nil, err
		}
		for _, it := range b.Items {
			m[it.Key] = it.Value
		}
		if b.Last {
			return m, nil
		}
	}
}

// encodeList writes a list of names in batches, in order.
func encodeList(enc *gob.Encoder, list []string) error {
	for len(list) > cacheBatch {
		if err := enc.Encode(batch[string]{Items: list[:cacheBatch]}); err != nil {
			return err
		}
		list = list[cacheBatch:]
	}
	return enc.Encode(batch[string]{Items: list, Last: true})
}

func decodeList(dec *gob.Decoder) ([]string, error) {
	var list []string
	for {
		var b batch[string]
		if err := dec.Decode(&b); err != nil {
			return nil, err
		}
		list = append(list, b.Items...)
		if b.Last {
			return list, nil
		}
	}
}

// encodeSpilled writes a map, from memory or from its spill.
func encodeSpilled[V any](enc *gob.Encoder, s *spill, m map[string]V) error {
	if s != nil {
		return s.replay(func(dec *gob.Decoder) error { return copyMap[V](dec, enc) })
	}
	return encodeMap(enc, m)
}

// encodeArticles writes the article keys, from the map or from the lists.
func (c *cache) encodeArticles(enc *gob.Encoder) error {
	l := c.articleList
	if l == nil {
		return encodeMap(enc, c.Articles)
	}
	items := make([]item[articleRecord], 0, min(len(l.keys), cacheBatch))
	for i, e := range l.entries {
		if len(items) == cacheBatch {
			if err := enc.Encode(batch[item[articleRecord]]{Items: items}); err != nil {
				return err
			}
			items = items[:0]
		}
		items = append(items, item[articleRecord]{e.Source, l.keys[i]})
	}
	return enc.Encode(batch[item[articleRecord]]{Items: items, Last: true})
}
