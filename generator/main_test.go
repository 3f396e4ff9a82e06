package main

import (
	"flag"
	"os"
	"path/filepath"
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
		Setup: func(env *testscript.Env) error {
			// REPO lets a script copy the project's real seed.
			env.Setenv("REPO", repo)
			env.Setenv("TZ", "UTC")
			return nil
		},
	})
}
