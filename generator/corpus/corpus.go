// Package corpus makes a synthetic archive of seeds for benchmarks and
// tests: as many as asked, realistic, and the same every time.
//
// Seed i is a pure function of i. Its headline is read off i through a
// one-to-one map onto every combination of desk, actor, verb, subject,
// setting and template, so titles never repeat below 24,960,000 seeds
// except where a repeat is made on purpose (see DuplicateOf). Everything
// else (the date, the image credit, the body's 600 to 1,200 words of
// paragraphs, its subheadings, quotes, lists, topics and site chrome)
// comes from a PCG generator seeded with i alone, never from global
// random state. Publication days spread evenly from 2016 to mid-2026;
// most seeds carry a dateline, the others mention days shortly before
// their date, and every seed file's time is a little after it.
package corpus

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"newsgen/generator/workers"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// Paragraph words in a seed's body: at least MinWords, at most MaxWords.
const (
	MinWords = 600
	MaxWords = 1200
)

// draft is a seed and what went into it, for the tests.
type draft struct {
	name     string
	text     []byte
	date     time.Time
	saved    time.Time
	title    string
	category string
	// dated says the seed carries a dateline.
	dated bool
	// bodyWords counts the words of the body's paragraphs.
	bodyWords int
}

// Seed returns seed i: its file name (NNNNNN_<hash of text>.txt), its
// text, and the modification time its file should have.
func Seed(i int) (name string, text []byte, modTime time.Time) {
	d := build(i, false)
	return d.name, d.text, d.saved
}

// Fresh returns seed i as the next day's news: like Seed(i), but dated
// the day after the corpus's last, with a dateline that says so, as a
// scraper's newest drop arrives in an archive. Adding it to a built archive is the common rebuild of
// a newsroom; adding Seed(i) instead puts an article back in the past.
func Fresh(i int) (name string, text []byte, modTime time.Time) {
	d := build(i, true)
	return d.name, d.text, d.saved
}

// DuplicateOf reports which earlier seed seed i repeats the title of:
// one seed in a thousand does, as news sites republish a story under its
// old headline, so that imports meet two seeds with one title.
func DuplicateOf(i int) (int, bool) {
	if i%1000 == 999 {
		return i - 1, true
	}
	return 0, false
}

func build(i int, fresh bool) *draft {
	w := &writer{rng: rand.New(rand.NewPCG(uint64(i), 0x6e657773)), head: headlineOf(i)}
	if j, ok := DuplicateOf(i); ok {
		w.head = headlineOf(j)
	}
	w.buf = make([]byte, 0, 8<<10)
	d := &draft{title: w.head.title(), category: w.head.desk.category}
	d.date, d.saved = w.publication()
	if fresh {
		d.date, d.saved = w.nextDay(d.saved)
	}
	w.date = d.date
	d.dated = w.chance(0.85) || fresh
	datePlace := w.rng.IntN(3)

	if w.chance(0.9) {
		w.breadcrumb(d.title)
	}
	w.buf = append(w.buf, d.title...)
	w.block()
	if d.dated && datePlace == 0 {
		w.dateline()
	}
	if w.chance(0.8) {
		w.image()
	}
	if d.dated && datePlace == 1 {
		w.dateline()
	}
	if w.chance(0.85) {
		w.dek()
	}
	if d.dated && datePlace == 2 {
		w.dateline()
	}
	d.bodyWords = w.body(w.between(MinWords+20, MaxWords-100))
	w.tail()
	d.text = w.buf[:len(w.buf)-1]
	d.name = fileName(i, d.text)
	return d
}

// Write writes seeds 0 to n-1 into dir, which it creates, and sets each
// file's modification time to the seed's, so that importing them gives
// the same dates every time. It works on every core.
func Write(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	errs := make([]error, n)
	workers.Each(runtime.GOMAXPROCS(0), n, func(i int) { errs[i] = writeOne(dir, i) })
	return errors.Join(errs...)
}

func writeOne(dir string, i int) error {
	name, text, mod := Seed(i)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, text, 0o644); err != nil {
		return fmt.Errorf("writing seed %d: %w", i, err)
	}
	if err := os.Chtimes(path, mod, mod); err != nil {
		return fmt.Errorf("writing seed %d: %w", i, err)
	}
	return nil
}

// Near returns the number of the first seed whose body holds within 5% of
// words words of paragraphs, for benchmarks that want a typical article.
// It returns -1 when none of the first ten thousand seeds comes near.
func Near(words int) int {
	if words < MinWords*95/100 || words > MaxWords*105/100 {
		return -1
	}
	for i := range 10000 {
		if n := build(i, false).bodyWords; n*100 >= words*95 && n*100 <= words*105 {
			return i
		}
	}
	return -1
}
