package minifiers

import (
	"strings"
	"testing"
)

func TestMinifyByExtension(t *testing.T) {
	m := New()
	cases := []struct{ name, in, want string }{
		{"a.html", "<!doctype html>\n<html lang=\"en\">\n<head><title> T </title></head>\n<body>\n <p class=\"x\">  a   b </p>\n</body>\n</html>\n",
			`<!doctype html><html lang="en"><head><title>T</title></head><body><p class="x">a b</p></body></html>`},
		{"s.css", "body {\n  color : #ff0000 ;\n}\n", "body{color:red}"},
		{"f.json", "{\n  \"a\" : [ 1, 2 ]\n}\n", `{"a":[1,2]}`},
		{"x.xml", "<?xml version=\"1.0\"?>\n<a>\n  <b>1</b>\n</a>\n", `<?xml version="1.0"?><a><b>1</b></a>`},
		{"t.txt", "  kept  as is \n", "  kept  as is \n"},
	}
	for _, c := range cases {
		got, err := m.Minify(c.name, []byte(c.in))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if string(got) != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestMinifyErrorNamesTheFile(t *testing.T) {
	_, err := New().Minify("feed.json", []byte("{not json"))
	if err == nil || !strings.HasPrefix(err.Error(), "feed.json: minifying:") {
		t.Errorf("error = %v", err)
	}
}
