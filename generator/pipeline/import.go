package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"newsgen/generator/config"
	"newsgen/generator/importer"
	"newsgen/generator/inroot"
	"newsgen/generator/seed"
)

// importSeeds brings seeds/ into content/. Seeds that cannot be read are
// reported by name and skipped; the build goes on without them. A site
// without seeds/ builds from content/ alone.
func importSeeds(o Options, cfg *config.Config, rep *Report, memo *importer.Memo, changed map[string]bool) error {
	start := time.Now()
	defer func() { rep.stage(stageImport, time.Since(start)) }()
	seeds := filepath.Join(o.Root, SeedDir)
	if _, err := os.Stat(seeds); os.IsNotExist(err) {
		return nil
	}
	rules, err := seed.NewRules(cfg.Import.Chrome)
	if err != nil {
		return fmt.Errorf("%s: import.chrome: %w", config.FileName, err)
	}
	guard, err := inroot.New(o.Root, cfg.FollowOutsideSymlinks)
	if err != nil {
		return err
	}
	if err := guard.CheckDir(seeds); err != nil {
		rep.problem(err)
		return nil
	}
	if guard.CheckDir(filepath.Join(o.Root, ContentDir)) != nil {
		return nil // loading content/ says why
	}
	r, err := importer.Import(importer.ImportOptions{
		SeedsDir:    seeds,
		ContentDir:  filepath.Join(o.Root, ContentDir),
		DisplayRoot: o.Root,
		Rules:       rules,
		MaxBytes:    cfg.Import.MaxSeedBytes,
		Location:    cfg.Location,
		Log:         o.Log,
		Memo:        memo,
		Changed:     changed,
		Guard:       guard,
		Progress:    o.Progress,
	})
	if err != nil {
		return err
	}
	for _, p := range r.Skipped {
		rep.Skipped = append(rep.Skipped, p.String())
	}
	rep.imported = r.Wrote
	return nil
}

// Import brings seeds/ into content/ without building.
func Import(o Options) (*Report, error) {
	o.fill()
	rep := &Report{}
	cfg, err := LoadConfig(o)
	if err != nil {
		return rep, err
	}
	return rep, importSeeds(o, cfg, rep, nil, nil)
}
