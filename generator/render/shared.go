package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
)

// Parts of a page such as the masthead and the footer come out the same on
// thousands of pages: they read only what every page of a kind shares (the
// site, the navigation, the feeds), never the page's own title or path.
// Such a partial is rendered once per build for each set of the values it
// reads, and its bytes are reused. Which values a partial reads is found
// in its parse tree, so a site's own partial is shared exactly when it,
// too, reads only shared values; otherwise it is executed for every page.

// sharedFunc is the template function a shared partial's call becomes.
// The name cannot clash with a layout's: functions are only newsgen's.
const sharedFunc = "_newsgen_shared"

// pageKeys are the page's values a shared partial may read, each with
// how it enters the key of the partial's bytes. A partial reading any
// other field of its page is executed for every page.
var pageKeys = map[string]func(p *Page) string{
	"Site":     func(p *Page) string { return fmt.Sprintf("%p", p.Site) },
	"Kind":     func(p *Page) string { return p.Kind },
	"Section":  func(p *Page) string { return p.Section },
	"Category": func(p *Page) string { return p.Category },
	"DateLine": func(p *Page) string { return fmt.Sprintf("%p", p.DateLine()) },
	"Nav": func(p *Page) string {
		var b strings.Builder
		for _, l := range p.Nav() {
			b.WriteString(l.Path + "\x00" + l.Name + "\x00" + strconv.FormatBool(l.Current) + strconv.FormatBool(l.Active) + "\x00")
		}
		return b.String()
	},
	"Feeds": func(p *Page) string {
		var b strings.Builder
		for _, a := range p.Feeds() {
			b.WriteString(a.Type + "\x00" + a.Title + "\x00" + a.Path + "\x00")
		}
		return b.String()
	},
}

// maxShared bounds the bytes kept per set of layouts: past it, partials
// are still right, only no longer reused.
const maxShared = 4096

// sharedParts renders the shared partials of one set of layouts.
type sharedParts struct {
	set *template.Template
	// roots are the page values each shared partial reads, by name.
	roots map[string][]string
	cache sync.Map // name + "\x00" + key -> template.HTML
	count atomic.Int64
}

// render is the template function a shared partial's call becomes: the
// partial's bytes for this page, rendered by the first page with the same
// key.
func (s *sharedParts) render(name string, data any) (template.HTML, error) {
	p, ok := data.(*Page)
	if !ok || p == nil {
		return s.execute(name, data)
	}
	var key strings.Builder
	key.WriteString(name)
	for _, r := range s.roots[name] {
		key.WriteString("\x00" + pageKeys[r](p))
	}
	if html, ok := s.cache.Load(key.String()); ok {
		return html.(template.HTML), nil
	}
	html, err := s.execute(name, data)
	if err == nil && s.count.Add(1) <= maxShared {
		s.cache.Store(key.String(), html)
	}
	return html, err
}

// partial is a partial's bytes for data: shared when the partial is,
// else executed.
func (s *sharedParts) partial(name string, data any) (template.HTML, error) {
	if s.roots[name] != nil {
		return s.render(name, data)
	}
	html, err := s.execute(name, data)
	if err != nil {
		return "", templateError(err)
	}
	return html, nil
}

// refuse is a writer that accepts nothing.
type refuse struct{}

func (refuse) Write([]byte) (int, error) { return 0, errRefused }

var errRefused = errors.New("refused")

func (s *sharedParts) execute(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := s.set.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// shareParts makes the calls of set's shared partials, where a layout
// passes them its page in HTML text, calls of sharedFunc. It runs before
// any page is rendered with the set. A set it cannot analyse is left as
// it is.
func shareParts(set *template.Template) *sharedParts {
	s := &sharedParts{set: set, roots: map[string][]string{}}
	set.Funcs(template.FuncMap{sharedFunc: s.render})
	// html/template escapes a set when it is first executed, and
	// rewrites its trees then; the calls are replaced in the escaped
	// trees, which are final. Executing into a writer that refuses the
	// first byte stops right after escaping.
	// Anything else, such as an escaping error, leaves the set as it is.
	if !errors.Is(set.ExecuteTemplate(refuse{}, "base.html", nil), errRefused) {
		return s
	}
	for _, t := range set.Templates() {
		if !strings.HasPrefix(t.Name(), "partials/") || t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		roots := map[string]bool{}
		if !readsOnly(t.Tree.Root, true, roots) {
			continue
		}
		names := make([]string, 0, len(roots))
		shared := true
		for r := range roots {
			if pageKeys[r] == nil {
				shared = false
			}
			names = append(names, r)
		}
		if shared {
			sort.Strings(names)
			s.roots[t.Name()] = names
		}
	}
	if len(s.roots) == 0 {
		return s
	}
	for _, t := range set.Templates() {
		if t.Tree != nil && t.Tree.Root != nil {
			s.rewrite(t.Tree, t.Tree.Root)
		}
	}
	return s
}

// rewrite replaces, under n, each {{template "partial" .}} of a shared
// partial by {{_newsgen_shared "partial" .}}. Escaping left the name of a
// partial called in HTML text as it is, and gave those called in any
// other context a name of their own, which are left alone.
func (s *sharedParts) rewrite(tree *parse.Tree, n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for i, c := range n.Nodes {
			if t, ok := c.(*parse.TemplateNode); ok && s.roots[t.Name] != nil && isDot(t.Pipe) {
				n.Nodes[i] = s.call(tree, t)
				continue
			}
			s.rewrite(tree, c)
		}
	case *parse.IfNode:
		s.rewrite(tree, n.List)
		s.rewrite(tree, n.ElseList)
	case *parse.RangeNode:
		s.rewrite(tree, n.List)
		s.rewrite(tree, n.ElseList)
	case *parse.WithNode:
		s.rewrite(tree, n.List)
		s.rewrite(tree, n.ElseList)
	}
}

// call is the action that prints a shared partial in place of t.
func (s *sharedParts) call(tree *parse.Tree, t *parse.TemplateNode) parse.Node {
	cmd := &parse.CommandNode{NodeType: parse.NodeCommand, Pos: t.Pos, Args: []parse.Node{
		parse.NewIdentifier(sharedFunc).SetTree(tree).SetPos(t.Pos),
		&parse.StringNode{NodeType: parse.NodeString, Pos: t.Pos, Quoted: strconv.Quote(t.Name), Text: t.Name},
		t.Pipe.Cmds[0].Args[0],
	}}
	pipe := &parse.PipeNode{NodeType: parse.NodePipe, Pos: t.Pos, Line: t.Line, Cmds: []*parse.CommandNode{cmd}}
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: t.Pos, Line: t.Line, Pipe: pipe}
}

func isDot(p *parse.PipeNode) bool {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return false
	}
	_, ok := p.Cmds[0].Args[0].(*parse.DotNode)
	return ok
}

// readsOnly adds to roots the fields of the page that n reads, where dot
// is the page when dotIsPage, and reports false when n uses the page
// whole (passes it on, stores it) or holds a node it does not know.
func readsOnly(n parse.Node, dotIsPage bool, roots map[string]bool) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *parse.ListNode:
		if n == nil {
			return true
		}
		for _, c := range n.Nodes {
			if !readsOnly(c, dotIsPage, roots) {
				return false
			}
		}
		return true
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode,
		*parse.IdentifierNode, *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
		return true
	case *parse.ActionNode:
		return readsOnly(n.Pipe, dotIsPage, roots)
	case *parse.TemplateNode:
		// The called template sees only its argument: as $ and as dot.
		return n.Pipe == nil || readsOnly(n.Pipe, dotIsPage, roots)
	case *parse.IfNode:
		return readsOnly(n.Pipe, dotIsPage, roots) && readsOnly(n.List, dotIsPage, roots) && readsOnly(n.ElseList, dotIsPage, roots)
	case *parse.RangeNode:
		return readsOnly(n.Pipe, dotIsPage, roots) && readsOnly(n.List, false, roots) && readsOnly(n.ElseList, dotIsPage, roots)
	case *parse.WithNode:
		return readsOnly(n.Pipe, dotIsPage, roots) && readsOnly(n.List, false, roots) && readsOnly(n.ElseList, dotIsPage, roots)
	case *parse.PipeNode:
		if n == nil {
			return true
		}
		for _, c := range n.Cmds {
			for _, a := range c.Args {
				if !readsOnly(a, dotIsPage, roots) {
					return false
				}
			}
		}
		return true
	case *parse.DotNode:
		return !dotIsPage
	case *parse.FieldNode:
		if dotIsPage {
			roots[n.Ident[0]] = true
		}
		return true
	case *parse.VariableNode:
		// $ is the page wherever dot is.
		if n.Ident[0] != "$" {
			return true
		}
		if len(n.Ident) == 1 {
			return false
		}
		roots[n.Ident[1]] = true
		return true
	case *parse.ChainNode:
		return readsOnly(n.Node, dotIsPage, roots)
	}
	return false
}
