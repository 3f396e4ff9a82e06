package serve

import (
	"net"
	"strings"
	"testing"
)

func TestListenRefusesBadAddressesInOneLine(t *testing.T) {
	busy, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for addr, want := range map[string]string{
		"127.0.0.1:99999":    `port "99999" is not a number from 0 to 65535`,
		"127.0.0.1:-1":       `port "-1" is not a number`,
		"127.0.0.1:http":     `port "http" is not a number`,
		"localhost":          `-addr "localhost" is not HOST:PORT`,
		"1.2.3.4.5:80":       "cannot listen on 1.2.3.4.5:80",
		busy.Addr().String(): "the port is in use",
	} {
		ln, err := Listen(addr)
		if err == nil {
			ln.Close()
			t.Errorf("Listen(%q) listened, want an error", addr)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, want) || strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "serve: ") {
			t.Errorf("Listen(%q) = %q, want one line with %q", addr, msg, want)
		}
	}
}

// 0.0.0.0 is IPv4's every interface, and listens on IPv4 only.
func TestListenOnIPv4WildcardStaysIPv4(t *testing.T) {
	ln, err := Listen("0.0.0.0:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	ip := ln.Addr().(*net.TCPAddr).IP
	if ip.To4() == nil || !ip.IsUnspecified() {
		t.Fatalf("listening on %v, want 0.0.0.0", ln.Addr())
	}
}

func TestBrowseURLAndExposure(t *testing.T) {
	for _, c := range []struct {
		ip      string
		url     string
		exposed string
	}{
		{"127.0.0.1", "http://127.0.0.1:8080/", ""},
		{"::1", "http://[::1]:8080/", ""},
		{"0.0.0.0", "http://127.0.0.1:8080/", "on every network interface"},
		{"::", "http://127.0.0.1:8080/", "on every network interface"},
		{"192.0.2.7", "http://192.0.2.7:8080/", "on 192.0.2.7"},
		{"2001:db8::7", "http://[2001:db8::7]:8080/", "on 2001:db8::7"},
	} {
		a := &net.TCPAddr{IP: net.ParseIP(c.ip), Port: 8080}
		if got := BrowseURL(a); got != c.url {
			t.Errorf("BrowseURL(%s) = %q, want %q", a, got, c.url)
		}
		got := Exposure(a)
		switch {
		case c.exposed == "" && got != "":
			t.Errorf("Exposure(%s) = %q, want none", a, got)
		case c.exposed != "" && (!strings.Contains(got, c.exposed) || !strings.Contains(got, "visible to the network") ||
			!strings.Contains(got, "-addr 127.0.0.1:8080")):
			t.Errorf("Exposure(%s) = %q, want a warning %q naming -addr 127.0.0.1:8080", a, got, c.exposed)
		}
	}
}
