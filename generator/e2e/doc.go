// Package e2e holds end-to-end tests that drive the newsgen binary as a
// user would, including from a real browser.
//
// The preview server's test builds newsgen, runs `newsgen serve` on a
// small site in a temporary folder and opens it in headless Chromium
// (Debian's chromium at /usr/bin/chromium; .ci/chromium installs it).
// While the page stays open it edits the site's files and waits for the
// page to follow: a content change reloads the page over the live-reload
// event stream, a broken layout shows the build error over the page and
// its fix hides it again, and a stylesheet change swaps the styles
// without reloading the page. Without the browser the test is skipped,
// except in CI (the variable CI set), where it fails.
package e2e
