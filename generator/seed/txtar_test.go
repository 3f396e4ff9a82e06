package seed

import (
	"bytes"
	"strings"
)

// archive is a txtar file: a comment, then files, each introduced by a
// line "-- name --". It is the format of Go's own test scripts; the few
// lines here spare a dependency.
type archive struct {
	comment string
	files   []archiveFile
}

type archiveFile struct {
	name string
	data []byte
}

func parseArchive(data []byte) archive {
	var a archive
	var cur *archiveFile
	var head bytes.Buffer
	for _, l := range strings.SplitAfter(string(data), "\n") {
		if name, ok := fileMarker(l); ok {
			a.files = append(a.files, archiveFile{name: name})
			cur = &a.files[len(a.files)-1]
			continue
		}
		if cur == nil {
			head.WriteString(l)
		} else {
			cur.data = append(cur.data, l...)
		}
	}
	a.comment = head.String()
	return a
}

func fileMarker(l string) (string, bool) {
	l = strings.TrimRight(l, "\n")
	if !strings.HasPrefix(l, "-- ") || !strings.HasSuffix(l, " --") || len(l) < 7 {
		return "", false
	}
	return strings.TrimSpace(l[3 : len(l)-3]), true
}

func (a archive) format() []byte {
	var b bytes.Buffer
	b.WriteString(a.comment)
	for _, f := range a.files {
		b.WriteString("-- " + f.name + " --\n")
		b.Write(f.data)
		if len(f.data) > 0 && f.data[len(f.data)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}
