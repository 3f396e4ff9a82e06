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

const plainWord = 0, prefixWord = 1, phraseWord = 2;
const minPrefix = 3;
const isQuote = (c) => c === "\"" || c === "“" || c === "”";

// parse splits a query into words: {kind, terms, typed}. Only while the
// reader types is the last word a prefix, its normalized form in typed.
export function parse(q, typing) {
  const words = [], seen = new Set();
  const add = (w) => {
    const key = w.kind + w.terms.join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    words.push(w);
    return true;
  };
  let lastPlain = -1, lastTyped = "", inQuote = false, seg = "";
  const flush = () => {
    const toks = tokens(normalize(seg)).map(([t]) => t);
    seg = "";
    if (inQuote) {
      const ts = toks.map(stem);
      if (ts.length === 1) add({ kind: plainWord, terms: ts });
      else if (ts.length > 1) add({ kind: phraseWord, terms: ts });
      lastPlain = -1;
      return;
    }
    for (const tok of toks) {
      lastPlain = -1;
      lastTyped = tok;
      if (add({ kind: plainWord, terms: [stem(tok)] })) lastPlain = words.length - 1;
    }
  };
  for (const c of q) {
    if (isQuote(c)) {
      flush();
      inQuote = !inQuote;
    } else {
      seg += c;
    }
  }
  const endsOpen = inQuote;
  flush();
  const last = [...q].pop() || "";
  if (typing && lastPlain >= 0 && !endsOpen && !/^\s$/u.test(last) && !isQuote(last) &&
      [...lastTyped].length >= minPrefix && lastPlain === words.length - 1) {
    words[lastPlain].kind = prefixWord;
    words[lastPlain].typed = lastTyped;
  }
  return words;
}

// ---- Reading the index (sections 1 to 7) ----------------------------------

// fnv1a32 is 32-bit FNV-1a over the UTF-8 bytes of s.
function fnv1a32(s) {
  let h = 0x811c9dc5;
  for (const b of encoder.encode(s)) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h;
}

const split = (n) => `${n >> 8}/${n & 255}`;

function fileName(term) {
  if (/^[a-z0-9]+$/.test(term)) return term;
  return "x" + Array.from(encoder.encode(term), (b) => b.toString(16).padStart(2, "0")).join("");
}

const decoder = new TextDecoder();

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
  skip() {
    while (this.b[this.i++] & 128);
  }
  str() {
    const n = this.uv();
    return decoder.decode(this.b.subarray(this.i, (this.i += n)));
  }
}

// readPostings appends n postings, newest first (section 4.1), to a
// term's known postings; sections is the count of section numbers.
function readPostings(r, n, t, sections) {
  let id = 0;
  for (let k = 0; k < n; k++) {
    const v = r.uv(), gap = Math.floor(v / sections);
    id = k === 0 ? gap : id - gap - 1;
    t.ids.push(id);
    t.secs.push(v % sections);
    t.imps.push(r.byte());
  }
}

// stopTerms are the stems of the commonest function words: the index
// keeps no positions for them, and phrases only ask that they be there.
const stopTerms = new Set(["a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
  "hav", "he", "her", "his", "in", "is", "it", "its", "not", "of", "on", "or", "said", "she", "that", "the", "their",
  "they", "this", "to", "was", "wer", "which", "who", "will", "with", "would"]);

// readPositions reads the positions of postings from..to of term t.
function readPositions(r, t, from, to) {
  for (let k = from; k < to; k++) {
    const n = r.uv(), ps = new Array(n);
    let p = 0;
    for (let j = 0; j < n; j++) ps[j] = p += r.uv();
    t.positions.set(t.ids[k], ps);
  }
}

// lo is the oldest id from which a term's postings are all known.
const lo = (t) => (t.next < 0 || t.ids.length === 0 ? 0 : t.ids[t.ids.length - 1]);

// open returns the index published at base, the address of its folder
// ending in "/". It reads files as the Go reader does: only those a query
// needs, each once.
export function open(base) {
  const files = new Map(), shards = new Map(), metas = new Map(), looked = new Map();
  let recentPos;
  const ix = { fetched: [] };
  const fetchFile = (name, json) => {
    let p = files.get(name);
    if (!p) {
      ix.fetched.push(name);
      p = fetch(base + name).then(async (res) => {
        if (!res.ok) throw new Error(`search/${name}: ${res.status} ${res.statusText}`);
        if (!name.endsWith(".bin")) return res.json();
        // .bin files are stored gzipped and served as they are.
        const plain = new Response(res.body.pipeThrough(new DecompressionStream("gzip")));
        return json ? plain.json() : new Uint8Array(await plain.arrayBuffer());
      });
      files.set(name, p);
    }
    return p;
  };
  let manifest;
  const man = () => (manifest ||= fetchFile("index.json", true).then((m) => {
    if (m.version !== 2) throw new Error(`search/index.json: version ${m.version}, want 2`);
    return m;
  }));

  ix.shard = (m, s) => {
    if (!shards.has(s)) shards.set(s, fetchFile(`t/${split(s)}.bin`).then((b) => new Shard(m, s, b)));
    return shards.get(s);
  };
  // term returns a term's entry, its recent postings (section 2.1) before
  // its shard's; null when the archive lacks it.
  ix.term = (m, t) => {
    if (!looked.has(t)) {
      const s = fnv1a32(t) % m.shards;
      looked.set(t, ix.shard(m, s).then((sh) => withRecent(m, sh.term(t), t, s)));
    }
    return looked.get(t);
  };
  ix.completions = async (m, typed) => [
    ...(await ix.shard(m, fnv1a32(typed) % m.shards)).completions(typed), ...recentCompletions(m, typed)];

  // readTail reads a term's next older tail block, and its positions when
  // the term's are in use.
  ix.readTail = async (m, t) => {
    const k = t.next;
    const r = new Reader(await fetchFile(`p/${split(t.shard)}/${fileName(t.term)}.${k}.bin`));
    const from = t.ids.length;
    readPostings(r, r.uv(), t, m.sections.length + 1);
    t.next--;
    if (t.positions) await tailPositions(m, t, k, from);
  };
  const tailPositions = async (m, t, k, from) => {
    const r = new Reader(await fetchFile(`p/${split(t.shard)}/${fileName(t.term)}.${k}.pos.bin`));
    readPositions(r, t, from, from + m.block);
  };

  // loadPositions reads the positions of every known posting of t.
  ix.loadPositions = async (m, t) => {
    if (t.positions) return;
    t.positions = new Map();
    if (t.recent > 0) {
      recentPos ||= fetchFile("r.bin").then((b) => {
        const r = new Reader(b), byTerm = new Map();
        for (let i = 0, T = r.uv(); i < T; i++) {
          const name = r.str(), n = r.uv();
          byTerm.set(name, b.subarray(r.i, (r.i += n)));
        }
        return byTerm;
      });
      readPositions(new Reader((await recentPos).get(t.term)), t, 0, t.recent);
    }
    if (t.index < 0) return;
    const r = new Reader(await fetchFile(`x/${split(t.shard)}.bin`));
    const headLen = t.ids.length - t.recent - (t.tails - 1 - t.next) * m.block;
    for (let k = 0; k < t.index; k++) {
      const n = r.uv();
      r.i += n;
    }
    const n = r.uv();
    readPositions(new Reader(r.b.subarray(r.i, r.i + n)), t, t.recent, t.recent + headLen);
    let start = t.recent + headLen;
    for (let k = t.tails - 1; k > t.next; k--) {
      await tailPositions(m, t, k, start);
      start += m.block;
    }
  };

  // hit returns a result with its article's metadata.
  ix.hit = async (m, id, score) => {
    const c = Math.floor(id / m.chunk);
    if (id < m.sealed && !metas.has(c)) metas.set(c, fetchFile(`m/${split(c)}.bin`, true));
    const [path, title, date, sec, summary] = id >= m.sealed ? m.recent[id - m.sealed] : (await metas.get(c))[id - c * m.chunk];
    const s = m.sections[sec];
    return { id, score, path, title, date, section: s ? s[0] : "", sectionName: s ? s[1] : "", summary };
  };

  // query answers q with options {section, year, byDate, offset, limit,
  // typing}, as the Go reader's Query does.
  ix.query = async (q, opts = {}) => query(ix, await man(), q, opts);
  return ix;
}

// Shard reads a shard file only as far as a lookup needs: the entry asked
// for is decoded, the others are skipped without making a string or an
// array, which keeps a query's work small beside the download.
class Shard {
  constructor(m, s, b) {
    this.m = m;
    this.s = s;
    this.b = b;
    this.found = new Map();
    this.completionsAt = -1;
  }

  // term returns term t's entry with its head postings, or null.
  term(t) {
    if (this.found.has(t)) return this.found.get(t);
    const want = encoder.encode(t), r = new Reader(this.b);
    const nSec = this.m.sections.length + 1, nYears = this.m.years.length;
    let entry = null;
    const T = r.uv();
    let i = 0;
    for (; i < T; i++) {
      const n = r.uv(), c = compareAt(this.b, r.i, n, want);
      r.i += n;
      if (c > 0) break;
      const df = r.uv(), tails = r.uv();
      if (c === 0) {
        entry = { term: t, shard: this.s, index: i, df, tails, next: tails - 1, recent: 0, ids: [], imps: [], secs: [], positions: null };
        if (tails > 0) {
          entry.secCounts = Array.from({ length: nSec }, () => r.uv());
          entry.yearCounts = Array.from({ length: nYears }, () => r.uv());
        }
        readPostings(r, r.uv(), entry, nSec);
        break;
      }
      if (tails > 0) for (let k = 0; k < nSec + nYears; k++) r.skip();
      for (let k = 0, h = r.uv(); k < h; k++) {
        r.skip();
        r.i++;
      }
    }
    if (i === T) this.completionsAt = r.i;
    this.found.set(t, entry);
    return entry;
  }

  // completions returns the terms completing the typed prefix p; the file
  // holds what follows p in each.
  completions(p) {
    if (this.completionsAt < 0) this.term("\u{10FFFF}");
    const want = encoder.encode(p), r = new Reader(this.b);
    r.i = this.completionsAt;
    for (let i = 0, P = r.uv(); i < P; i++) {
      const n = r.uv(), c = compareAt(this.b, r.i, n, want);
      r.i += n;
      if (c > 0) break;
      const k = r.uv();
      if (c === 0) return Array.from({ length: k }, () => p + r.str());
      for (let j = 0; j < k; j++) {
        const n = r.uv();
        r.i += n;
      }
    }
    return [];
  }
}

// withRecent returns a term's entry with its recent postings, pairs of id
// (from the first recent article) and impact in the manifest, put before
// its shard's postings: a new entry, the shard's stays as it is.
function withRecent(m, t, name, s) {
  const rp = Object.hasOwn(m.postings, name) ? m.postings[name] : [];
  if (!rp.length) return t;
  const e = t ? { ...t, ids: [], imps: [], secs: [] }
    : { term: name, shard: s, index: -1, df: 0, tails: 0, next: -1, ids: [], imps: [], secs: [], positions: null };
  if (e.tails > 0) {
    e.secCounts = [...t.secCounts];
    e.yearCounts = [...t.yearCounts];
  }
  for (let k = 0; k + 1 < rp.length; k += 2) {
    const id = m.sealed + rp[k], sec = m.recent[rp[k]][3];
    e.ids.push(id);
    e.secs.push(sec);
    e.imps.push(rp[k + 1]);
    if (e.tails > 0) {
      e.secCounts[sec]++;
      e.yearCounts[yearIndex(m, id)]++;
    }
  }
  e.recent = e.ids.length;
  e.df += e.recent;
  if (t) {
    e.ids.push(...t.ids);
    e.imps.push(...t.imps);
    e.secs.push(...t.secs);
  }
  return e;
}

// recentCompletions are the recent articles' terms completing the typed
// prefix p: in at least two of them, longer than p, most articles first,
// then byte order; at most two.
function recentCompletions(m, p) {
  return Object.keys(m.postings)
    .filter((t) => m.postings[t].length >= 4 && t.length > p.length && t.startsWith(p))
    .sort((a, b) => m.postings[b].length - m.postings[a].length || byBytes(a, b))
    .slice(0, 2);
}

// compareAt compares the n bytes of b at i with want, as Go compares
// strings.
function compareAt(b, i, n, want) {
  for (let k = 0; k < n && k < want.length; k++) {
    if (b[i + k] !== want[k]) return b[i + k] - want[k];
  }
  return n - want.length;
}

// ---- The query logic (sections 8 and 11) ----------------------------------

// maxRounds bounds the times one query grows its window: words that
// rarely meet never read a common word's every block.
const maxRounds = 4;

function idf(n, df) {
  return Math.round(1000 * Math.log(1 + (n - df + 0.5) / (df + 0.5)));
}

// yearIndex is the entry of the manifest's years that article id is in.
function yearIndex(m, id) {
  let i = -1;
  while (i + 1 < m.years.length && m.years[i + 1][1] <= id) i++;
  return i;
}

// possible says whether some article could match a word at all.
function possible(w) {
  for (const t of w.terms) {
    if (!t && w.kind === phraseWord) return false;
    if (t && w.kind !== phraseWord) return true;
  }
  return w.kind === phraseWord && w.terms.length > 0;
}

async function query(ix, m, q, o) {
  const limit = o.limit > 0 ? o.limit : 10, offset = o.offset || 0;
  const year = Number(o.year) || 0;
  const res = { total: 0, fallback: false, exact: true, window: m.docs, sections: [], years: [], hits: [], terms: [] };
  const words = await resolve(ix, m, parse(q, o.typing));
  if (!words.length) return res;
  res.terms = [...new Set(words.flatMap((w) => w.terms.filter(Boolean).map((t) => t.term)))].sort(byBytes);
  res.typed = words.flatMap((w) => (w.kind === prefixWord ? [w.typed] : []));
  let all = words.every(possible);
  res.fallback = !all && words.length > 1;
  for (let rounds = 0; ; rounds++) {
    const low = Math.max(0, ...words.flatMap((w) => w.terms.filter(Boolean).map(lo)));
    const mt = await match(ix, m, words, low, !all);
    const last = low === 0 || rounds >= maxRounds;
    if (mt.score.size === 0 && all && last && words.length > 1) {
      all = false;
      res.fallback = true;
      continue;
    }
    const hits = filter(m, mt, o, year);
    if (hits.length >= offset + limit || last) {
      res.window = m.docs - low;
      count(m, res, mt, words, hits, low, o, year);
      const page = hits.slice(Math.min(offset, hits.length), offset + limit);
      res.hits = await Promise.all(page.map((id) => ix.hit(m, id, mt.score.get(id))));
      return res;
    }
    for (const w of words) {
      for (const t of w.terms) {
        if (t && t.next >= 0 && lo(t) === low) await ix.readTail(m, t);
      }
    }
  }
}

// byBytes orders strings by their UTF-8 bytes, as Go sorts them.
function byBytes(a, b) {
  const x = encoder.encode(a), y = encoder.encode(b);
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

// resolve looks up the words' terms, with a prefix word's completions.
async function resolve(ix, m, words) {
  const out = [];
  for (const w of words) {
    const names = [...w.terms];
    if (w.kind === prefixWord) {
      for (const c of await ix.completions(m, w.typed)) if (!names.includes(c)) names.push(c);
    }
    const terms = [];
    for (const n of names) terms.push(await ix.term(m, n));
    out.push({ kind: w.kind, typed: w.typed, terms });
  }
  return out;
}

// match scores every article from low on against each word, then keeps
// those matching all words (or any, when any is set).
async function match(ix, m, words, low, any) {
  const mt = { score: new Map(), sec: new Map() };
  const per = [];
  for (const w of words) per.push(await wordScores(ix, m, w, low, mt.sec));
  if (any) {
    for (const s of per) for (const [id, v] of s) mt.score.set(id, (mt.score.get(id) || 0) + v);
    return mt;
  }
  const smallest = per.reduce((a, b) => (b.size < a.size ? b : a));
  next: for (const id of smallest.keys()) {
    let total = 0;
    for (const s of per) {
      const v = s.get(id);
      if (v === undefined) continue next;
      total += v;
    }
    mt.score.set(id, total);
  }
  return mt;
}

// wordScores scores the articles from low on that match one word.
async function wordScores(ix, m, w, low, sec) {
  const out = new Map();
  if (w.kind === phraseWord) return phraseScores(ix, m, w, low, sec);
  for (const t of w.terms) {
    if (!t) continue;
    const weight = idf(m.docs, t.df);
    for (let k = 0; k < t.ids.length && t.ids[k] >= low; k++) {
      const id = t.ids[k];
      sec.set(id, t.secs[k]);
      out.set(id, Math.max(out.get(id) || 0, weight * t.imps[k]));
    }
  }
  return out;
}

// phraseScores keeps the articles that have all the phrase's terms, those
// other than stop terms at consecutive positions.
async function phraseScores(ix, m, w, low, sec) {
  const out = new Map();
  if (w.terms.some((t) => !t)) return out;
  for (const t of w.terms) if (!stopTerms.has(t.term)) await ix.loadPositions(m, t);
  const first = w.terms[0];
  next: for (let k = 0; k < first.ids.length && first.ids[k] >= low; k++) {
    const id = first.ids[k];
    let total = 0;
    for (const t of w.terms) {
      const i = t.ids.indexOf(id);
      if (i < 0) continue next;
      total += idf(m.docs, t.df) * t.imps[i];
    }
    if (adjacent(w.terms, id)) {
      sec.set(id, first.secs[k]);
      out.set(id, total);
    }
  }
  return out;
}

// adjacent says whether the phrase's terms other than stop terms stand
// where the phrase puts them in article id.
function adjacent(terms, id) {
  const lists = [], offsets = [];
  for (let i = 0; i < terms.length; i++) {
    if (stopTerms.has(terms[i].term)) continue;
    const l = terms[i].positions.get(id);
    if (!l) return false;
    lists.push(l);
    offsets.push(i);
  }
  if (lists.length < 2) return true;
  return lists[0].some((p) => p >= offsets[0] &&
    lists.every((l, i) => i === 0 || l.includes(p - offsets[0] + offsets[i])));
}

// filter returns the matching ids that pass the filters, in result order.
function filter(m, mt, o, year) {
  let sec = -1;
  if (o.section) {
    sec = m.sections.findIndex(([slug]) => slug === o.section);
    if (sec < 0) return [];
  }
  const out = [];
  for (const id of mt.score.keys()) {
    if ((sec >= 0 && mt.sec.get(id) !== sec) || (year && m.years[yearIndex(m, id)]?.[0] !== year)) continue;
    out.push(id);
  }
  return out.sort((a, b) => (o.byDate ? 0 : mt.score.get(b) - mt.score.get(a)) || b - a);
}

// count fills the total and the counts by section and year.
function count(m, res, mt, words, hits, low, o, year) {
  const secs = new Array(m.sections.length + 1).fill(0);
  const years = new Array(m.years.length).fill(0);
  res.total = hits.length;
  res.exact = low === 0;
  const t = words.length === 1 && words[0].kind === plainWord && words[0].terms.length === 1 ? words[0].terms[0] : null;
  if (low > 0 && t && !res.fallback) {
    t.secCounts.forEach((n, k) => (secs[k] = n));
    t.yearCounts.forEach((n, k) => (years[k] = n));
    res.exact = !o.section || !year;
    if (o.section && year) {
      // counted in the window
    } else if (o.section) {
      const n = m.sections.findIndex(([slug]) => slug === o.section);
      res.total = n >= 0 ? secs[n] : 0;
    } else if (year) {
      res.total = 0;
      m.years.forEach(([y], i) => { if (y === year) res.total = years[i]; });
    } else {
      res.total = t.df;
    }
  } else {
    for (const id of mt.score.keys()) {
      secs[mt.sec.get(id)]++;
      years[yearIndex(m, id)]++;
    }
  }
  m.sections.forEach(([slug, name], i) => { if (secs[i] > 0) res.sections.push({ slug, name, count: secs[i] }); });
  m.years.forEach(([y], i) => { if (years[i] > 0) res.years.push({ year: y, count: years[i] }); });
}

// ---- The search page -----------------------------------------------------
//
// The page keeps its state in the address: ?q=…&section=…&year=…&sort=date.
// A submitted search, a filter or an order is a new history entry, so
// results can be linked to and Back and Forward step through them; while
// the reader types, results follow the box without touching the history.
// Results are drawn with DOM nodes only: index text is never parsed as
// markup.

const pageSize = 10;
const typingDelay = 150;
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
  const baseTitle = document.title;
  $("search-nojs").hidden = true;
  app.hidden = false;

  let state = readState(), typing = false, shown = 0, drawing = 0, timer = 0;

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    clearTimeout(timer);
    go({ q: input.value.trim(), section: "", year: "", sort: state.sort });
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state = { ...state, q: input.value, section: "", year: "" };
      typing = true;
      draw(0, pageSize);
    }, typingDelay);
  });
  sortSelect.addEventListener("change", () => go({ ...state, sort: sortSelect.value }));
  facets.addEventListener("click", (ev) => {
    const b = ev.target.closest("button[data-facet]");
    if (!b) return;
    const key = b.dataset.facet, value = b.getAttribute("aria-pressed") === "true" ? "" : b.dataset.value;
    go({ ...state, q: state.q.trim(), [key]: value });
  });
  more.addEventListener("click", () => draw(shown, pageSize, true));
  window.addEventListener("popstate", () => {
    state = readState();
    typing = false;
    draw(0, Math.max(pageSize, (history.state && history.state.shown) || 0));
  });
  draw(0, Math.max(pageSize, (history.state && history.state.shown) || 0));

  // go makes s the page's state, as a new history entry.
  function go(s) {
    state = s;
    typing = false;
    history.pushState(null, "", addressOf(s));
    draw(0, pageSize);
  }

  // draw runs the state's query for count results from offset on and
  // shows them: a new list from offset 0, more of the list after it. From
  // the More button, the focus moves to the first new result.
  async function draw(offset, count, fromButton) {
    const ticket = ++drawing;
    list.setAttribute("aria-busy", "true");
    if (!typing) input.value = state.q;
    sortSelect.value = state.sort;
    document.title = state.q.trim() ? `${state.q.trim()} · ${baseTitle}` : baseTitle;
    if (!state.q.trim()) {
      tools.hidden = true;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "Type the words to look for, then press Enter.";
      list.setAttribute("aria-busy", "false");
      return;
    }
    let r;
    try {
      r = await index.query(state.q, {
        section: state.section, year: state.year, byDate: state.sort === "date", offset, limit: count, typing,
      });
    } catch (err) {
      if (ticket === drawing) {
        status.textContent = `Search failed: ${err.message}`;
        list.setAttribute("aria-busy", "false");
      }
      return;
    }
    if (ticket !== drawing) return;
    if (offset === 0) list.replaceChildren();
    const first = list.children.length;
    list.append(...r.hits.map((h) => teaser(h, r)));
    shown = offset + r.hits.length;
    more.hidden = r.hits.length < count || (r.exact && shown >= r.total);
    drawFacets(r);
    tools.hidden = r.total === 0 && !state.section && !state.year;
    status.textContent = describe(r);
    if (!typing) history.replaceState({ shown }, "");
    if (fromButton && list.children[first]) list.children[first].querySelector(".teaser-title a").focus();
    list.setAttribute("aria-busy", "false");
    performance.mark("search:drawn");
  }

  function describe(r) {
    const n = (k, one, many) => `${k.toLocaleString("en")} ${k === 1 ? one : many}`;
    const q = state.q.trim();
    const filters = [state.section && (r.sections.find((s) => s.slug === state.section) || {}).name, state.year]
      .filter(Boolean);
    const where = filters.length ? ` in ${filters.join(", ")}` : "";
    const within = r.exact ? "" : ` among the newest ${n(r.window, "article", "articles")}`;
    if (r.fallback) {
      if (r.total === 0) return `No articles match any of the words “${q}”${where}.`;
      return `No article has all of the words “${q}”. ${n(r.total, "article has", "articles have")} some of them${where}${within}.`;
    }
    if (r.total === 0) return `No articles match “${q}”${where}${within}.`;
    return `${n(r.total, "article matches", "articles match")} “${q}”${where}${within}.`;
  }

  function drawFacets(r) {
    const groups = [
      facetGroup("Section", "section", r.sections.map((s) => [s.slug, s.name, s.count])),
      facetGroup("Year", "year", r.years.map((y) => [String(y.year), String(y.year), y.count])),
    ];
    facets.replaceChildren(...groups.filter(Boolean));
  }

  function facetGroup(title, key, values) {
    if (!values.length) return null;
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
  function teaser(h, r) {
    const art = el("article", "teaser");
    const meta = el("p", "teaser-meta");
    if (h.section) {
      const kicker = el("a", "kicker", h.sectionName);
      kicker.href = `${root}category/${h.section}/`;
      meta.append(kicker, " ");
    }
    const time = el("time", "", longDate(h.date));
    time.dateTime = h.date;
    meta.append(time);
    const title = el("h2", "teaser-title");
    const a = el("a");
    a.href = root + h.path;
    highlight(a, h.title, r);
    title.append(a);
    art.append(meta, title);
    if (h.summary) {
      const p = el("p", "teaser-summary");
      highlight(p, h.summary, r);
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

// highlight appends text to parent, with the words that match the query
// in <mark>: text nodes and elements only, never markup.
function highlight(parent, text, r) {
  let last = 0;
  for (const [start, end] of matchSpans(text, r.terms, r.typed)) {
    if (start > last) parent.append(text.slice(last, start));
    parent.append(el("mark", "", text.slice(start, end)));
    last = end;
  }
  if (last < text.length) parent.append(text.slice(last));
}

// matchSpans returns where in text the words are that the query matched:
// a word whose term is one of terms, or that starts with the prefix being
// typed.
export function matchSpans(text, terms, typed = []) {
  const wanted = new Set(terms);
  const spans = [];
  for (const m of text.matchAll(wordRun)) {
    const hit = tokens(normalize(m[0])).some(([t]) => wanted.has(stem(t)) || typed.some((p) => t.startsWith(p)));
    if (hit) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}
