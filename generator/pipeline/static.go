package pipeline

import (
	"fmt"
	"image"
	_ "image/gif" // lead images may be GIF, JPEG or PNG files
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"newsgen/generator/content"
	"newsgen/generator/render"
)

// StaticDir holds files copied into the output as they are, at the same
// paths: pictures, downloads, a site's own icons.
const StaticDir = "static"

// static publishes the theme's stylesheet (under a name that carries a
// hash of its bytes), icon and search script, the site's static/ files, and the files a
// host expects.
func (r *renderer) static() {
	css, err := fs.ReadFile(r.theme, "style.css")
	if err == nil {
		_, err = r.pub.Write(render.StylesheetName(css), css)
	}
	if err != nil {
		r.rep.problem(fmt.Errorf("%s/style.css: %w", render.LayoutDir, err))
	}
	for _, name := range []string{"favicon.svg", "search.js"} {
		if name == "search.js" && r.site.Config.Search.Disable {
			continue
		}
		data, err := fs.ReadFile(r.theme, name)
		if err == nil {
			_, err = r.pub.Write(name, data)
		}
		if err != nil {
			r.rep.problem(fmt.Errorf("%s/%s: %w", render.LayoutDir, name, err))
		}
	}
	r.copyStatic()
	// GitHub Pages would otherwise run Jekyll over the output.
	if err := r.pub.WriteRaw(".nojekyll", nil); err != nil {
		r.rep.problem(err)
	}
	if cname := r.site.Config.CNAME; cname != "" {
		if err := r.pub.WriteRaw("CNAME", []byte(cname+"\n")); err != nil {
			r.rep.problem(err)
		}
	}
}

// copyStatic copies every file under static/ into the output byte for
// byte. Hidden files and folders are left out.
func (r *renderer) copyStatic() {
	dir := filepath.Join(r.opts.Root, StaticDir)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == dir {
				return filepath.SkipAll
			}
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err == nil {
			err = r.pub.WriteRaw(filepath.ToSlash(rel), data)
		}
		if err != nil {
			r.rep.problem(fmt.Errorf("%s/%s: %w", StaticDir, filepath.ToSlash(rel), err))
		}
		return nil
	})
	if err != nil {
		r.rep.problem(fmt.Errorf("%s: %w", StaticDir, err))
	}
}

// checkImage makes sure a lead image's picture can be shown: a URL must be
// http(s), a file must lie under static/, and its size is read from the
// file when the front matter does not give it. On a problem it drops the
// picture (the caption and credit stay) and says why.
func checkImage(root, source string, img *content.Image) error {
	if img == nil || img.Src == "" {
		return nil
	}
	bad := func(why string) error {
		src := img.Src
		img.Src, img.Width, img.Height = "", 0, 0
		return fmt.Errorf("%s: image.src %q: %s; the page shows no picture", source, src, why)
	}
	if img.Remote() {
		return nil
	}
	clean := strings.TrimPrefix(img.Src, "/")
	if strings.Contains(img.Src, ":") || strings.HasPrefix(img.Src, "//") || !fs.ValidPath(clean) || path.Clean(clean) != clean {
		return bad("must be a file under static/, such as images/photo.jpg, or an http(s) URL")
	}
	f, err := os.Open(filepath.Join(root, StaticDir, filepath.FromSlash(clean)))
	if err != nil {
		return bad(fmt.Sprintf("no file %s/%s", StaticDir, clean))
	}
	defer f.Close()
	if img.Width > 0 && img.Height > 0 {
		return nil
	}
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return bad(fmt.Sprintf("cannot read its size (%v): give width and height", err))
	}
	img.Width, img.Height = cfg.Width, cfg.Height
	return nil
}
