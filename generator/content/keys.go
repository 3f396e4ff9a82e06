package content

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

// keySet is the front-matter keys known at one level of nesting, each
// with the keys known inside its value when that is a mapping (or a list
// of mappings).
type keySet map[string]keySet

// knownKeys are the keys an article's front matter may hold, read once
// from the yaml tags of rawMeta (and so of Meta): a key added to Meta is
// known without a list to keep up to date.
var knownKeys = sync.OnceValue(func() keySet { return keysOf(reflect.TypeFor[rawMeta]()) })

var (
	timeType = reflect.TypeFor[time.Time]()
	nodeType = reflect.TypeFor[yaml.Node]()
)

func keysOf(t reflect.Type) keySet {
	set := keySet{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if strings.Contains(","+opts+",", ",inline,") {
			for k, v := range keysOf(f.Type) {
				set[k] = v
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		set[name] = nestedKeys(f.Type)
	}
	return set
}

// nestedKeys are the keys inside a value of type t, nil when it is not a
// mapping of known keys.
func nestedKeys(t reflect.Type) keySet {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t == timeType || t == nodeType {
		return nil
	}
	return keysOf(t)
}

// unknownKeys lists, one line each, the keys of a front matter that no
// field of Meta reads: a misspelt "darft" would otherwise publish a
// draft without a word. Lines are the file's own.
func unknownKeys(name string, doc *yaml.Node) []string {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	var out []string
	walkKeys(name, "", doc, knownKeys(), &out)
	return out
}

func walkKeys(name, prefix string, n *yaml.Node, known keySet, out *[]string) {
	switch n.Kind {
	case yaml.SequenceNode:
		for _, item := range n.Content {
			walkKeys(name, prefix, item, known, out)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			inner, ok := known[k.Value]
			if !ok {
				*out = append(*out, fmt.Sprintf("%s:%d: unknown front-matter key %q%s; it is ignored",
					name, k.Line+1, prefix+k.Value, suggest(prefix, k.Value, known)))
				continue
			}
			if inner != nil {
				walkKeys(name, prefix+k.Value+".", v, inner, out)
			}
		}
	}
}

// suggest names the known key closest to an unknown one.
func suggest(prefix, key string, known keySet) string {
	names := make([]string, 0, len(known))
	for k := range known {
		names = append(names, k)
	}
	sort.Strings(names)
	best, bestDist := "", 1<<30
	for _, k := range names {
		if d := editDistance(strings.ToLower(key), k); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", prefix+best)
}

// editDistance is the Levenshtein distance between two strings, by rune.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
