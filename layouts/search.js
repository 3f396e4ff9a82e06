// newsgen's search client: it reads the index that `newsgen build` writes
// under search/ (generator/search/FORMAT.md is the contract) and runs the
// same query logic as the Go reader, fetching only the files a query
// needs. It has no dependencies and runs in any current browser.

// ---- Text to terms (FORMAT.md section 9) ----------------------------------

const maxTokenBytes = 64;
const wordRun = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const encoder = new TextEncoder();

// normalize folds text for matching: NFKD, combining marks dropped, lower
// case, final sigma as sigma.
export function normalize(s) {
  return s.normalize("NFKD").replace(/\p{Mn}/gu, "").toLowerCase().replace(/ς/g, "σ");
}

// tokens returns the tokens of normalized text with their positions;
// tokens too long to index are skipped but take a position.
function tokens(s) {
  const out = [];
  let pos = 0;
  for (const m of s.matchAll(wordRun)) {
    const tok = m[0].replace(/['’]/g, "");
    if (encoder.encode(tok).length <= maxTokenBytes) out.push([tok, pos]);
    pos++;
  }
  return out;
}

// terms returns the terms of a text, in order.
export function terms(s) {
  return tokens(normalize(s)).map(([t]) => stem(t));
}

// ---- The stemmer (section 10) ---------------------------------------------

const strippable = (rest) => rest.length >= 3 && /[aeiouy]/.test(rest);

export function stem(w) {
  if (w.length < 4 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies") && w.length >= 5) w = w.slice(0, -3) + "y";
  else if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) { /* kept */ }
  else if (w.endsWith("s")) w = w.slice(0, -1);
  let stripped = false;
  if (w.endsWith("eed")) {
    if (w.length >= 5) w = w.slice(0, -1);
  } else if (w.endsWith("ing") && strippable(w.slice(0, -3))) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith("ed") && strippable(w.slice(0, -2))) {
    w = w.slice(0, -2);
    stripped = true;
  }
  if (stripped) {
    const n = w.length, last = w[n - 1];
    if (n >= 4 && last === w[n - 2] && !"aeioulsz".includes(last)) w = w.slice(0, -1);
    else if (last === "i") w = w.slice(0, -1) + "y";
  }
  if (w.length >= 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

// ---- Queries (section 11) -------------------------------------------------

// parse splits a query into words: {terms: [t]} for a plain word,
// {terms: [t, u, …], phrase: true} for a phrase; the last plain word,
// when it may still be being typed, also has prefix: its normalized form.
export function parse(q) {
  const words = [];
  let last = -1;
  q.split(/["“”]/).forEach((text, k) => {
    const ts = tokens(normalize(text)).map(([t]) => t);
    if (k % 2 === 1 && ts.length > 1) {
      words.push({ terms: ts.map(stem), phrase: true });
      last = -1;
      return;
    }
    for (const t of ts) {
      words.push({ terms: [stem(t)], norm: t });
      last = words.length - 1;
    }
  });
  const w = words[last];
  if (w && last === words.length - 1 && !/\s$/u.test(q) && [...w.norm].length >= 3) w.prefix = w.norm;
  const seen = new Set();
  return words.filter((w) => {
    const key = JSON.stringify([!!w.phrase, w.prefix ?? null, w.terms]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---- Reading the index (sections 1 to 7) ----------------------------------

// fnv1a32 is 32-bit FNV-1a over the UTF-8 bytes of s.
function fnv1a32(s) {
  let h = 0x811c9dc5;
  for (const b of encoder.encode(s)) {
    h = Math.imul(h ^ b, 16777619) >>> 0;
  }
  return h >>> 0;
}

const split = (n) => `${n >> 8}/${n & 255}`;

function fileName(term) {
  if (/^[a-z0-9]+$/.test(term)) return term;
  return "x" + Array.from(encoder.encode(term), (b) => b.toString(16).padStart(2, "0")).join("");
}

// Reader decodes the binary files: uvarints, strings and bytes.
class Reader {
  constructor(bytes) {
    this.b = bytes;
    this.i = 0;
  }
  uv() {
    let v = 0, mul = 1, c;
    do {
      c = this.b[this.i++];
      v += (c & 127) * mul;
      mul *= 128;
    } while (c & 128);
    return v;
  }
  byte() {
    return this.b[this.i++];
  }
  str() {
    const n = this.uv();
    const s = decoder.decode(this.b.subarray(this.i, this.i + n));
    this.i += n;
    return s;
  }
}
const decoder = new TextDecoder();

// postings reads n postings, newest first (section 4.1).
function readPostings(r, n) {
  const ids = new Array(n), imps = new Uint8Array(n), secs = new Array(n);
  let prev = 0;
  for (let k = 0; k < n; k++) {
    const v = r.uv();
    prev = k === 0 ? v : prev - v - 1;
    ids[k] = prev;
    imps[k] = r.byte();
    secs[k] = r.uv();
  }
  return { ids, imps, secs };
}

// readPositions reads n lists of positions, one per posting.
function readPositions(r, n) {
  const out = new Array(n);
  for (let k = 0; k < n; k++) {
    const c = r.uv(), ps = new Array(c);
    let p = 0;
    for (let j = 0; j < c; j++) {
      p = j === 0 ? r.uv() : p + r.uv();
      ps[j] = p;
    }
    out[k] = ps;
  }
  return out;
}

// open returns the index published at base, the address of its folder
// ending in "/". Files are fetched once and kept.
export function open(base) {
  const files = new Map();
  const fetchFile = (path, json) => {
    let p = files.get(path);
    if (!p) {
      p = fetch(base + path).then((res) => {
        if (!res.ok) throw new Error(`${path}: ${res.status} ${res.statusText}`);
        return json ? res.json() : res.arrayBuffer().then((b) => new Uint8Array(b));
      });
      files.set(path, p);
      p.catch(() => files.delete(path));
    }
    return p;
  };
  let manifest;
  const getManifest = () => (manifest ||= fetchFile("index.json", true));
  const shards = new Map();

  // shard returns shard s decoded: its terms and completions.
  async function shard(man, s) {
    let p = shards.get(s);
    if (!p) {
      p = fetchFile(`t/${split(s)}.bin`).then((b) => decodeShard(man, b));
      shards.set(s, p);
    }
    return p;
  }

  // term returns what the index knows of term t: df, tails, counts and
  // its postings known so far, as a map from id to [impact, section]
  // plus lo, the lowest id known (0 once all are).
  const termInfo = new Map();
  async function term(man, t) {
    let p = termInfo.get(t);
    if (!p) {
      p = (async () => {
        const s = fnv1a32(t) % man.shards;
        const sh = await shard(man, s);
        const e = sh.terms.get(t);
        const info = { t, s, df: 0, tails: 0, next: -1, lo: 0, post: new Map(), pos: null, blocks: [] };
        if (!e) return info;
        Object.assign(info, { df: e.df, tails: e.tails, secCounts: e.secCounts, yearCounts: e.yearCounts, next: e.tails - 1 });
        addBlock(info, e.post, { kind: "head", index: e.index });
        info.lo = e.tails > 0 ? e.post.ids[e.post.ids.length - 1] : 0;
        return info;
      })();
      termInfo.set(t, p);
    }
    return p;
  }

  function addBlock(info, post, source) {
    for (let k = 0; k < post.ids.length; k++) info.post.set(post.ids[k], [post.imps[k], post.secs[k]]);
    info.blocks.push({ ids: post.ids, source, positions: null });
  }

  // older fetches the next older tail block of a term.
  async function older(info) {
    const k = info.next;
    const b = await fetchFile(`p/${split(info.s)}/${fileName(info.t)}.${k}.bin`);
    const r = new Reader(b);
    const post = readPostings(r, r.uv());
    addBlock(info, post, { kind: "tail", k });
    info.next = k - 1;
    info.lo = info.next < 0 ? 0 : post.ids[post.ids.length - 1];
  }

  // positions returns the positions of a term in article id, fetching the
  // position files of the blocks that hold it.
  async function positionsOf(man, info, id) {
    if (!info.post.has(id)) return null;
    for (const blk of info.blocks) {
      const at = blk.ids.indexOf(id);
      if (at < 0) continue;
      if (!blk.positions) {
        blk.positions = blk.source.kind === "head"
          ? headPositions(man, info, blk)
          : fetchFile(`p/${split(info.s)}/${fileName(info.t)}.${blk.source.k}.pos.bin`)
            .then((b) => readPositions(new Reader(b), blk.ids.length));
      }
      return (await blk.positions)[at];
    }
    return null;
  }

  async function headPositions(man, info, blk) {
    const b = await fetchFile(`x/${split(info.s)}.bin`);
    const r = new Reader(b);
    for (let k = 0; k < blk.source.index; k++) {
      const n = r.uv();
      r.i += n;
    }
    r.uv();
    return readPositions(r, blk.ids.length);
  }

  async function completions(man, prefix) {
    const sh = await shard(man, fnv1a32(prefix) % man.shards);
    return sh.completions.get(prefix) || [];
  }

  // meta returns the metadata of article id.
  async function meta(man, id) {
    const chunk = await fetchFile(`m/${split(Math.floor(id / man.chunk))}.json`, true);
    const [path, title, date, sec, summary] = chunk[id % man.chunk];
    const s = man.sections[sec];
    return { id, path, title, date, section: s ? s[0] : "", sectionName: s ? s[1] : "", summary };
  }

  return {
    // query runs q with options {section, year, sort, offset, limit}.
    async query(q, opts = {}) {
      const man = await getManifest();
      return run(man, q, opts, { term, older, positionsOf, completions, meta });
    },
    // docs returns the metadata of the articles ids, in order.
    async docs(ids) {
      const man = await getManifest();
      return Promise.all(ids.map((id) => meta(man, id)));
    },
  };
}

function decodeShard(man, b) {
  const r = new Reader(b);
  const nSec = man.sections.length + 1, nYears = man.years.length;
  const terms = new Map();
  const T = r.uv();
  for (let i = 0; i < T; i++) {
    const t = r.str();
    const df = r.uv(), tails = r.uv();
    let secCounts = null, yearCounts = null;
    if (tails > 0) {
      secCounts = [];
      for (let k = 0; k < nSec; k++) secCounts.push(r.uv());
      yearCounts = [];
      for (let k = 0; k < nYears; k++) yearCounts.push(r.uv());
    }
    const post = readPostings(r, r.uv());
    terms.set(t, { df, tails, secCounts, yearCounts, post, index: i });
  }
  const completions = new Map();
  const P = r.uv();
  for (let i = 0; i < P; i++) {
    const p = r.str(), k = r.uv(), ts = [];
    for (let j = 0; j < k; j++) ts.push(r.str());
    completions.set(p, ts);
  }
  return { terms, completions };
}

// ---- The query logic (sections 8 and 11) ----------------------------------

function idf(n, df) {
  return Math.round(1000 * Math.log(1 + (n - df + 0.5) / (df + 0.5)));
}

// yearOf returns the year of article id: ids follow dates.
function yearOf(man, id) {
  let y = man.years[0][0];
  for (const [year, first] of man.years) {
    if (first > id) break;
    y = year;
  }
  return y;
}

async function run(man, q, opts, ix) {
  const offset = opts.offset || 0, limit = opts.limit ?? 10;
  const empty = { total: 0, fallback: false, since: "", ids: [], facets: { section: [], year: [] }, words: [] };
  const words = parse(q);
  if (!words.length) return empty;
  // Every word's terms, with a prefix word's completions.
  for (const w of words) {
    if (w.prefix !== undefined) {
      const more = await ix.completions(man, w.prefix);
      w.terms = [...new Set([...w.terms, ...more])];
    }
    w.infos = await Promise.all(w.terms.map((t) => ix.term(man, t)));
  }
  const all = [...new Set(words.flatMap((w) => w.infos))];
  const secFilter = opts.section ? man.sections.findIndex(([slug]) => slug === opts.section) : -1;
  if (opts.section && secFilter < 0) return { ...empty, words };
  const year = opts.year ? Number(opts.year) : 0;
  const passes = (id, sec) => (secFilter < 0 || sec === secFilter) && (!year || yearOf(man, id) === year);

  let lo, and, ok;
  for (;;) {
    lo = Math.max(0, ...all.map((i) => i.lo));
    and = await matches(man, words, lo, true, ix);
    ok = and.filter((m) => passes(m.id, m.sec));
    if (ok.length >= offset + limit || lo === 0) break;
    await Promise.all(all.filter((i) => i.lo === lo).map((i) => ix.older(i)));
  }
  let found = and, fallback = false;
  if (and.length === 0 && words.length > 1) {
    found = await matches(man, words, 0, false, ix);
    fallback = found.length > 0;
  }
  const hits = found.filter((m) => passes(m.id, m.sec));
  if (opts.sort === "date") hits.sort((a, b) => b.id - a.id);
  else hits.sort((a, b) => b.score - a.score || b.id - a.id);

  // Counts: exact, from the dictionary, or over the window.
  const secCounts = new Array(man.sections.length + 1).fill(0);
  const yearCounts = new Array(man.years.length).fill(0);
  let total = hits.length, since = "";
  const single = words.length === 1 && !words[0].phrase && words[0].prefix === undefined;
  if (lo > 0 && single) {
    const info = words[0].infos[0];
    info.secCounts.forEach((n, k) => (secCounts[k] = n));
    info.yearCounts.forEach((n, k) => (yearCounts[k] = n));
    if (!(secFilter >= 0 && year)) {
      total = secFilter >= 0 ? info.secCounts[secFilter]
        : year ? info.yearCounts[man.years.findIndex(([y]) => y === year)] ?? 0 : info.df;
    }
  } else {
    for (const m of found) {
      secCounts[m.sec]++;
      yearCounts[man.years.findIndex(([y]) => y === yearOf(man, m.id))]++;
    }
    if (lo > 0) since = (await ix.meta(man, lo)).date;
  }
  return {
    total, fallback, since, words,
    ids: hits.slice(offset, offset + limit).map((m) => m.id),
    facets: {
      section: secCounts.flatMap((n, k) => (n > 0 && k < man.sections.length ? [[man.sections[k][0], n]] : [])),
      year: yearCounts.flatMap((n, k) => (n > 0 ? [[man.years[k][0], n]] : [])),
    },
  };
}

// matches returns the articles with ids >= lo that match every word (all)
// or any word, with their scores and sections.
async function matches(man, words, lo, all, ix) {
  const per = [];
  for (const w of words) per.push(await wordMatches(man, w, lo, ix));
  let ids;
  if (all) {
    const [first, ...rest] = [...per].sort((a, b) => a.size - b.size);
    ids = [...first.keys()].filter((id) => rest.every((m) => m.has(id)));
  } else {
    ids = [...new Set(per.flatMap((m) => [...m.keys()]))];
  }
  return ids.map((id) => {
    let score = 0, sec = 0;
    for (const m of per) {
      const v = m.get(id);
      if (v) {
        score += v[0];
        sec = v[1];
      }
    }
    return { id, score, sec };
  });
}

// wordMatches maps each article >= lo that matches word w to its score
// for the word and its section.
async function wordMatches(man, w, lo, ix) {
  const out = new Map();
  if (!w.phrase) {
    for (const info of w.infos) {
      const weight = idf(man.docs, info.df);
      for (const [id, [imp, sec]] of info.post) {
        if (id < lo) continue;
        const s = weight * imp, v = out.get(id);
        if (!v || s > v[0]) out.set(id, [s, sec]);
      }
    }
    return out;
  }
  const [first, ...rest] = w.infos;
  const weights = w.infos.map((i) => idf(man.docs, i.df));
  for (const [id, [, sec]] of first.post) {
    if (id < lo || !rest.every((i) => i.post.has(id))) continue;
    const lists = await Promise.all(w.infos.map((i) => ix.positionsOf(man, i, id)));
    const sets = lists.map((l) => new Set(l));
    if (!lists[0].some((p) => sets.every((s, k) => s.has(p + k)))) continue;
    let score = 0;
    w.infos.forEach((i, k) => (score += weights[k] * i.post.get(id)[0]));
    out.set(id, [score, sec]);
  }
  return out;
}

// ---- The search page ----------------------------------------------------
//
// The page keeps its state in the address: ?q=…&section=…&year=…&sort=date.
// A new search, a filter or an order is a new history entry, so results
// can be linked to and Back and Forward step through them. Results are
// drawn with DOM nodes only: index text is never parsed as markup.

const pageSize = 10;
const months = ["January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"];

const app = typeof document === "object" && document.getElementById("search-app");
if (app) startPage(app);

function startPage(app) {
  const $ = (id) => document.getElementById(id);
  const form = $("search-form"), input = $("search-q"), status = $("search-status");
  const tools = $("search-tools"), sortSelect = $("search-sort"), facets = $("search-facets");
  const list = $("search-results"), more = $("search-more");
  const root = app.dataset.base;
  const index = open(app.dataset.index);
  // Section names, from the links the page gives readers without
  // JavaScript.
  const sectionNames = new Map();
  for (const a of document.querySelectorAll("#search-nojs [data-section]")) {
    sectionNames.set(a.dataset.section, a.textContent);
  }
  $("search-nojs").hidden = true;
  app.hidden = false;

  const baseTitle = document.title;
  let state = readState(), result = null, shown = 0, drawing = 0;

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    go({ q: input.value.trim(), section: "", year: "", sort: state.sort });
  });
  sortSelect.addEventListener("change", () => go({ ...state, sort: sortSelect.value }));
  facets.addEventListener("click", (ev) => {
    const b = ev.target.closest("button[data-facet]");
    if (!b) return;
    const key = b.dataset.facet, value = b.getAttribute("aria-pressed") === "true" ? "" : b.dataset.value;
    go({ ...state, [key]: value });
  });
  more.addEventListener("click", () => draw(shown, pageSize, true));
  window.addEventListener("popstate", () => {
    state = readState();
    draw(0, Math.max(pageSize, (history.state && history.state.shown) || 0));
  });
  draw(0, Math.max(pageSize, (history.state && history.state.shown) || 0));

  // go makes s the page's state, as a new history entry.
  function go(s) {
    state = s;
    history.pushState(null, "", addressOf(s));
    draw(0, pageSize);
  }

  // draw runs the state's query for count results from offset on and
  // shows them: a new list from offset 0, more of the list after it. From
  // the More button, the focus moves to the first new result.
  async function draw(offset, count, fromButton) {
    const ticket = ++drawing;
    input.value = state.q;
    sortSelect.value = state.sort;
    document.title = state.q ? `${state.q} · ${baseTitle}` : baseTitle;
    if (!state.q) {
      tools.hidden = true;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "Type the words to look for, then press Enter.";
      return;
    }
    if (offset === 0) status.textContent = "Searching…";
    let r, docs;
    try {
      r = await index.query(state.q, { section: state.section, year: state.year, sort: state.sort, offset, limit: count });
      docs = await index.docs(r.ids);
    } catch (err) {
      if (ticket === drawing) status.textContent = `Search failed: ${err.message}`;
      return;
    }
    if (ticket !== drawing) return;
    result = r;
    if (offset === 0) list.replaceChildren();
    const first = list.children.length;
    list.append(...docs.map(teaser));
    shown = offset + docs.length;
    more.hidden = docs.length < count || (!r.since && shown >= r.total);
    drawFacets(r);
    tools.hidden = r.total === 0 && !state.section && !state.year && !r.fallback;
    status.textContent = describe(r);
    history.replaceState({ shown }, "");
    if (fromButton && list.children[first]) list.children[first].querySelector(".teaser-title a").focus();
    performance.mark("search:drawn");
  }

  function describe(r) {
    const n = (k, one, many) => `${k.toLocaleString("en")} ${k === 1 ? one : many}`;
    const filters = [state.section && (sectionNames.get(state.section) || state.section), state.year].filter(Boolean);
    const where = filters.length ? ` in ${filters.join(", ")}` : "";
    if (r.fallback) {
      return `No article has all of the words “${state.q}”${where}. ${n(r.total, "article has", "articles have")} some of them.`;
    }
    if (r.total === 0) return `No articles match “${state.q}”${where}.`;
    const since = r.since ? ` since ${longDate(r.since)}` : "";
    return `${n(r.total, "article matches", "articles match")} “${state.q}”${where}${since}.`;
  }

  function drawFacets(r) {
    facets.replaceChildren(
      facetGroup("Section", "section", r.facets.section.map(([slug, k]) => [slug, sectionNames.get(slug) || slug, k])),
      facetGroup("Year", "year", r.facets.year.map(([y, k]) => [String(y), String(y), k])),
    );
  }

  function facetGroup(title, key, values) {
    const group = el("div", "search-facet");
    const id = `facet-${key}`;
    const h = el("h2", "", title);
    h.id = id;
    const ul = el("ul");
    ul.setAttribute("aria-labelledby", id);
    for (const [value, name, count] of values) {
      const b = el("button", "", `${name} `);
      b.type = "button";
      b.dataset.facet = key;
      b.dataset.value = value;
      b.setAttribute("aria-pressed", String(state[key] === value));
      b.append(el("span", "count", `(${count.toLocaleString("en")})`));
      const li = el("li");
      li.append(b);
      ul.append(li);
    }
    group.append(h, ul);
    return group;
  }

  // teaser draws one result as the archive's teasers look.
  function teaser(d) {
    const art = el("article", "teaser");
    const meta = el("p", "teaser-meta");
    if (d.section) {
      const kicker = el("a", "kicker", d.sectionName || sectionNames.get(d.section) || d.section);
      kicker.href = `${root}category/${d.section}/`;
      meta.append(kicker, " ");
    }
    const time = el("time", "", longDate(d.date));
    time.dateTime = d.date;
    meta.append(time);
    const h = el("h2", "teaser-title");
    const a = el("a");
    a.href = root + d.path;
    highlight(a, d.title, result.words);
    h.append(a);
    art.append(meta, h);
    if (d.summary) {
      const p = el("p", "teaser-summary");
      highlight(p, d.summary, result.words);
      art.append(p);
    }
    return art;
  }
}

function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: (p.get("q") || "").trim(), section: p.get("section") || "", year: p.get("year") || "",
    sort: p.get("sort") === "date" ? "date" : "",
  };
}

function addressOf(s) {
  const p = new URLSearchParams();
  for (const k of ["q", "section", "year", "sort"]) if (s[k]) p.set(k, s[k]);
  return `${location.pathname}?${p}`;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

// longDate writes an ISO day as the archive's pages do: "May 4, 2026".
function longDate(iso) {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${months[m - 1]} ${d}, ${y}`;
}

// highlight appends text to parent, with the words that match the
// query's words in <mark>: text nodes and elements only.
function highlight(parent, text, words) {
  let last = 0;
  for (const [start, end] of matchSpans(text, words)) {
    if (start > last) parent.append(text.slice(last, start));
    parent.append(el("mark", "", text.slice(start, end)));
    last = end;
  }
  if (last < text.length) parent.append(text.slice(last));
}

// matchSpans returns where in text the runs of word characters are whose
// terms the query's words match: a term of any word, or for the word
// being typed, a token it starts.
export function matchSpans(text, words) {
  const wanted = new Set(words.flatMap((w) => w.terms));
  const prefixes = words.flatMap((w) => (w.prefix ? [w.prefix] : []));
  const spans = [];
  for (const m of text.matchAll(wordRun)) {
    const hit = tokens(normalize(m[0])).some(([t]) => wanted.has(stem(t)) || prefixes.some((p) => t.startsWith(p)));
    if (hit) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}
