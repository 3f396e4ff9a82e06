package pipeline

import (
	"encoding/gob"
)

// The cache is written as a stream of small gob records rather than as
// one value: gob holds a whole value's encoding in memory while writing
// or reading it, which for an archive of a million articles is more than
// a gigabyte. Each map and list is written in batches of at most
// cacheBatch items, the last marked Last, in a section of its own
// (cachefile.go).
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
	return decodeMapWith[V](dec, nil)
}

// decodeMapWith decodes a map, passing each value through each, when not
// nil, as it comes: a large map can then shed what its items repeat
// before the next batch is read.
func decodeMapWith[V any](dec *gob.Decoder, each func(string, V) V) (map[string]V, error) {
	m := map[string]V{}
	err := eachItem(dec, func(it item[V]) bool {
		if each != nil {
			it.Value = each(it.Key, it.Value)
		}
		m[it.Key] = it.Value
		return true
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// eachItem reads batches up to the one marked Last, handing fn their
// items in order; fn returning false stops the reading there.
func eachItem[T any](dec *gob.Decoder, fn func(T) bool) error {
	for {
		var b batch[T]
		if err := dec.Decode(&b); err != nil {
			return err
		}
		for _, it := range b.Items {
			if !fn(it) {
				return nil
			}
		}
		if b.Last {
			return nil
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
	err := eachItem(dec, func(name string) bool {
		list = append(list, name)
		return true
	})
	if err != nil {
		return nil, err
	}
	return list, nil
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
