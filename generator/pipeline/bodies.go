package pipeline

import "sync"

// bodyCache keeps the rendered bodies of the articles in feeds, by the
// hash of their files, from one build of a builder to the next: a feed
// holds fifty articles, and a rebuild should render only those that
// changed. After each build it drops the bodies that build did not use,
// so that it never holds more than the feeds do.
type bodyCache struct {
	mu   sync.Mutex
	m    map[string]string
	used map[string]bool
}

func newBodyCache() *bodyCache {
	return &bodyCache{m: map[string]string{}, used: map[string]bool{}}
}

func (c *bodyCache) get(hash string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	html, ok := c.m[hash]
	if ok {
		c.used[hash] = true
	}
	return html, ok
}

func (c *bodyCache) put(hash, html string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[hash] = html
	c.used[hash] = true
}

// keepUsed drops what the last build did not ask for. Feeds that were
// kept whole asked for nothing, so their bodies go: they are rendered
// again only when their folder changes.
func (c *bodyCache) keepUsed() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for h := range c.m {
		if !c.used[h] {
			delete(c.m, h)
		}
	}
	c.used = map[string]bool{}
}
