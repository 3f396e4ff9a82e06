package search

import (
	"fmt"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// article is a planted article: its metadata and body.
type article struct {
	Doc
	body string
}

// day is the n-th day of 2024, noon.
func day(n int) time.Time { return time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, n) }

func planted(path, title, summary, body string, date time.Time, section string) article {
	name := ""
	if section != "" {
		name = string(section[0]-32) + section[1:]
	}
	return article{Doc: Doc{Path: path, Title: title, Summary: summary, Date: date, Section: section, SectionName: name}, body: body}
}

// build indexes articles into memory and returns the files written.
func build(t testing.TB, arts []article) fstest.MapFS {
	t.Helper()
	return buildWith(t, arts, 4)
}

// buildWith indexes articles with the given number of workers.
func buildWith(t testing.TB, arts []article, workers int) fstest.MapFS {
	t.Helper()
	in, files := memInput(t, arts, workers)
	if _, err := Write(in); err != nil {
		t.Fatal(err)
	}
	return files
}

// memInput is the input that indexes articles into the map it returns,
// failing a write of the same file twice.
func memInput(t testing.TB, arts []article, workers int) (Input, fstest.MapFS) {
	files := fstest.MapFS{}
	var mu sync.Mutex
	in := Input{
		Body: func(i int) (string, error) { return arts[i].body, nil },
		Write: func(name string, data []byte) error {
			mu.Lock()
			defer mu.Unlock()
			if _, dup := files[name]; dup {
				return fmt.Errorf("%s written twice", name)
			}
			files[name] = &fstest.MapFile{Data: append([]byte(nil), data...)}
			return nil
		},
		TempDir: t.TempDir() + "/spill",
		Workers: workers,
	}
	for _, a := range arts {
		in.Docs = append(in.Docs, a.Doc)
	}
	return in, files
}

func open(t testing.TB, files fstest.MapFS) *Index {
	t.Helper()
	ix, err := Open(files)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// titles are the headlines of the hits, in order.
func titles(r *Results) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Title)
	}
	return out
}
