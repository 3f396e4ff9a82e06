package slug

import (
	"strings"
	"testing"
)

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		// Latin titles keep the slugs they always had.
		{"Putin finally admits he never actually struck a deal", "putin-finally-admits-he-never-actually-struck-a-deal"},
		{"Straße, Æsir, Øresund, Łódź, Đoković, Œuvre, Þór", "strasse-aesir-oresund-lodz-djokovic-oeuvre-thor"},
		{"Kremlin’s claims and Putin's words", "kremlins-claims-and-putins-words"},
		{"Business & Economy", "business-and-economy"},
		{"Prices up 5% — €3bn “deal” ½ done…", "prices-up-5-3bn-deal-done"},
		// Names, as author pages are named.
		{"J. R. Okafor", "j-r-okafor"},
		{"Zoë Müller", "zoe-muller"},
		{"Seán O’Connell", "sean-oconnell"},
		{"Amara Okonkwo-Reid", "amara-okonkwo-reid"},
		// Other scripts.
		{"Україна відновлює світло", "ukraina-vidnovliuie-svitlo"},
		{"Москва признала ошибку", "moskva-priznala-oshibku"},
		{"Η Αθήνα ψηφίζει σήμερα", "i-athina-psifizei-simera"},
		{"Олена Коваль", "olena-koval"},
		{"Мир 2026: NATO", "mir-2026-nato"},
		{"東京", "dong-jing"},
		{"🙂 ★", ""},
		{"٢٠٢٦ عام", "2026-m"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMakeCutsLongSlugsBetweenWords(t *testing.T) {
	got := Make(strings.Repeat("Україна ", 40))
	if len(got) > Max || strings.HasSuffix(got, "-") || !strings.HasPrefix(got, "ukraina-ukraina") {
		t.Errorf("Make(long) = %q (%d)", got, len(got))
	}
}
