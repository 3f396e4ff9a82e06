// Package audit checks the default theme as readers and search engines
// meet it: it builds a site from a root holding only seeds/, serves it
// under a sub-path on 127.0.0.1, and runs on each kind of page
//
//   - Lighthouse (npm's lighthouse, with Debian's chromium), which must
//     score 100 for performance, accessibility, best practices and SEO;
//   - axe-core with every rule on, AAA and experimental ones included, in
//     light and dark mode at desktop (1280 px) and phone (390 px) widths,
//     which must report no violation.
//
// The npm packages live in a cache folder that `make audit` fills and
// names in NEWSGEN_AUDIT; without it the test is skipped.
package audit
