package check

import "fmt"

// nesting follows the open elements of a page, token by token, and
// reports elements that are closed out of order or never closed. It knows
// the HTML rules that matter for that: void elements, end tags that may be
// left out, and start tags that close an open element implicitly (a <li>
// closes the previous <li>, a <div> closes an open <p>). It is not a full
// HTML parser; it errs towards silence where the rules get subtle.
type nesting struct {
	open []openElement
	// foreign counts the open svg and math elements, inside which XML
	// rules hold: any element may be self-closing.
	foreign int
	report  func(line, off int, msg string)
}

type openElement struct {
	name string
	line int
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

var (
	voidElements = set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")
	// optionalEnd lists the elements whose end tag HTML lets a page leave
	// out.
	optionalEnd = set("html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "rt", "rp",
		"tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption")
	// headContent may stand in an open head without closing it.
	headContent = set("base", "link", "meta", "noscript", "script", "style", "template", "title")
	closesP     = set("address", "article", "aside", "blockquote", "details", "dialog", "div", "dl",
		"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
		"header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "search", "section", "table", "ul")
	// scope holds the elements a search for an open p stops at.
	scope = []string{"applet", "button", "caption", "html", "marquee", "object", "table", "td", "template", "th", "svg", "math"}
)

// closeRule says which open elements a start tag closes, and where the
// search for them stops.
type closeRule struct {
	closes map[string]bool
	stop   map[string]bool
	// topOnly closes only the current element.
	topOnly bool
}

var pRule = closeRule{closes: set("p"), stop: set(scope...)}

var closeRules = func() map[string]closeRule {
	pScope := func(more ...string) map[string]bool { return set(append(more, scope...)...) }
	table := set("table", "template", "html")
	r := map[string]closeRule{
		"li":       {closes: set("li"), stop: pScope("ol", "ul", "menu")},
		"dt":       {closes: set("dt", "dd"), stop: pScope("dl")},
		"tr":       {closes: set("tr"), stop: table},
		"td":       {closes: set("td", "th"), stop: set("tr", "table", "template", "html")},
		"thead":    {closes: set("thead", "tbody", "tfoot"), stop: table},
		"option":   {closes: set("option"), topOnly: true},
		"optgroup": {closes: set("option", "optgroup"), topOnly: true},
		"rt":       {closes: set("rt", "rp"), stop: set("ruby", "html")},
	}
	r["dd"], r["th"], r["rp"] = r["dt"], r["td"], r["rt"]
	r["tbody"], r["tfoot"] = r["thead"], r["thead"]
	return r
}()

// start follows a start tag.
func (n *nesting) start(name string, selfClosing bool, line, off int) {
	if n.foreign > 0 {
		if !selfClosing {
			n.push(name, line)
		}
		return
	}
	n.implicitEnds(name, line, off)
	switch {
	case voidElements[name]:
	case selfClosing && name != "svg" && name != "math":
		n.report(line, off, fmt.Sprintf("self-closing <%s/> is not a void element; browsers leave it open", name))
	case !selfClosing:
		n.push(name, line)
	}
}

func (n *nesting) push(name string, line int) {
	n.open = append(n.open, openElement{name, line})
	if name == "svg" || name == "math" {
		n.foreign++
	}
}

// implicitEnds closes the open elements that a start tag name ends.
func (n *nesting) implicitEnds(name string, line, off int) {
	switch top := n.top(); {
	case top == "head" && !headContent[name], top == "colgroup" && name != "col":
		n.open = n.open[:len(n.open)-1]
	}
	if closesP[name] {
		n.closeAll(pRule, name, line, off)
	}
	if rule, ok := closeRules[name]; ok {
		n.closeAll(rule, name, line, off)
	}
}

func (n *nesting) closeAll(rule closeRule, by string, line, off int) {
	for {
		i := n.find(rule)
		if i < 0 {
			return
		}
		n.popTo(i, "<"+by+">", line, off)
	}
}

// find returns the index of the open element rule closes, or -1.
func (n *nesting) find(rule closeRule) int {
	for i := len(n.open) - 1; i >= 0; i-- {
		name := n.open[i].name
		switch {
		case rule.closes[name]:
			return i
		case rule.topOnly || rule.stop[name]:
			return -1
		}
	}
	return -1
}

// end follows an end tag.
func (n *nesting) end(name string, line, off int) {
	if voidElements[name] && n.foreign == 0 {
		n.report(line, off, fmt.Sprintf("end tag </%s> for a void element", name))
		return
	}
	for i := len(n.open) - 1; i >= 0; i-- {
		if n.open[i].name == name {
			n.popTo(i, "</"+name+">", line, off)
			return
		}
	}
	// html, head and body exist even when their start tags are left out.
	if name != "html" && name != "head" && name != "body" {
		n.report(line, off, fmt.Sprintf("stray end tag </%s>", name))
	}
}

// popTo closes the open element at index i and every element opened
// after it; those must be elements whose end tag may be left out.
func (n *nesting) popTo(i int, by string, line, off int) {
	for j := len(n.open) - 1; j >= i; j-- {
		e := n.open[j]
		if j > i && !optionalEnd[e.name] {
			n.report(line, off, fmt.Sprintf("<%s> opened on line %d is not closed before %s", e.name, e.line, by))
		}
		if e.name == "svg" || e.name == "math" {
			n.foreign--
		}
	}
	n.open = n.open[:i]
}

func (n *nesting) top() string {
	if len(n.open) == 0 {
		return ""
	}
	return n.open[len(n.open)-1].name
}

// eof reports the elements still open at the end of the page.
func (n *nesting) eof(line, off int) {
	for _, e := range n.open {
		if !optionalEnd[e.name] {
			n.report(line, off, fmt.Sprintf("<%s> opened on line %d is never closed", e.name, e.line))
		}
	}
	n.open = nil
}
