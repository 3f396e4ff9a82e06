package seed

import (
	"os"
	"strings"
	"testing"
	"time"

	"newsgen/generator/content"
)

// modTime is the seed file time most tests give Parse.
var modTime = time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)

// mustParse parses a seed written as Go lines, one per element.
func mustParse(t *testing.T, lines ...string) *content.Article {
	t.Helper()
	a, _, err := Parse("test.txt", []byte(strings.Join(lines, "\n")), modTime, Options{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return a
}

func date(y int, m time.Month, d int) string {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(content.DateLayout)
}

const longPara = "The council said on Tuesday that the work would take most of the summer and that buses would be diverted through the town centre while it lasted, adding a few minutes to most journeys."

// realSeed is the one real seed, from its golden archive.
func realSeed(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("testdata/golden/real.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return string(parseArchive(data).files[0].data)
}
