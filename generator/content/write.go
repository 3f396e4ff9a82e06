package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"go.yaml.in/yaml/v3"
)

const hashKey = "import_hash: "

// Format writes an article as a content file, with the front matter keys in
// the order of the seed contract. The result is a pure function of the
// article, so importing the same seed twice writes the same bytes.
func Format(a *Article) []byte {
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(metaNode(&a.Meta)); err != nil {
		panic("content: encoding front matter: " + err.Error()) // only strings and lists: cannot fail
	}
	enc.Close()
	buf.WriteString("---\n\n")
	body := strings.TrimSpace(a.Body)
	if body != "" {
		buf.WriteString(body)
		buf.WriteString("\n")
	}
	return buf.Bytes()
}

// FormatImported is Format with an import hash added, so that a later import
// can tell the file as it wrote it from a file an editor has changed.
//
// The hash is the last key of the front matter, so the file is the plain
// one with its line put before the closing dashes: one encoding, not two.
func FormatImported(a *Article) []byte {
	a.ImportHash = ""
	plain := Format(a)
	a.ImportHash = hashOf(plain)
	end := bytes.Index(plain[len("---\n"):], []byte("\n---\n")) + len("---\n") + 1
	line := hashKey + a.ImportHash + "\n"
	out := make([]byte, 0, len(plain)+len(line))
	out = append(out, plain[:end]...)
	out = append(out, line...)
	return append(out, plain[end:]...)
}

// Untouched reports whether data is a content file exactly as import wrote
// it: it carries an import hash and its bytes still match it.
func Untouched(data []byte) bool {
	head, _, _, err := split(data)
	if err != nil {
		return false
	}
	var m struct {
		Hash string `yaml:"import_hash"`
	}
	if yaml.Unmarshal(head, &m) != nil || m.Hash == "" {
		return false
	}
	line := []byte("\n" + hashKey + m.Hash + "\n")
	i := bytes.Index(data, line)
	if i < 0 {
		return false
	}
	without := append(append([]byte{}, data[:i+1]...), data[i+len(line):]...)
	return hashOf(without) == m.Hash
}

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// metaNode lays out the front matter by hand so that key order and quoting
// are fixed: free text is double-quoted, so that no title can turn into a
// YAML number, date or boolean.
func metaNode(m *Meta) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
	}
	add("title", quoted(m.Title))
	add("slug", plain(m.Slug))
	add("date", plain(FormatDate(m.Date, m.DateHasTime)))
	if m.DateSource != "" {
		add("date_source", plain(m.DateSource))
	}
	if !m.Updated.IsZero() {
		add("updated", plain(FormatDate(m.Updated, m.UpdatedHasTime)))
	}
	if m.Category != "" {
		add("category", text(m.Category))
	}
	if m.Summary != "" {
		add("summary", quoted(m.Summary))
	}
	if m.Image != nil && (m.Image.Caption != "" || m.Image.Credit != "") {
		img := &yaml.Node{Kind: yaml.MappingNode}
		if m.Image.Caption != "" {
			img.Content = append(img.Content, plain("caption"), quoted(m.Image.Caption))
		}
		if m.Image.Credit != "" {
			img.Content = append(img.Content, plain("credit"), quoted(m.Image.Credit))
		}
		add("image", img)
	}
	tags := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, t := range m.Tags {
		tags.Content = append(tags.Content, text(t))
	}
	add("tags", tags)
	authors := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, a := range m.Authors {
		authors.Content = append(authors.Content, text(a))
	}
	add("authors", authors)
	if m.Seed != "" {
		add("seed", text(m.Seed))
	}
	if m.Draft {
		add("draft", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	if m.ImportHash != "" {
		add("import_hash", plain(m.ImportHash))
	}
	return n
}

func quoted(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

// text is a string the encoder may leave bare when that reads back the same.
func text(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func plain(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }
