package deploy_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgen/generator/deploy"
	"newsgen/generator/pipeline"
)

// TestS3DeployStoppedHalfWayFinishesWhenRunAgain fails the bucket's
// writes after some uploads, then runs the deploy again on a healthy
// server: the bucket ends equal to the site.
func TestS3DeployStoppedHalfWayFinishesWhenRunAgain(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and deploys a 1,000-article site")
	}
	f := startS3(t, "failing", "killed")
	root := newSite(t, articles)
	pub := filepath.Join(root, pipeline.OutDir)
	n := len(files(t, pub))
	const after = 300

	t.Run("uploads refused half-way", func(t *testing.T) {
		f.failAfter, f.failManifest = after, false
		sum, _, err := s3Deploy(t, f, "failing", pub, nil)
		f.failAfter = 0
		if err == nil || !strings.Contains(err.Error(), "running the deploy again finishes it") || !strings.Contains(err.Error(), "AccessDenied") {
			t.Fatalf("error %v; want the refused upload named and a way on", err)
		}
		if sum.Uploaded < after-8 || sum.Uploaded > after {
			t.Errorf("%d uploads counted, the server took %d", sum.Uploaded, after)
		}
		again, log, err := s3Deploy(t, f, "failing", pub, nil)
		if err != nil {
			t.Fatal(err)
		}
		if again.Uploaded != n-sum.Uploaded {
			t.Errorf("the second run uploaded %d files; %d were recorded by the first of %d", again.Uploaded, sum.Uploaded, n)
		}
		checkBucket(t, f, "failing", pub)
		t.Logf("first run %d uploads, then: %s", sum.Uploaded, strings.TrimSpace(log))
	})

	t.Run("killed before recording anything", func(t *testing.T) {
		if _, _, err := s3Deploy(t, f, "killed", pub, nil); err != nil {
			t.Fatal(err)
		}
		before := files(t, pub)
		addSeed(t, root, articles)
		build(t, root)
		// Every write fails after most uploads, the manifest's too, as
		// when the process is killed: only the manifest written before the
		// uploads tells the next run about the new objects already there.
		// Changed objects such as the search index go before the new pages,
		// so the failure comes one short of the end.
		changed := 0
		for key, data := range files(t, pub) {
			if old, ok := before[key]; !ok || !bytes.Equal(old, data) {
				changed++
			}
		}
		f.failAfter, f.failManifest = changed-1, true
		oneAtATime := func(o *deploy.Options) { o.Workers = 1 }
		if _, _, err := s3Deploy(t, f, "killed", pub, oneAtATime); err == nil {
			t.Fatal("the deploy went through a failing server")
		}
		f.failAfter = 0
		_, _, uploaded, _ := f.counts("killed")
		var orphan string
		for _, key := range uploaded {
			if _, old := before[key]; !old && key != manifestKey {
				orphan = key
			}
		}
		if orphan == "" {
			t.Fatalf("no new page among the uploads %q before the failure", uploaded)
		}
		// The site loses the new page the killed run uploaded: the next
		// run must delete it rather than leave it in the bucket for good.
		if err := os.Remove(filepath.Join(pub, filepath.FromSlash(orphan))); err != nil {
			t.Fatal(err)
		}
		_, log, err := s3Deploy(t, f, "killed", pub, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, list, _, dels := f.counts("killed")
		if len(dels) != 1 || dels[0] != orphan || list != 0 {
			t.Errorf("deleted %q after %d listings, want %q deleted from the manifest alone", dels, list, orphan)
		}
		checkBucket(t, f, "killed", pub)
		t.Logf("%s", strings.TrimSpace(log))
	})
}
