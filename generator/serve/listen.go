package serve

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"syscall"
)

// Listen opens addr for the preview, or says in one line why it cannot:
// an address that is not HOST:PORT, a port out of range, a port in use.
// "" means DefaultAddr. An IPv4 address listens on IPv4 only, so that
// 0.0.0.0 means what it says and not every IPv6 interface as well; an
// empty host or "::" listens on every interface of both families.
func Listen(addr string) (net.Listener, error) {
	if addr == "" {
		addr = DefaultAddr
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("serve: -addr %q is not HOST:PORT, such as %s", addr, DefaultAddr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return nil, fmt.Errorf("serve: -addr %q: port %q is not a number from 0 to 65535", addr, port)
	}
	network := "tcp"
	if ip := net.ParseIP(host); ip != nil && ip.To4() != nil {
		network = "tcp4"
	}
	ln, err := net.Listen(network, addr)
	if err != nil {
		return nil, listenError(addr, err)
	}
	return ln, nil
}

// listenError words the usual reasons a listen fails for a person at the
// terminal.
func listenError(addr string, err error) error {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return fmt.Errorf("serve: cannot listen on %s: the port is in use (another server runs there; pick a free port with -addr)", addr)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return fmt.Errorf("serve: cannot listen on %s: no interface of this machine has that address", addr)
	case errors.Is(err, syscall.EACCES):
		return fmt.Errorf("serve: cannot listen on %s: permission denied (ports below 1024 need privileges; use a higher port)", addr)
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return fmt.Errorf("serve: cannot listen on %s: unknown host %q", addr, dns.Name)
	}
	return fmt.Errorf("serve: cannot listen on %s: %v", addr, err)
}

// BrowseURL is the address a browser on this machine opens to reach a
// server listening on a: a wildcard address (0.0.0.0, ::) is not one a
// browser can open, so it becomes the loopback address of its family.
func BrowseURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/"
	}
	ip := tcp.IP
	if ip == nil || ip.IsUnspecified() {
		ip = net.IPv4(127, 0, 0, 1)
	}
	return "http://" + net.JoinHostPort(ip.String(), strconv.Itoa(tcp.Port)) + "/"
}

// Exposure is a warning when a server listening on a can be reached from
// other machines, and "" when it listens on loopback only.
func Exposure(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || tcp.IP.IsLoopback() {
		return ""
	}
	where := "on " + tcp.IP.String()
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		where = "on every network interface"
	}
	return fmt.Sprintf("serve: warning: listening %s (%s): the site, drafts included when built with -drafts, is visible to the network; use -addr %s to keep it on this machine",
		where, a, net.JoinHostPort("127.0.0.1", strconv.Itoa(tcp.Port)))
}
