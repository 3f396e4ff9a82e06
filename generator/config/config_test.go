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
