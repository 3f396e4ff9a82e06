package main

import (
	"errors"
	"flag"
	"os"
	"path/filepath"

	"newsgen/generator/deploy"
	"newsgen/generator/pipeline"
)

// runDeploy copies the built site to the bucket that -to or the config's
// [deploy] to names.
func runDeploy(fs *flag.FlagSet, args []string) error {
	root := fs.String("C", ".", "site root holding newsgen.toml")
	out := fs.String("out", "", "folder of the built site (default ROOT/public)")
	to := fs.String("to", "", "bucket URL: s3://bucket?region=…[&endpoint=…], gs://bucket, azblob://container or file:///path (default: to in the config's [deploy])")
	o := deploy.Options{Log: os.Stdout}
	fs.BoolVar(&o.Full, "full", false, "compare with a listing of the whole bucket instead of its manifest (for a bucket changed by hand)")
	fs.BoolVar(&o.DryRun, "dry-run", false, "print what would be uploaded and deleted, and change nothing")
	maxDeletes := fs.Int("max-deletes", 0, "refuse to delete more objects than this; -1 for no limit (default: max_deletes in the config, else 256)")
	fs.IntVar(&o.Workers, "workers", 8, "uploads to run at once")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := pipeline.LoadConfig(pipeline.Options{Root: *root})
	if err != nil {
		return err
	}
	url := *to
	if url == "" {
		url = cfg.Deploy.To
	}
	if url == "" {
		return errors.New("deploy: no bucket to deploy to: give -to URL or set to in the [deploy] section of newsgen.toml")
	}
	o.MaxDeletes = cfg.Deploy.MaxDeletes
	if flagSet(fs, "max-deletes") {
		o.MaxDeletes = *maxDeletes
	}
	o.Dir = *out
	if o.Dir == "" {
		o.Dir = filepath.Join(*root, pipeline.OutDir)
	}
	o.CacheControl = cfg.Deploy.CacheControl
	o.Record = deploy.RecordFile(filepath.Join(*root, cfg.CacheDir), o.Dir)
	ctx, stop := notifyContext()
	defer stop()
	_, err = deploy.Run(ctx, url, o)
	return err
}

// flagSet reports whether the command line gave the named flag.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
