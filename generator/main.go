// Command newsgen builds a static news archive: it imports scraped seed
// articles into Markdown content, renders the archive with HTML layouts
// and writes it, minified, into public/.
package main

import (
	"fmt"
	"os"
)

func main() {
	os.Exit(Main())
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
