package pipeline

import (
	"fmt"
	"os"
	"path/filepath"

	"newsgen/generator/atomicfile"
	"newsgen/generator/config"
)

// A build leaves a mark in the cache folder while it writes, and removes
// it when done. A mark found at the start of a build means the last one
// was stopped (killed, or its machine went down) and may have left
// temporary files, or the staging folders of a first build: they are
// removed before anything else is written.
// Every file it wrote is whole, so nothing else needs repair.

func markFile(root, dir, out string) string {
	return filepath.Join(root, dir, "build-"+outKey(out)+".running")
}

// startWriting clears up after a stopped build, then leaves the mark. A
// live builder leaves it once, for all its builds.
func (b *Builder) startWriting(cfg *config.Config) error {
	if b.marked {
		return nil
	}
	mark := markFile(b.opts.Root, cfg.CacheDir, b.opts.Out)
	if _, err := os.Stat(mark); err == nil {
		n, err := b.sweep(cfg)
		if err != nil {
			return err
		}
		if n > 0 {
			fmt.Fprintf(b.opts.Log, "removed %d temporary files left by a build that was stopped\n", n)
		}
	}
	if err := os.MkdirAll(filepath.Dir(mark), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(mark, nil, 0o644); err != nil {
		return err
	}
	b.marked = true
	return nil
}

// doneWriting removes the mark.
func (b *Builder) doneWriting(cfg *config.Config) {
	if b.marked && os.Remove(markFile(b.opts.Root, cfg.CacheDir, b.opts.Out)) == nil {
		b.marked = false
	}
}

// sweep removes the temporary files of the folders a build writes.
func (b *Builder) sweep(cfg *config.Config) (int, error) {
	total := 0
	for _, d := range []struct {
		dir  string
		deep bool
	}{
		{filepath.Join(b.opts.Root, ContentDir), true},
		{b.opts.Out, true},
		{filepath.Join(b.opts.Root, cfg.CacheDir), false},
	} {
		n, err := atomicfile.Sweep(d.dir, d.deep)
		total += n
		if err != nil {
			return total, err
		}
	}
	for _, dir := range []string{filepath.Join(b.opts.Root, ContentDir), b.opts.Out} {
		stage := atomicfile.StagingDir(dir)
		if _, err := os.Lstat(stage); err == nil {
			total++
			if err := os.RemoveAll(stage); err != nil {
				return total, err
			}
		}
	}
	return total, nil
}
