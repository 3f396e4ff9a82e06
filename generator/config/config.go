// Package config reads a site's newsgen.toml. Everything that varies from
// one newsroom's archive to another lives here and is passed down as a
// value; no stage reads the file itself.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// FileName is the config file's name in the site root.
const FileName = "newsgen.toml"

// Config is a site's configuration. Zero values are replaced by defaults.
type Config struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	// BaseURL is where the site is published, such as
	// "https://user.github.io/archive/". Absolute URLs start with it, and
	// in-page links start with its path.
	BaseURL  string `toml:"base_url"`
	Language string `toml:"language"`
	TimeZone string `toml:"time_zone"`
	PerPage  int    `toml:"per_page"`
	// CacheDir holds what a build keeps for the next one: a folder inside
	// the site root, or an absolute path.
	CacheDir string `toml:"cache_dir"`
	// CNAME is the custom domain of a GitHub Pages site, a host name
	// written to the output's CNAME file; empty writes none.
	CNAME string `toml:"cname"`
	// FollowOutsideSymlinks lets symbolic links in seeds/, content/ and
	// layouts/ lead out of the site root. Off, such links are refused, so
	// that a link to /etc/passwd is never published; links that stay
	// inside the root are always followed.
	FollowOutsideSymlinks bool      `toml:"follow_outside_symlinks"`
	Publisher             Publisher `toml:"publisher"`
	Import                Import    `toml:"import"`
	Feeds                 Feeds     `toml:"feeds"`
	Deploy                Deploy    `toml:"deploy"`
	Search                Search    `toml:"search"`
	// About is a line or two on who publishes the archive and why, and
	// Copyright the notice, both shown in every page's footer.
	About     string `toml:"about"`
	Copyright string `toml:"copyright"`
	Menu      Menu   `toml:"menu"`

	// Location is TimeZone loaded.
	Location *time.Location `toml:"-"`
}

// Publisher names who publishes the archive, for structured data and feeds.
type Publisher struct {
	Name string `toml:"name"`
	URL  string `toml:"url"`
}

// Menu chooses the sections of the masthead and the front page.
type Menu struct {
	// Sections names them in order; empty takes the Count sections with
	// the most articles.
	Sections []string `toml:"sections"`
	Count    int      `toml:"count"`
}

// Import tunes the reading of seeds.
type Import struct {
	// MaxSeedBytes is the largest seed import reads; larger ones are refused.
	MaxSeedBytes int64 `toml:"max_seed_bytes"`
	// Chrome lists extra regular expressions for lines of site chrome
	// (ads, promos, share prompts) to drop, beyond the built-in ones.
	Chrome []string `toml:"chrome"`
}

// Feeds tunes the site's feeds.
type Feeds struct {
	Limit int `toml:"limit"`
	// Summary puts only the summary in feed entries instead of the article.
	Summary bool `toml:"summary"`
	// SectionContent puts whole articles in the feeds of sections and
	// authors too. Off, they carry summaries and only the site's feeds the
	// articles: every article is in its section's feeds as well as the
	// site's, and three formats of each would hold its text six times.
	SectionContent bool `toml:"section_content"`
}

// Search tunes the search index.
type Search struct {
	// Disable builds no search index (and removes one a build made).
	Disable bool `toml:"disable"`
}

// Default returns the configuration of a site with no config file.
func Default() *Config {
	c := &Config{}
	c.fill()
	if err := c.check(); err != nil {
		panic("config: defaults do not check: " + err.Error())
	}
	return c
}

// Load reads FileName from the site root; a missing file gives Default.
func Load(root fs.FS) (*Config, error) {
	data, err := fs.ReadFile(root, FileName)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", FileName, err)
	}
	return Parse(data)
}

// Parse reads a config file's bytes. Unknown keys are errors, so that a
// misspelt setting is reported instead of silently ignored.
func Parse(data []byte) (*Config, error) {
	c := &Config{}
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(c); err != nil {
		return nil, tomlError(err)
	}
	if err := c.validate(data); err != nil {
		return nil, err
	}
	c.fill()
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

func tomlError(err error) error {
	var sm *toml.StrictMissingError
	if errors.As(err, &sm) && len(sm.Errors) > 0 {
		row, _ := sm.Errors[0].Position()
		return fmt.Errorf("%s:%d: unknown setting %q", FileName, row, strings.Join(sm.Errors[0].Key(), "."))
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		return fmt.Errorf("%s:%d: %s", FileName, row, de.Error())
	}
	return fmt.Errorf("%s: %w", FileName, err)
}

func (c *Config) fill() {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&c.Title, "News archive")
	def(&c.BaseURL, "/")
	def(&c.Language, "en")
	def(&c.TimeZone, "UTC")
	def(&c.CacheDir, ".newsgen-cache")
	def(&c.Publisher.Name, c.Title)
	// Search engines and link previews want a description on every page.
	def(&c.Description, c.Title+": every article by date, section and topic.")
	if c.PerPage <= 0 {
		c.PerPage = 20
	}
	if c.Import.MaxSeedBytes <= 0 {
		c.Import.MaxSeedBytes = 4 << 20
	}
	if c.Feeds.Limit <= 0 {
		c.Feeds.Limit = 50
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	c.Deploy.fill()
}

func (c *Config) check() error {
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return fmt.Errorf("%s: time_zone %q: %v", FileName, c.TimeZone, err)
	}
	c.Location = loc
	if err := c.Deploy.check(); err != nil {
		return err
	}
	return c.SetBaseURL(c.BaseURL)
}

// SetBaseURL replaces the base URL, as the -base-url flag does.
func (c *Config) SetBaseURL(raw string) error {
	if !strings.HasSuffix(raw, "/") {
		raw += "/"
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "" && u.Host == "") || (u.Scheme == "" && !strings.HasPrefix(raw, "/")) {
		return fmt.Errorf("%s: base_url %q must be an absolute URL such as https://example.org/news/ or a path such as /news/", FileName, raw)
	}
	c.BaseURL = raw
	return nil
}

// BasePath is the path part of the base URL, such as "/archive/": every
// in-page link starts with it, so that the site works under a sub-path
// and 404.html works at any depth.
func (c *Config) BasePath() string {
	u, _ := url.Parse(c.BaseURL)
	if u.Path == "" {
		return "/"
	}
	return u.Path
}

// AbsURL returns the absolute URL of a site path such as "2026/06/slug/".
func (c *Config) AbsURL(p string) string {
	return c.BaseURL + strings.TrimPrefix(p, "/")
}
