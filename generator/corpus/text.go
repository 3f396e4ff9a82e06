package corpus

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// writer builds one seed's text. Everything it picks comes from its own
// generator, seeded from the seed number, so the text is a pure function
// of that number.
type writer struct {
	buf  []byte
	rng  *rand.Rand
	head headline
	// date is the article's publication day; the text mentions days
	// shortly before it.
	date time.Time
	// deck and heads are what is left of the shuffled sentence templates
	// and subheadings.
	deck, heads []int
}

func (w *writer) pick(list []string) string { return list[w.rng.IntN(len(list))] }

// chance is true with probability p.
func (w *writer) chance(p float64) bool { return w.rng.Float64() < p }

// between is a whole number in [lo, hi].
func (w *writer) between(lo, hi int) int { return lo + w.rng.IntN(hi-lo+1) }

// block ends the current block: blocks are separated by a blank line.
func (w *writer) block() { w.buf = append(w.buf, '\n', '\n') }

// expand appends a template, replacing each %x with a pick of its kind:
//
//	%A %a  the article's actor, starting a sentence or inside one
//	%T     the article's subject; %X another subject of its desk
//	%V     a verb in the third person
//	%F     a full name; %P a role and a full name
//	%G     a group of people; %K a place; %U a news outlet
//	%Q %q  a claim, for quotes, inside one or starting it; %R a reason
//	%W     when, shortly before the article's date ("on June 28")
//	%D     a recent day as a name ("June 28"); %H an earlier month ("August 2025")
//	%Y     an earlier year; %N a time to come; %n a number
//	%w     a word of the lexicon; %S a name with a lexicon surname
//	%L     a town of the lexicon
func (w *writer) expand(t string) {
	for i := 0; i < len(t); i++ {
		if t[i] != '%' || i+1 == len(t) {
			w.buf = append(w.buf, t[i])
			continue
		}
		i++
		w.fill(t[i])
	}
}

func (w *writer) fill(c byte) {
	switch c {
	case 'A':
		w.buf = append(w.buf, upperFirst(w.head.actor)...)
	case 'a':
		w.buf = append(w.buf, inSentence(w.head.actor)...)
	case 'T':
		w.buf = append(w.buf, w.head.subject...)
	case 'X':
		w.buf = append(w.buf, w.pick(w.head.desk.subjects)...)
	case 'V':
		w.buf = append(w.buf, verbs[w.rng.IntN(len(verbs))].third...)
	case 'F':
		w.name()
	case 'P':
		w.buf = append(w.buf, w.pick(roles)...)
		w.buf = append(w.buf, ' ')
		w.name()
	case 'G':
		w.buf = append(w.buf, w.pick(groups)...)
	case 'K':
		w.buf = append(w.buf, w.pick(places)...)
	case 'U':
		w.buf = append(w.buf, w.pick(outlets)...)
	case 'Q':
		w.buf = append(w.buf, w.pick(claims)...)
	case 'q':
		w.buf = append(w.buf, upperFirst(w.pick(claims))...)
	case 'R':
		w.buf = append(w.buf, w.pick(reasons)...)
	case lexWord:
		w.word()
	case lexSurname:
		w.surname()
	case lexPlace:
		w.place()
	default:
		w.fillTime(c)
	}
}

func (w *writer) fillTime(c byte) {
	switch c {
	case 'W':
		w.when()
	case 'D':
		w.day(w.date.AddDate(0, 0, -w.between(0, 6)))
	case 'H':
		t := w.date.AddDate(0, -w.between(2, 14), 0)
		w.buf = append(w.buf, t.Month().String()...)
		w.buf = append(w.buf, ' ')
		w.buf = strconv.AppendInt(w.buf, int64(t.Year()), 10)
	case 'Y':
		w.buf = strconv.AppendInt(w.buf, int64(w.date.Year()-w.between(1, 6)), 10)
	case 'N':
		w.buf = append(w.buf, w.pick(later)...)
	case 'n':
		w.buf = strconv.AppendInt(w.buf, int64(w.between(2, 95)), 10)
	default:
		w.buf = append(w.buf, '%', c)
	}
}

var later = []string{"later this month", "in the autumn", "before the end of the year", "next week", "early next year", "within weeks"}

var vagueWhen = []string{"last week", "earlier this month", "on Tuesday", "this week", "on Friday", "in recent days"}

// when is a time shortly before the article: a day named with its month
// most often, so that a seed without a dateline still tells its date.
func (w *writer) when() {
	if w.chance(0.3) {
		w.buf = append(w.buf, w.pick(vagueWhen)...)
		return
	}
	w.buf = append(w.buf, "on "...)
	w.day(w.date.AddDate(0, 0, -w.between(0, 12)))
}

func (w *writer) day(t time.Time) {
	w.buf = append(w.buf, t.Month().String()...)
	w.buf = append(w.buf, ' ')
	w.buf = strconv.AppendInt(w.buf, int64(t.Day()), 10)
}

// name appends a full name: half of them with a surname of the
// lexicon, so that the archive names thousands of people.
func (w *writer) name() {
	if w.chance(0.5) {
		w.surname()
		return
	}
	w.buf = append(w.buf, w.pick(firstNames)...)
	w.buf = append(w.buf, ' ')
	w.buf = append(w.buf, w.pick(lastNames)...)
}

// words counts the words of b: runs of bytes other than spaces and
// newlines.
func words(b []byte) int {
	n, in := 0, false
	for _, c := range b {
		space := c == ' ' || c == '\n'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
