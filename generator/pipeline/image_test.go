package pipeline

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	os.MkdirAll(filepath.Dir(name), 0o755)
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func article(title, image string) string {
	return "---\ntitle: \"" + title + "\"\ndate: 2026-05-04\ncategory: War\nimage:\n" + image + "---\n\nBody.\n"
}

// A lead image's picture: a file under static/ is copied as is and
// measured, a URL is used as given, and a missing or unsafe one leaves
// the caption as a described photo and one line naming the file.
func TestLeadImages(t *testing.T) {
	root := t.TempDir()
	var pic bytes.Buffer
	png.Encode(&pic, image.NewRGBA(image.Rect(0, 0, 64, 48)))
	writeFile(t, filepath.Join(root, "static", "images", "summit.png"), pic.Bytes())
	writeFile(t, filepath.Join(root, "static", "files", "notes.txt"), []byte("kept as is"))
	content := filepath.Join(root, ContentDir)
	writeFile(t, filepath.Join(content, "local.md"), []byte(article("Local", "  src: images/summit.png\n  caption: \"The summit\"\n  credit: \"AP\"\n")))
	writeFile(t, filepath.Join(content, "remote.md"), []byte(article("Remote", "  src: https://img.example.org/a.jpg\n  width: 1200\n  height: 800\n  alt: \"A hall\"\n")))
	writeFile(t, filepath.Join(content, "missing.md"), []byte(article("Missing", "  src: images/gone.jpg\n  caption: \"Gone\"\n")))
	writeFile(t, filepath.Join(content, "escape.md"), []byte(article("Escape", "  src: ../../etc/passwd\n  caption: \"Out\"\n")))
	writeFile(t, filepath.Join(content, "words.md"), []byte(article("Words", "  caption: \"Only words\"\n  credit: \"Reuters\"\n")))
	rep, err := Build(Options{Root: root, Now: fixedNow, BaseURL: "https://example.org/news/"})
	if err == nil {
		t.Fatal("a missing picture is not reported")
	}
	probs := strings.Join(rep.Problems(), "\n")
	for _, want := range []string{`content/missing.md: image.src "images/gone.jpg": no file static/images/gone.jpg`, `content/escape.md: image.src "../../etc/passwd": must be a file under static/`} {
		if !strings.Contains(probs, want) {
			t.Errorf("problems lack %q:\n%s", want, probs)
		}
	}
	out := filepath.Join(root, OutDir)
	page := func(slug string) string {
		data, err := os.ReadFile(filepath.Join(out, "2026", "05", slug, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "files", "notes.txt")); string(data) != "kept as is" {
		t.Errorf("static file copied as %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "images", "summit.png")); !bytes.Equal(data, pic.Bytes()) {
		t.Error("picture not copied byte for byte")
	}
	local := page("local")
	for _, want := range []string{`<img src="/news/images/summit.png" alt="The summit" width="64" height="48"`, `<meta property="og:image" content="https://example.org/news/images/summit.png">`, `"image":{"@type":"ImageObject","caption":"The summit","creditText":"AP","height":48,"url":"https://example.org/news/images/summit.png","width":64}`, `<figcaption>`} {
		if !strings.Contains(local, want) {
			t.Errorf("local picture page lacks %s", want)
		}
	}
	remote := page("remote")
	for _, want := range []string{`<img src="https://img.example.org/a.jpg" alt="A hall" width="1200" height="800"`, `content="https://img.example.org/a.jpg"`, `summary_large_image`} {
		if !strings.Contains(remote, want) {
			t.Errorf("remote picture page lacks %s", want)
		}
	}
	for _, slug := range []string{"missing", "escape", "words"} {
		p := page(slug)
		p = p[:strings.Index(p, "</article>")] // the story, not its neighbours' teasers
		if strings.Contains(p, "<img") || strings.Contains(p, "<figure") || strings.Contains(p, "og:image") {
			t.Errorf("%s: a picture without a file shows an image or figure", slug)
		}
		if !strings.Contains(p, "Photo not held in this archive") {
			t.Errorf("%s: caption not labelled as a described photo", slug)
		}
	}
	// Lists show the picture small and lazily.
	home, _ := os.ReadFile(filepath.Join(out, "category", "war", "index.html"))
	if !strings.Contains(string(home), `loading="lazy"`) {
		t.Error("a list's teaser picture is not lazy")
	}
}
