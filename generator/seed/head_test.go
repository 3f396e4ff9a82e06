package seed

import (
	"strings"
	"testing"

	"newsgen/generator/content"
)

func TestBreadcrumbGivesCategory(t *testing.T) {
	tests := []struct {
		name, crumb, title, category, wantTitle string
	}{
		{"homepage and three dots", "Homepage War Putin finally admits he never actually struck a deal with...", "Putin finally admits he never actually struck a deal with Trump at Alaska Summit", "War", ""},
		{"home and an ellipsis character", "Home Business & Economy Central bank holds rates steady as…", "Central bank holds rates steady as inflation cools", "Business & Economy", ""},
		{"category whose last word starts the title", "Homepage Ukraine War War of words over prisoner...", "War of words over prisoner exchange", "Ukraine War", ""},
		{"whole short title without ellipsis", "Home Sport Liverpool win the league", "Liverpool win the league", "Sport", ""},
		{"title cut inside a word", "Home Science Comet to light up the sk...", "Comet to light up the sky", "Science", ""},
		{"separators", "Home › World › Europe › Floods hit the Danube…", "Floods hit the Danube valley", "Europe", ""},
		{"homepage and a category alone", "Homepage Politics", "Ministers resign over budget", "Politics", ""},
		{"curly quotes in the crumb", "Home Culture “Barbie” sequel gets...", `"Barbie" sequel gets a date`, "Culture", ""},
		{"upper case home word", "HOMEPAGE Local Bridge to close for...", "Bridge to close for repairs", "Local", ""},
		{"a title that starts with Home", "Home prices fall for a third month", "Buyers wait as rates stay high", "", "Home prices fall for a third month"},
		{"no breadcrumb", "Old bridge to close for repairs", longPara, "", "Old bridge to close for repairs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, tt.crumb, "", tt.title, "", longPara, "", longPara)
			want := tt.wantTitle
			if want == "" {
				want = tt.title
			}
			if a.Category != tt.category || a.Title != want {
				t.Errorf("category %q title %q, want %q %q", a.Category, a.Title, tt.category, want)
			}
		})
	}
}

func TestLeadImage(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  *content.Image
	}{
		{"wikimedia", []string{"Ministers meet in Brussels", "The White House, Public domain, via Wikimedia Commons"}, img("Ministers meet in Brussels", "The White House, Public domain, via Wikimedia Commons")},
		{"cc by", []string{"The old mill", "Photo by Jane Roe, CC BY 2.0"}, img("The old mill", "Photo by Jane Roe, CC BY 2.0")},
		{"cc by-sa", []string{"The harbour at dawn", "John Doe, CC BY-SA 4.0"}, img("The harbour at dawn", "John Doe, CC BY-SA 4.0")},
		{"photo colon", []string{"Fans in the square", "Photo: Ana Lima"}, img("Fans in the square", "Photo: Ana Lima")},
		{"reuters", []string{"Traders at the exchange", "Reuters/Brendan McDermid"}, img("Traders at the exchange", "Reuters/Brendan McDermid")},
		{"ap photo", []string{"Rescue workers search the rubble", "AP Photo/Emilio Morenatti"}, img("Rescue workers search the rubble", "AP Photo/Emilio Morenatti")},
		{"getty", []string{"The striker celebrates", "Getty Images"}, img("The striker celebrates", "Getty Images")},
		{"copyright sign", []string{"A still from the film", "© 2026 Studio North"}, img("A still from the film", "© 2026 Studio North")},
		{"afp", []string{"Protesters in Paris", "Ludovic Marin / AFP"}, img("Protesters in Paris", "Ludovic Marin / AFP")},
		{"epa", []string{"Flood water in Valencia", "EPA-EFE/Biel Alino"}, img("Flood water in Valencia", "EPA-EFE/Biel Alino")},
		{"shutterstock", []string{"A wind farm off the coast", "Shutterstock"}, img("A wind farm off the coast", "Shutterstock")},
		{"name only credit", []string{"The mayor at the opening", "Jane Doe"}, img("The mayor at the opening", "Jane Doe")},
		{"credit alone", []string{"Photo: Reuters"}, img("", "Photo: Reuters")},
		{"agency alone", []string{"AFP"}, img("", "AFP")},
		{"neither", nil, nil},
		{"a dek glued to a paragraph is no image", []string{"Short dek here", longPara}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := append([]string{"A title for the test", ""}, tt.lines...)
			a := mustParse(t, append(lines, "", longPara, "", longPara)...)
			if (a.Image == nil) != (tt.want == nil) || (a.Image != nil && *a.Image != *tt.want) {
				t.Errorf("image %+v, want %+v", a.Image, tt.want)
			}
			if a.Image != nil && strings.Contains(a.Body, a.Image.Credit) {
				t.Errorf("credit left in the body:\n%s", a.Body)
			}
		})
	}
}

func TestDek(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"question", []string{"But why is he admitting it now?", longPara}, "But why is he admitting it now?"},
		{"no final punctuation", []string{"Negotiators blame each other for a missed deadline", longPara}, "Negotiators blame each other for a missed deadline"},
		{"one short sentence before a longer paragraph", []string{"Policymakers signalled cuts later this year.", longPara}, "Policymakers signalled cuts later this year."},
		{"after the image", []string{"A caption", "Getty Images", "", "Will the clouds spoil it?", longPara}, "Will the clouds spoil it?"},
		{"first paragraph is long", []string{longPara, longPara}, ""},
		{"short paragraphs of the same length", []string{"The minister resigned on Tuesday morning.", "She had been in office for two years."}, ""},
		{"nothing after it", []string{"Just one line of text?"}, ""},
		{"a list is no dek", []string{"- first point", "- second point", longPara}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := []string{"A title for the test", ""}
			for i, l := range tt.lines {
				// A blank line between blocks, none inside the image or list.
				if i > 0 && !strings.HasPrefix(l, "Getty") && !strings.HasPrefix(l, "- second") {
					lines = append(lines, "")
				}
				lines = append(lines, l)
			}
			a := mustParse(t, lines...)
			if a.Summary != tt.want {
				t.Errorf("summary %q, want %q", a.Summary, tt.want)
			}
			if tt.want != "" && strings.Contains(a.Body, escapeBlock(tt.want)) {
				t.Errorf("dek left in the body:\n%s", a.Body)
			}
		})
	}
}

func img(caption, credit string) *content.Image {
	return &content.Image{Caption: caption, Credit: credit}
}
