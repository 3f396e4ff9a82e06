package seed

import (
	"strings"
	"testing"
)

var chromeLines = []string{
	"Ads by MGDK", "Advertisement", "ADVERTISEMENT", "Sponsored", "Sponsored by Big Bank",
	"Read also: Drone strikes hit refinery", "Read more: Wolves manager under pressure",
	"Read more", "Related: Council approves new budget", "Related articles",
	"Share this article", "Share this story on Facebook", "Subscribe to our newsletter",
	"Sign up for our daily newsletter", "Follow us on Instagram", "Follow us",
	"Story continues below advertisement", "Most read", "Comments", "12 comments", "Facebook",
}

func TestChromeDroppedAnywhere(t *testing.T) {
	for _, c := range chromeLines {
		for pos := 0; pos < 6; pos++ {
			lines := []string{"Home Politics Ministers agree on...", "", "Ministers agree on a budget", "", "A caption", "Getty Images", "", "A short dek", "", longPara, "", "Next steps", "", longPara}
			at := []int{0, 2, 4, 6, 11, len(lines)}[pos]
			seed := append(append(append([]string{}, lines[:at]...), c, ""), lines[at:]...)
			a := mustParse(t, seed...)
			text := a.Title + a.Summary + a.Body + a.Category
			if strings.Contains(text, c) || a.Title != "Ministers agree on a budget" || a.Category != "Politics" || a.Summary != "A short dek" {
				t.Errorf("%q at %d: title %q category %q summary %q body:\n%s", c, at, a.Title, a.Category, a.Summary, a.Body)
			}
		}
	}
}

func TestChromeLookalikesKept(t *testing.T) {
	for _, s := range []string{
		"Read more about the budget in our explainer, published last week.",
		"Related to this, the council has asked for a review.",
		"Sponsored events drew fewer visitors this year.",
		"Share prices fell on Monday.",
		"Home Office officials declined to comment.",
	} {
		if body := bodyOf(t, s); !strings.Contains(body, s) {
			t.Errorf("%q was dropped:\n%s", s, body)
		}
	}
}

func TestExtraChromeRules(t *testing.T) {
	rules, err := NewRules([]string{`Promo: .*`, `Listen to this article`})
	if err != nil {
		t.Fatal(err)
	}
	seed := "A title\n\nPromo: win a car\n\n" + longPara + "\n\nlisten to this article\n\n" + longPara
	a, _, err := Parse("x.txt", []byte(seed), modTime, Options{Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Body, "Promo") || strings.Contains(a.Body, "isten") {
		t.Errorf("extra rules not applied:\n%s", a.Body)
	}
	if !strings.Contains(a.Body, longPara) {
		t.Errorf("an extra rule must match a whole line:\n%s", a.Body)
	}
}

func TestBadChromeRuleNamed(t *testing.T) {
	_, err := NewRules([]string{"ok", "bad[("})
	if err == nil || !strings.Contains(err.Error(), `"bad[("`) || !strings.Contains(err.Error(), "chrome[1]") {
		t.Errorf("error %v must name the pattern and its place", err)
	}
}
