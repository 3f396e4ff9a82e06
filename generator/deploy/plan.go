package deploy

import (
	"fmt"
	"sort"
	"strings"
)

// plan is what a deploy does to the bucket.
type plan struct {
	// uploads are the keys of new and changed files, in upload order.
	uploads []string
	// added are the uploads the bucket has no object for yet.
	added map[string]bool
	// deletes are the keys of objects the site no longer has, sorted.
	deletes   []string
	unchanged int
	bytes     int64
}

// makePlan compares the built site with what the bucket holds.
func makePlan(site *localSite, remote *Manifest) *plan {
	p := &plan{added: map[string]bool{}}
	for key, f := range site.files {
		r, ok := remote.Objects[key]
		switch {
		case ok && f.obj.same(r):
			p.unchanged++
			continue
		case !ok:
			p.added[key] = true
		}
		p.uploads = append(p.uploads, key)
		p.bytes += f.obj.Size
	}
	for key := range remote.Objects {
		if _, ok := site.files[key]; !ok {
			p.deletes = append(p.deletes, key)
		}
	}
	sort.Slice(p.uploads, func(i, j int) bool { return uploadsBefore(p.uploads[i], p.uploads[j]) })
	sort.Strings(p.deletes)
	return p
}

// uploadsBefore orders uploads so that what a page needs is in the bucket
// before the page: assets first, then pages, deepest first (an article
// before the lists that link to it), feeds and sitemaps last.
func uploadsBefore(a, b string) bool {
	ra, rb := uploadRank(a), uploadRank(b)
	if ra != rb {
		return ra < rb
	}
	da, db := strings.Count(a, "/"), strings.Count(b, "/")
	if da != db {
		return da > db
	}
	return a < b
}

func uploadRank(key string) int {
	switch KindOf(key) {
	case KindHashedAsset, KindAsset:
		return 0
	case KindOther:
		return 1
	case KindHTML:
		return 2
	case KindFeed:
		return 3
	}
	return 4
}

// guard refuses a plan that deletes more objects than allowed; a
// negative limit allows any number.
func (p *plan) guard(maxDeletes int) error {
	if maxDeletes >= 0 && len(p.deletes) > maxDeletes {
		return fmt.Errorf("deploy: refusing to delete %d objects, more than -max-deletes %d allows; if the site really lost them, run again with -max-deletes %d", len(p.deletes), maxDeletes, len(p.deletes))
	}
	return nil
}
