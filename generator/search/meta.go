package search

import (
	"encoding/json"
)

// chunkSize is C: articles per metadata chunk, and the articles sealed
// into the shards at a time.
const chunkSize = 16

// manifest is index.json (FORMAT.md section 2), fields in spec order.
type manifest struct {
	Version  int              `json:"version"`
	Docs     int              `json:"docs"`
	Sealed   int              `json:"sealed"`
	Shards   int              `json:"shards"`
	Block    int              `json:"block"`
	Chunk    int              `json:"chunk"`
	K1       float64          `json:"k1"`
	Sections [][2]string      `json:"sections"`
	Years    [][2]int         `json:"years"`
	Recent   []metaRow        `json:"recent"`
	Postings map[string][]int `json:"postings"`
}

const formatVersion = 2

// metadata writes the sealed articles' metadata chunks.
func (w *writer) metadata() error {
	for c := 0; c*chunkSize < w.sealed; c++ {
		var rows []metaRow
		for id := c * chunkSize; id < (c+1)*chunkSize; id++ {
			rows = append(rows, w.row(id))
		}
		data, err := json.Marshal(rows)
		if err != nil {
			return err
		}
		if err := w.put(metaPath(c), data); err != nil {
			return err
		}
	}
	return nil
}

// manifest writes the recent articles' positions and the manifest,
// which holds their metadata and postings.
func (w *writer) manifest() error {
	if err := w.put(recentPath, w.recentPositions()); err != nil {
		return err
	}
	m := manifest{Version: formatVersion, Docs: len(w.order), Sealed: w.sealed, Shards: w.shards, Block: blockSize,
		Chunk: chunkSize, K1: k1, Sections: [][2]string{}, Years: w.years, Recent: []metaRow{},
		Postings: w.recentPostings()}
	if m.Years == nil {
		m.Years = [][2]int{}
	}
	for _, s := range w.sections {
		m.Sections = append(m.Sections, [2]string{s.slug, s.name})
	}
	for id := w.sealed; id < len(w.order); id++ {
		m.Recent = append(m.Recent, w.row(id))
	}
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return w.put("index.json", data)
}

// row is an article's metadata (FORMAT.md section 7).
func (w *writer) row(id int) metaRow {
	d := w.doc(id)
	return metaRow{Path: d.Path, Title: d.Title, Date: d.Date.Format("2006-01-02"), Section: int(w.secOf[id]), Summary: d.Summary}
}
