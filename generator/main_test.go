package main

import (
	"bytes"
	"io/fs"
	"sort"
	"strconv"

	"flag"
	"newsgen/generator/corpus"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected files of the scripts in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"newsgen": func() { os.Exit(Main()) },
	})
}

// TestScripts runs the command-line scripts in testdata/script: each is a
// site root in txtar form with the commands to run on it.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mkseeds":  mkseeds,
			"mkcorpus": mkcorpus,
			"cmpdir":   cmpdir,
			"mkfifo":   mkfifo,
			"mkbytes":  mkbytes,
			"mksparse": mksparse,
		},
		Setup: func(env *testscript.Env) error {
			// REPO lets a script copy the project's real seed.
			env.Setenv("REPO", repo)
			env.Setenv("TZ", "UTC")
			return nil
		},
	})
}

// mkseeds writes into a folder the seeds a txtar file cannot hold: CRLF
// line ends with a byte-order mark, Windows-1252 text and binary bytes.
func mkseeds(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mkseeds DIR")
	}
	dir := ts.MkAbs(args[0])
	files := map[string]string{
		"binary.txt": "\x00\x01\x02PK\x03\x04\x00\x00binary",
		"cp1252.txt": "Caf\xe9 society returns\r\n\r\nFebruary 3, 2026\r\n\r\n\x93Everyone\x94 came back to the caf\xe9s.\r\n",
	}
	crlf, err := os.ReadFile(filepath.Join(dir, "crlf.txt"))
	ts.Check(err)
	files["crlf.txt"] = "\ufeff" + strings.ReplaceAll(string(crlf), "\n", "\r\n")
	for name, text := range files {
		ts.Check(os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
}

// mkbytes writes a file whose text a txtar file cannot hold, given as a
// Go string literal: mkbytes FILE "text with \x00".
func mkbytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkbytes FILE QUOTED")
	}
	text, err := strconv.Unquote(args[1])
	ts.Check(err)
	name := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(filepath.Dir(name), 0o755))
	ts.Check(os.WriteFile(name, []byte(text), 0o644))
}

// mksparse makes a file of SIZE bytes that takes no room on disk, for a
// site past a host's size limit: mksparse FILE SIZE.
func mksparse(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mksparse FILE SIZE")
	}
	size, err := strconv.ParseInt(args[1], 10, 64)
	ts.Check(err)
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(f.Truncate(size))
	ts.Check(f.Close())
}

// mkcorpus writes N generated seeds into a folder: mkcorpus DIR N.
func mkcorpus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkcorpus DIR N")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	ts.Check(corpus.Write(ts.MkAbs(args[0]), n))
}

// cmpdir compares two folders file by file, byte by byte: cmpdir A B.
func cmpdir(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmpdir A B")
	}
	a, b := tree(ts, ts.MkAbs(args[0])), tree(ts, ts.MkAbs(args[1]))
	var diffs []string
	for name, data := range a {
		if other, ok := b[name]; !ok {
			diffs = append(diffs, name+": only in "+args[0])
		} else if !bytes.Equal(data, other) {
			diffs = append(diffs, name+": differs")
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			diffs = append(diffs, name+": only in "+args[1])
		}
	}
	sort.Strings(diffs)
	switch {
	case neg && len(diffs) == 0:
		ts.Fatalf("%s and %s are the same", args[0], args[1])
	case !neg && len(diffs) > 0:
		ts.Fatalf("%s and %s differ:\n%s", args[0], args[1], strings.Join(diffs, "\n"))
	}
	ts.Logf("%d files compared", len(a))
}

func tree(ts *testscript.TestScript, dir string) map[string][]byte {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	ts.Check(err)
	return files
}
