package serve

import (
	"bytes"
	"strings"
)

// script is the live-reload client added to HTML pages. An "error" event
// from the server carries data; the EventSource's own "error" (the
// connection dropped, and it retries) has none and is ignored. The
// message is set as text, never as HTML.
var script = strings.ReplaceAll(`<script>(function () {
  var box = null;
  function hide() { if (box) { box.remove(); box = null; } }
  function show(msg) {
    hide();
    box = document.createElement("div");
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-label", "Build error");
    box.tabIndex = -1;
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2em;" +
      "background:rgba(40,0,0,.94);color:#fff;font:16px/1.4 system-ui,sans-serif";
    var title = document.createElement("p");
    title.textContent = "The site failed to build:";
    var pre = document.createElement("pre");
    pre.style.cssText = "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap";
    pre.textContent = msg;
    box.append(title, pre);
    document.body.appendChild(box);
    box.focus();
  }
  // restyle takes the stylesheets the rebuilt page links (their names
  // carry a hash of their bytes, so a changed stylesheet has a new name)
  // and swaps them in without reloading the page.
  function restyle() {
    fetch(location.href, {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelectorAll('link[rel~="stylesheet" i]');
      var links = document.querySelectorAll('link[rel~="stylesheet" i]');
      if (fresh.length !== links.length) { location.reload(); return; }
      links.forEach(function (link, i) {
        var u = new URL(fresh[i].getAttribute("href"), location.href);
        u.searchParams.set("newsgen-reload", Date.now());
        link.href = u.href;
      });
    }).catch(function () { location.reload(); });
  }
  var es = new EventSource("EVENTS");
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("css", restyle);
  es.addEventListener("error", function (e) { if (typeof e.data === "string") show(e.data); });
  es.addEventListener("ok", hide);
})();</script>
`, "EVENTS", EventsPath)

// inject returns page with the script added before its last </body>, or
// at its end when it has none.
func inject(page []byte) []byte {
	i := lastBodyEnd(page)
	out := make([]byte, 0, len(page)+len(script))
	out = append(out, page[:i]...)
	out = append(out, script...)
	return append(out, page[i:]...)
}

// lastBodyEnd returns where the last </body>, in any case, starts, or the
// page's length when there is none.
func lastBodyEnd(page []byte) int {
	const tag = "</body>"
	for i := len(page) - len(tag); i >= 0; i-- {
		if page[i] == '<' && bytes.EqualFold(page[i:i+len(tag)], []byte(tag)) {
			return i
		}
	}
	return len(page)
}
