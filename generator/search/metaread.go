package search

import (
	"encoding/json"
	"fmt"
)

// metaRow is one article's metadata as a chunk holds it.
type metaRow struct {
	Path, Title, Date string
	Section           int
	Summary           string
}

func (r *metaRow) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if len(raw) != 5 {
		return fmt.Errorf("want 5 fields, have %d", len(raw))
	}
	for i, dst := range []any{&r.Path, &r.Title, &r.Date, &r.Section, &r.Summary} {
		if err := json.Unmarshal(raw[i], dst); err != nil {
			return err
		}
	}
	return nil
}

// hit fills a result from its article's metadata chunk.
func (ix *Index) hit(id int, score int64) (Hit, error) {
	if id >= ix.m.Sealed {
		return ix.hitOf(id, score, ix.m.Recent[id-ix.m.Sealed]), nil
	}
	c := id / ix.m.Chunk
	rows, ok := ix.meta[c]
	if !ok {
		name := metaPath(c)
		data, err := ix.fetch(name)
		if err != nil {
			return Hit{}, err
		}
		if err := json.Unmarshal(data, &rows); err != nil {
			return Hit{}, fmt.Errorf("search/%s: %w", name, err)
		}
		ix.meta[c] = rows
	}
	i := id - c*ix.m.Chunk
	if i >= len(rows) {
		return Hit{}, fmt.Errorf("search/%s: no article %d", metaPath(c), id)
	}
	return ix.hitOf(id, score, rows[i]), nil
}

// hitOf is a result with its article's metadata.
func (ix *Index) hitOf(id int, score int64, r metaRow) Hit {
	h := Hit{ID: id, Score: score, Path: r.Path, Title: r.Title, Date: r.Date, Summary: r.Summary}
	if r.Section < len(ix.m.Sections) {
		h.Section, h.SectionName = ix.m.Sections[r.Section][0], ix.m.Sections[r.Section][1]
	}
	return h
}

// MarshalJSON writes a row as the array a chunk holds.
func (r metaRow) MarshalJSON() ([]byte, error) {
	return json.Marshal([]any{r.Path, r.Title, r.Date, r.Section, r.Summary})
}
