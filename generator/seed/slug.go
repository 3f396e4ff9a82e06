package seed

import "newsgen/generator/slug"

// MaxSlug is the longest slug Slugify makes.
const MaxSlug = slug.Max

// Slugify makes a URL path segment from a title (see package slug). It
// may return "" for a title with nothing to spell in ASCII; Parse then
// falls back to the seed's file name.
func Slugify(title string) string { return slug.Make(title) }
