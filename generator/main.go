// Command newsgen builds a static news archive: it imports scraped seed
// articles into Markdown content, renders the archive with HTML layouts
// and writes it, minified, into public/.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
)

func main() {
	boundMemory()
	os.Exit(Main())
}

// defaultMemoryLimit is the heap size the garbage collector works to stay
// under unless GOMEMLIMIT says otherwise: a build of a large archive on a
// small machine trades a little time for staying within its memory.
const defaultMemoryLimit = 768 << 20

func boundMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}

// Main runs the command line and returns the exit status; the tests run
// it in-process.
func Main() int {
	if err := run(os.Args[1:]); err != nil {
		if err != errUsage {
			fmt.Fprintln(os.Stderr, err)
		}
		return 1
	}
	return 0
}
