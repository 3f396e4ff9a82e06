package search

// Options narrow and order a query's results.
type Options struct {
	// Section is a section's slug; "" means every section.
	Section string
	// Year is a year; 0 means every year.
	Year int
	// ByDate sorts newest first instead of by relevance.
	ByDate bool
	// Offset and Limit choose the page of results; Limit 0 means 10.
	Offset, Limit int
	// Typing says the reader is still typing: the last word then
	// matches as a prefix.
	Typing bool
}

// Results answer one query.
type Results struct {
	// Total is the number of matches with the filters applied.
	Total int
	// Fallback says no article has every word, so these are the articles
	// with any of them.
	Fallback bool
	// Exact says Total and the counts cover the whole archive. When false
	// they cover the newest Window articles only: the words are so common
	// that their older postings were not read.
	Exact  bool
	Window int
	// Sections and Years count the matches in each section and year,
	// ignoring both filters; entries with no match are left out.
	Sections []SectionCount
	Years    []YearCount
	Hits     []Hit
	// Terms are the terms matched, for highlighting: a client highlights
	// a word of the text when its term is one of these.
	Terms []string
}

// SectionCount is a section and its number of matches.
type SectionCount struct {
	Slug, Name string
	Count      int
}

// YearCount is a year and its number of matches.
type YearCount struct {
	Year, Count int
}

// Hit is one result.
type Hit struct {
	ID          int
	Score       int64
	Path        string
	Title       string
	Date        string
	Section     string
	SectionName string
	Summary     string
}
