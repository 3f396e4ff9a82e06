package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadWithoutFileGivesDefaults(t *testing.T) {
	c, err := Load(fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	if c.PerPage != 20 || c.BaseURL != "/" || c.Location == nil || c.Feeds.Limit != 50 || c.Import.MaxSeedBytes != 4<<20 {
		t.Errorf("defaults = %+v", c)
	}
}

func TestParseReadsSettings(t *testing.T) {
	c, err := Parse([]byte("title = \"Daily\"\nbase_url = \"https://user.github.io/archive\"\ntime_zone = \"Europe/Kyiv\"\nper_page = 7\n[import]\nchrome = [\"^Promo:.*\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "Daily" || c.PerPage != 7 || c.Location.String() != "Europe/Kyiv" || len(c.Import.Chrome) != 1 {
		t.Errorf("config = %+v", c)
	}
	if c.BasePath() != "/archive/" || c.AbsURL("2026/06/x/") != "https://user.github.io/archive/2026/06/x/" {
		t.Errorf("base path %q, abs %q", c.BasePath(), c.AbsURL("2026/06/x/"))
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"unknown key":   {"title = \"x\"\n\ntitel = \"y\"\n", "newsgen.toml:3: unknown setting \"titel\""},
		"wrong type":    {"per_page = \"many\"\n", "newsgen.toml:1:"},
		"bad syntax":    {"title = \n", "newsgen.toml:1:"},
		"bad zone":      {"time_zone = \"Mars/Olympus\"\n", "newsgen.toml: time_zone \"Mars/Olympus\""},
		"bad base url":  {"base_url = \"example.org\"\n", "newsgen.toml: base_url"},
		"host-less url": {"base_url = \"https://\"\n", "newsgen.toml: base_url"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(c.in))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error = %v, want prefix %q", err, c.want)
			}
		})
	}
}

func TestSettingsOutOfBoundsNameTheLine(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"per_page zero":         {"title = \"x\"\nper_page = 0\n", "newsgen.toml:2: per_page = 0: must be between 1 and 1000"},
		"per_page negative":     {"per_page = -1\n", "newsgen.toml:1: per_page = -1:"},
		"per_page huge":         {"# big\n\nper_page = 1000000000\n", "newsgen.toml:3: per_page = 1000000000:"},
		"cache_dir up":          {"cache_dir = \"../../elsewhere\"\n", "newsgen.toml:1: cache_dir \"../../elsewhere\" is not a folder inside the site root"},
		"cache_dir up inside":   {"title = \"x\"\ncache_dir = \"cache/../../x\"\n", "newsgen.toml:2: cache_dir"},
		"cache_dir root":        {"cache_dir = \".\"\n", "newsgen.toml:1: cache_dir \".\" is not a folder"},
		"cache_dir in content":  {"cache_dir = \"content/.cache\"\n", "newsgen.toml:1: cache_dir \"content/.cache\" is inside the site's own content/ folder"},
		"cache_dir is public":   {"cache_dir = \"public\"\n", "newsgen.toml:1: cache_dir \"public\" is inside"},
		"cname with scheme":     {"cname = \"https://news.example.org\"\n", "newsgen.toml:1: cname \"https://news.example.org\" must be a host name"},
		"cname with path":       {"cname = \"news.example.org/archive\"\n", "newsgen.toml:1: cname"},
		"cname with newline":    {"\ncname = \"a.org\\n<script>x</script>\"\n", "newsgen.toml:2: cname \"a.org\\n<script>x</script>\" must be"},
		"cname with space":      {"cname = \"news example.org\"\n", "newsgen.toml:1: cname"},
		"cname single label":    {"cname = \"localhost\"\n", "newsgen.toml:1: cname"},
		"cname hyphen edge":     {"cname = \"-news.example.org\"\n", "newsgen.toml:1: cname"},
		"cname empty label":     {"cname = \"news..example.org\"\n", "newsgen.toml:1: cname"},
		"cname in a table line": {"[feeds]\nlimit = 3\n[publisher]\nname = \"x\"\n", ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(c.in))
			if c.want == "" {
				if err != nil {
					t.Errorf("error = %v", err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error = %v, want prefix %q", err, c.want)
			}
		})
	}
}

func TestSettingsWithinBoundsAreTaken(t *testing.T) {
	for _, in := range []string{
		"per_page = 1\n", "per_page = 1000\n", "cache_dir = \"build/cache\"\n", "cache_dir = \"/var/cache/newsgen\"\n",
		"cache_dir = \"./.cache\"\n", "cname = \"news.example.org\"\n", "cname = \"Archive-2.Example.co.uk\"\n",
	} {
		if _, err := Parse([]byte(in)); err != nil {
			t.Errorf("%q: %v", in, err)
		}
	}
}
