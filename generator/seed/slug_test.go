package seed

import (
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Putin finally admits he never actually struck a deal with Trump at Alaska Summit", "putin-finally-admits-he-never-actually-struck-a-deal-with-trump-at-alaska-summit"},
		{"Café reopens in São Paulo", "cafe-reopens-in-sao-paulo"},
		{"Straße, Æsir, Øresund, Łódź, Đoković, Œuvre, Þór", "strasse-aesir-oresund-lodz-djokovic-oeuvre-thor"},
		{"Kremlin’s claims and Putin's words", "kremlins-claims-and-putins-words"},
		{"Business & Economy", "business-and-economy"},
		{"  --Hello,   World!!--  ", "hello-world"},
		{"Crème brûlée: naïve façade", "creme-brulee-naive-facade"},
		{"2026: the year in 10 charts", "2026-the-year-in-10-charts"},
		{"Война и мир", "voina-i-mir"},
		{"★ ★", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.title); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestSlugCutAtWord(t *testing.T) {
	long := strings.Repeat("headline ", 20)
	got := Slugify(long)
	if len(got) > MaxSlug || strings.HasSuffix(got, "-") || !strings.HasSuffix(got, "headline") {
		t.Errorf("Slugify(long) = %q (%d)", got, len(got))
	}
	if got := Slugify(strings.Repeat("x", 150)); len(got) != MaxSlug {
		t.Errorf("one long word is cut to %d, got %d", MaxSlug, len(got))
	}
}

func TestSlugNeverEmpty(t *testing.T) {
	a, _, err := Parse("seeds/042_Война.txt", []byte("Війна і мир\n\n"+longPara), modTime, Options{})
	if err != nil || a.Slug != "viina-i-mir" {
		t.Errorf("slug %q err %v, want the title transliterated", a.Slug, err)
	}
	a, _, err = Parse("seeds/042_★.txt", []byte("★ ☆ ★\n\n"+longPara), modTime, Options{})
	if err != nil || a.Slug != "042" {
		t.Errorf("slug %q err %v, want the seed file name's", a.Slug, err)
	}
	a, _, _ = Parse("★.txt", []byte("★ ☆ ★\n\n"+longPara), modTime, Options{})
	if a.Slug != "article" {
		t.Errorf("slug %q, want article", a.Slug)
	}
}
