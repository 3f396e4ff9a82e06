package search

import (
	"cmp"
	"slices"
)

// yearOf is the year of article id, from the manifest's table.
func (ix *Index) yearOf(id uint32) int {
	if i := ix.yearIndex(id); i >= 0 {
		return ix.m.Years[i][0]
	}
	return 0
}

// filter returns the matching ids that pass the filters, in result order.
func (ix *Index) filter(m *matches, o Options) []uint32 {
	sec := -1
	if o.Section != "" {
		n, ok := ix.secNum[o.Section]
		if !ok {
			return nil
		}
		sec = n
	}
	var out []uint32
	for id := range m.score {
		if sec >= 0 && m.sec[id] != sec || o.Year != 0 && ix.yearOf(id) != o.Year {
			continue
		}
		out = append(out, id)
	}
	slices.SortFunc(out, func(a, b uint32) int {
		if !o.ByDate {
			if c := cmp.Compare(m.score[b], m.score[a]); c != 0 {
				return c
			}
		}
		return cmp.Compare(b, a)
	})
	return out
}

// count fills the total and the counts by section and year: exact over
// the archive when the window covers it or the query is one plain word
// (whose dictionary entry has them), else over the window.
func (ix *Index) count(res *Results, m *matches, words []qword, hits []uint32, lo uint32, o Options) {
	secs := make([]int, len(ix.m.Sections)+1)
	years := make([]int, len(ix.m.Years))
	res.Total = len(hits)
	res.Exact = lo == 0
	if t := single(words); lo > 0 && t != nil && !res.Fallback {
		copy(secs, t.secCounts)
		copy(years, t.yearCounts)
		res.Exact = o.Section == "" || o.Year == 0
		switch {
		case o.Section != "" && o.Year != 0:
		case o.Section != "":
			res.Total = 0
			if n, ok := ix.secNum[o.Section]; ok {
				res.Total = secs[n]
			}
		case o.Year != 0:
			res.Total = 0
			for i, y := range ix.m.Years {
				if y[0] == o.Year {
					res.Total = years[i]
				}
			}
		default:
			res.Total = t.df
		}
	} else {
		for id := range m.score {
			secs[m.sec[id]]++
			years[ix.yearIndex(id)]++
		}
	}
	for i, n := range secs[:len(ix.m.Sections)] {
		if n > 0 {
			res.Sections = append(res.Sections, SectionCount{Slug: ix.m.Sections[i][0], Name: ix.m.Sections[i][1], Count: n})
		}
	}
	for i, n := range years {
		if n > 0 {
			res.Years = append(res.Years, YearCount{Year: ix.m.Years[i][0], Count: n})
		}
	}
}

// single is the term of a query of one plain word, if it is one.
func single(words []qword) *termInfo {
	if len(words) == 1 && words[0].kind == plainWord && len(words[0].terms) == 1 {
		return words[0].terms[0]
	}
	return nil
}

func (ix *Index) yearIndex(id uint32) int {
	ys := ix.m.Years
	i, _ := slices.BinarySearchFunc(ys, int(id)+1, func(y [2]int, t int) int { return cmp.Compare(y[1], t) })
	return i - 1
}

// page fills the hits of the page asked for, reading their metadata.
func (ix *Index) page(res *Results, m *matches, ids []uint32, o Options) error {
	end := min(len(ids), o.Offset+o.Limit)
	for _, id := range ids[min(o.Offset, end):end] {
		h, err := ix.hit(int(id), m.score[id])
		if err != nil {
			return err
		}
		res.Hits = append(res.Hits, h)
	}
	return nil
}
