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
	// warn holds what a body's file said to the feeds, so that every
	// build that uses the body says it again.
	warn map[string]string
}

func newBodyCache() *bodyCache {
	return &bodyCache{m: map[string]string{}, used: map[string]bool{}, warn: map[string]string{}}
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

func (c *bodyCache) put(hash, html, warning string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[hash] = html
	c.used[hash] = true
	if warning != "" {
		c.warn[hash] = warning
	}
}

func (c *bodyCache) warning(hash string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.warn[hash]
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
			delete(c.warn, h)
		}
	}
	c.used = map[string]bool{}
}
