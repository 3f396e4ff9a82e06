package search

import (
	"math"
	"regexp"
	"strings"
	"sync"
)

// The fields of an article, in position order.
const (
	fieldHeadline = iota
	fieldSummary
	fieldBody
	fieldCount
)

// BM25F constants (FORMAT.md section 8). The reference lengths stand in
// for archive averages so that an article's impacts never change when
// others are added.
var (
	fieldWeight = [fieldCount]float64{4, 2, 1}
	fieldRefLen = [fieldCount]float64{10, 30, 800}
	fieldB      = [fieldCount]float64{0.75, 0.75, 0.75}
)

const k1 = 1.2

// occurrence is what one article holds of one term.
type occurrence struct {
	tf [fieldCount]int
	// positions are not kept for stop terms.
	stop      bool
	positions []uint32
}

// analysis is one article's terms, ready to be posted. Analyses are
// reused, with their maps and position slices, from one article to the
// next: a build analyzes every article.
type analysis struct {
	terms []string // in no order: the writer sorts postings later
	// occs[i] is terms[i]'s occurrence, so that posting them needs no
	// lookup.
	occs    []*occurrence
	occ     map[string]*occurrence
	spare   []*occurrence
	lengths [fieldCount]int
	// byBucket, bucketOf and counts are the writer's scratch space.
	byBucket []bucketTerm
	bucketOf []int
	counts   []int
}

var analyses = sync.Pool{New: func() any { return &analysis{occ: map[string]*occurrence{}} }}

// release hands the analysis back for the next article.
func (a *analysis) release() {
	a.spare = append(a.spare, a.occs...)
	clear(a.occ)
	a.terms, a.occs = a.terms[:0], a.occs[:0]
	analyses.Put(a)
}

// occurrence returns a cleared occurrence, reused if one is spare.
func (a *analysis) occurrence(stop bool) *occurrence {
	if n := len(a.spare); n > 0 {
		o := a.spare[n-1]
		a.spare = a.spare[:n-1]
		*o = occurrence{stop: stop, positions: o.positions[:0]}
		return o
	}
	return &occurrence{stop: stop}
}

var (
	linkTarget  = regexp.MustCompile(`\]\([^)]*\)`)
	htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// cleanBody drops from Markdown what is not the article's words: link and
// image targets and comments.
func cleanBody(md string) string {
	if strings.Contains(md, "<!--") {
		md = htmlComment.ReplaceAllString(md, " ")
	}
	if strings.Contains(md, "](") {
		md = linkTarget.ReplaceAllString(md, "]")
	}
	return md
}

// analyze splits an article's fields into terms with their positions,
// headline first, one position skipped between fields.
func analyze(headline, summary, body string) *analysis {
	a := analyses.Get().(*analysis)
	pos := 0
	for f, text := range [fieldCount]string{headline, summary, cleanBody(body)} {
		used := eachToken(Normalize(text), func(tok string, p int) {
			t := Stem(tok)
			o := a.occ[t]
			if o == nil {
				o = a.occurrence(stopTerms[t])
				a.occ[t] = o
				a.terms, a.occs = append(a.terms, t), append(a.occs, o)
			}
			o.tf[f]++
			if !o.stop {
				o.positions = append(o.positions, uint32(pos+p))
			}
		})
		a.lengths[f] = used
		pos += used + 1
	}
	return a
}

// impact is a term's BM25F weight in the article, saturated and scaled
// to one byte, at least 1.
func (a *analysis) impact(o *occurrence) byte {
	x := 0.0
	for f := range fieldCount {
		if o.tf[f] == 0 {
			continue
		}
		norm := 1 - fieldB[f] + fieldB[f]*float64(a.lengths[f])/fieldRefLen[f]
		x += fieldWeight[f] * float64(o.tf[f]) / norm
	}
	v := math.Round(255 * x / (x + k1))
	return byte(max(1, min(255, v)))
}

// idf is a term's inverse document frequency, an integer so that the
// browser's sums and ties are exactly the reader's.
func idf(n, df int) int64 {
	return int64(math.Round(1000 * math.Log(1+(float64(n)-float64(df)+0.5)/(float64(df)+0.5))))
}
