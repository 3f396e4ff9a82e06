package config

import (
	"strings"
	"testing"
)

func TestDeployDefaultsAndOverrides(t *testing.T) {
	c, err := Parse([]byte("[deploy]\nto = \"s3://news?region=eu-west-1\"\n[deploy.cache_control]\nhtml = \"public, max-age=60\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := c.Deploy
	if d.To != "s3://news?region=eu-west-1" || d.MaxDeletes != DefaultMaxDeletes {
		t.Errorf("deploy = %+v", d)
	}
	if d.CacheControl.HTML != "public, max-age=60" || d.CacheControl.HashedAsset != "public, max-age=31536000, immutable" || d.CacheControl.Asset != "public, no-cache" {
		t.Errorf("cache control = %+v", d.CacheControl)
	}
	if Default().Deploy.To != "" || Default().Deploy.CacheControl.Feed == "" {
		t.Errorf("default deploy = %+v", Default().Deploy)
	}
}

func TestDeployErrorsNameTheSetting(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"unknown kind":     {"[deploy.cache_control]\nimages = \"x\"\n", "newsgen.toml:2: unknown setting \"deploy.cache_control.images\""},
		"not a url":        {"[deploy]\nto = \"my bucket\"\n", "newsgen.toml: deploy.to \"my bucket\" must be a bucket URL"},
		"credentials":      {"[deploy]\nto = \"s3://key:secret@bucket\"\n", "newsgen.toml: deploy.to must not hold credentials"},
		"max deletes type": {"[deploy]\nmax_deletes = \"all\"\n", "newsgen.toml:2:"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(c.in))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error = %v, want prefix %q", err, c.want)
			}
			if err != nil && strings.Contains(err.Error(), "secret") {
				t.Errorf("error repeats the credentials: %v", err)
			}
		})
	}
}
