package search

import (
	"fmt"
	"strings"
)

// fnv1a32 is 32-bit FNV-1a over the bytes of s: how terms find their shard.
func fnv1a32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func shardOf(term string, shards int) int { return int(fnv1a32(term) % uint32(shards)) }

// shardCount is the number of shards for n articles: about 32 articles'
// worth of postings each, a power of two.
func shardCount(n int) int {
	s := 16
	for s < (n+31)/32 {
		s *= 2
	}
	return s
}

// split names a numbered file in two levels of folders of at most 256.
func split(n int) string { return fmt.Sprintf("%d/%d", n>>8, n&255) }

func shardPath(s int) string    { return "t/" + split(s) + ".bin" }
func positionPath(s int) string { return "x/" + split(s) + ".bin" }
func metaPath(c int) string     { return "m/" + split(c) + ".bin" }

// recentPath holds the positions of the recent articles (recent.go).
const recentPath = "r.bin"

func tailPath(s int, term string, k int) string {
	return fmt.Sprintf("p/%s/%s.%d.bin", split(s), fileName(term), k)
}
func tailPositionPath(s int, term string, k int) string {
	return fmt.Sprintf("p/%s/%s.%d.pos.bin", split(s), fileName(term), k)
}

// fileName is a term as a file name: itself when plain, else hex.
func fileName(term string) string {
	plain := term != ""
	for i := 0; i < len(term); i++ {
		c := term[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return term
	}
	var b strings.Builder
	b.WriteByte('x')
	fmt.Fprintf(&b, "%x", term)
	return b.String()
}
