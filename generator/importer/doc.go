// Package importer turns a folder of seeds into content files: it parses
// each new or changed seed with package seed, gives each article a stable
// slug, writes content/SLUG.md, and remembers what it made of every seed
// (the memo) so that unchanged seeds are not read again. A content file an
// editor has changed is never overwritten; import says it left it alone.
package importer
