package corpus

import (
	"strconv"
	"strings"
	"time"
)

var captions = []string{
	"Officials from %a at a press conference in %K",
	"%F speaks to reporters in %K",
	"A view of %K at dusk",
	"Protesters gather outside a government building in %K",
	"%F arrives for talks in %K",
	"Delegates at a meeting on %T in %K",
}

// credits are photo credits in the styles news sites print them.
var credits = []string{
	"%F/Reuters",
	"AP Photo/%F",
	"Photo: %F/AFP",
	"Getty Images",
	"The White House, Public domain, via Wikimedia Commons",
	"%F, CC BY-SA 4.0, via Wikimedia Commons",
	"© European Union",
	"Photo by %F on Unsplash",
	"EPA/%F",
	"Shutterstock",
}

var deks = []string{
	"But why is %a admitting it now?",
	"The decision could reshape %T for years.",
	"Critics say the move comes far too late.",
	"What it means for %G, and what comes next.",
	"A look at the numbers behind %T.",
	"Officials insist nothing has changed. The record says otherwise.",
	"Here is what we know so far.",
	"And why %K is watching closely.",
}

// breadcrumb writes "Homepage CATEGORY TITLE-PREFIX...": the start of the
// title cut at a word and marked with an ellipsis, or the whole title
// when it is short.
func (w *writer) breadcrumb(title string) {
	if w.chance(0.8) {
		w.buf = append(w.buf, "Homepage "...)
	} else {
		w.buf = append(w.buf, "Home "...)
	}
	w.buf = append(w.buf, w.head.desk.category...)
	w.buf = append(w.buf, ' ')
	limit := w.between(30, 55)
	if len(title) <= limit {
		w.buf = append(w.buf, title...)
	} else {
		cut := strings.LastIndexByte(title[:limit], ' ')
		w.buf = append(w.buf, strings.TrimRight(title[:cut], ",:—– ")...)
		if w.chance(0.7) {
			w.buf = append(w.buf, "..."...)
		} else {
			w.buf = append(w.buf, "…"...)
		}
	}
	w.block()
}

// image writes a caption line directly followed by its credit line, or,
// now and then, a credit alone.
func (w *writer) image() {
	if w.chance(0.9) {
		w.expand(w.pick(captions))
		w.buf = append(w.buf, '\n')
	}
	w.expand(w.pick(credits))
	w.block()
}

// dateline writes the publication day in one of the ways sites print it.
func (w *writer) dateline() {
	labels := []string{"", "", "Published: ", "Updated ", "Updated: ", "Published "}
	layouts := []string{"January 2, 2006", "2 January 2006", "2006-01-02", "Jan 2, 2006"}
	w.buf = append(w.buf, w.pick(labels)...)
	w.buf = w.date.AppendFormat(w.buf, w.pick(layouts))
	w.block()
}

func (w *writer) dek() {
	w.expand(w.pick(deks))
	w.block()
}

// tags writes a "Tags:" or "Topics:" line of two to four distinct topics.
func (w *writer) tags() {
	if w.chance(0.7) {
		w.buf = append(w.buf, "Tags: "...)
	} else {
		w.buf = append(w.buf, "Topics: "...)
	}
	for k, t := range w.rng.Perm(len(tagWords))[:w.between(2, 4)] {
		if k > 0 {
			w.buf = append(w.buf, ", "...)
		}
		w.buf = append(w.buf, tagWords[t]...)
	}
	w.block()
}

// midChrome writes what a page shows between paragraphs: an ad label or a
// promo for another article.
func (w *writer) midChrome() {
	if w.chance(0.6) {
		w.buf = append(w.buf, "Read also: "...)
		w.buf = append(w.buf, headlineOf(w.rng.IntN(headlineSpace)).title()...)
	} else {
		w.buf = append(w.buf, "Advertisement"...)
	}
	w.block()
}

// tail writes what follows the body: topics, share prompts, ad labels.
func (w *writer) tail() {
	if w.chance(0.35) {
		w.tags()
	}
	if w.chance(0.3) {
		w.buf = append(w.buf, w.pick(chromePromos)...)
		w.block()
	}
	if w.chance(0.7) {
		w.buf = append(w.buf, "Ads by MGDK"...)
		w.block()
	}
}

// publication is seed i's publication day, spread evenly over ten and a
// half years, and its file time, a few hours to two days later, when the
// page was saved.
// lastDay is the corpus's last day of publication.
var lastDay = time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)

func (w *writer) publication() (date, saved time.Time) {
	first := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	last := lastDay
	days := int(last.Sub(first).Hours()/24) + 1
	date = first.AddDate(0, 0, w.rng.IntN(days))
	saved = date.Add(time.Duration(6*60+w.rng.IntN(42*60)) * time.Minute)
	return date, saved
}

// nextDay moves a publication to the day after the corpus's last,
// keeping its time of day.
func (w *writer) nextDay(saved time.Time) (date, saved2 time.Time) {
	next := lastDay.AddDate(0, 0, 1)
	return next, next.Add(saved.Sub(saved.Truncate(24 * time.Hour)))
}

// fileName is a seed's file name: its number and a hash of its text.
func fileName(i int, text []byte) string {
	h := uint64(14695981039346656037)
	for _, c := range text {
		h ^= uint64(c)
		h *= 1099511628211
	}
	num := strconv.Itoa(i)
	if len(num) < 6 {
		num = strings.Repeat("0", 6-len(num)) + num
	}
	hex := strconv.FormatUint(h, 16)
	return num + "_" + strings.Repeat("0", 16-len(hex)) + hex + ".txt"
}
