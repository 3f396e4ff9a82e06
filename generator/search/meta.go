package search

import (
	"encoding/json"
)

// chunkSize is C: articles per metadata chunk.
const chunkSize = 32

// manifest is index.json (FORMAT.md section 2), fields in spec order.
type manifest struct {
	Version  int         `json:"version"`
	Docs     int         `json:"docs"`
	Shards   int         `json:"shards"`
	Block    int         `json:"block"`
	Chunk    int         `json:"chunk"`
	K1       float64     `json:"k1"`
	Sections [][2]string `json:"sections"`
	Years    [][2]int    `json:"years"`
}

const formatVersion = 1

// metadata writes the articles' metadata chunks and the manifest.
func (w *writer) metadata() error {
	for c := 0; c*chunkSize < len(w.docs); c++ {
		var rows [][]any
		for id := c * chunkSize; id < min(len(w.docs), (c+1)*chunkSize); id++ {
			d := w.docs[id]
			rows = append(rows, []any{d.Path, d.Title, d.Date.Format("2006-01-02"), w.secOf[id], d.Summary})
		}
		data, err := json.Marshal(rows)
		if err != nil {
			return err
		}
		if err := w.put(metaPath(c), data); err != nil {
			return err
		}
	}
	m := manifest{Version: formatVersion, Docs: len(w.docs), Shards: w.shards, Block: blockSize,
		Chunk: chunkSize, K1: k1, Sections: [][2]string{}, Years: w.years}
	if m.Years == nil {
		m.Years = [][2]int{}
	}
	for _, s := range w.sections {
		m.Sections = append(m.Sections, [2]string{s.slug, s.name})
	}
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return w.put("index.json", data)
}
