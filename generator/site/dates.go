package site

import "time"

// Year is one year of the archive, with its months, newest first.
type Year struct {
	Year   int
	Months []*Month
	Count  int
}

// Month is one month of the archive with its entries, newest first.
type Month struct {
	Year    int
	Month   time.Month
	Entries []*Entry
}

// byYear splits entries, already newest first, into years and months.
func byYear(entries []*Entry) []*Year {
	var years []*Year
	for _, e := range entries {
		y, m := e.Date.Year(), e.Date.Month()
		if len(years) == 0 || years[len(years)-1].Year != y {
			years = append(years, &Year{Year: y})
		}
		yr := years[len(years)-1]
		if len(yr.Months) == 0 || yr.Months[len(yr.Months)-1].Month != m {
			yr.Months = append(yr.Months, &Month{Year: y, Month: m})
		}
		mo := yr.Months[len(yr.Months)-1]
		mo.Entries = append(mo.Entries, e)
		yr.Count++
	}
	return years
}
