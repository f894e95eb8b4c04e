// Replays MkDocs 1.4's search box (mkdocs/contrib/search/templates/search/{main,worker}.js) on judged sets.
//
//   node replay.js SEARCH_INDEX_JSON URLMAP_JSON JUDGED_JSON [-v]
//
// SEARCH_INDEX_JSON is the site's search/search_index.json written by `mkdocs build`; URLMAP_JSON maps each
// page URL (as in the index's "location", without "#anchor") to its source path; JUDGED_JSON is a
// bench/search/judged-*.json set. What the worker does, step by step, and done here the same way:
//  - lang ["en"] only (the default): lunr.js alone, no lunr.stemmer.support / lunr.multi, so the index
//    uses lunr's default pipeline (trimmer, stopWordFilter, stemmer) and search pipeline (stemmer);
//  - lunr.tokenizer.separator = new RegExp(config.separator) (MkDocs' default "[\s\-]+");
//  - no prebuilt index (prebuild_index: false, the default): lunr(function () { field('title');
//    field('text'); ref('location'); add(doc) for every doc }) with no boosts;
//  - main.js searches only when query.length > config.min_search_length (default 3), then the worker
//    runs index.search(query) on the raw text. A query that lunr's query parser rejects (for example
//    "expr: Type", an unknown field) throws in the worker and the page shows nothing: counted as no result.
// The result list holds pages and their sections ("page/#anchor"); a page's rank is the rank of its first
// entry in that list (the list a reader sees, with repeats of a page folded).
// Prints success@3 and MRR@10 per set and per style/vocab, and with -v every question not in the top 3.
'use strict';
const fs = require('fs');
const path = require('path');
const lunr = require(path.join(__dirname, 'node_modules', 'lunr'));

const [indexFile, mapFile, judgedFile, flag] = process.argv.slice(2);
if (!judgedFile) {
  console.error('usage: node replay.js SEARCH_INDEX_JSON URLMAP_JSON JUDGED_JSON [-v]');
  process.exit(2);
}
const verbose = flag === '-v';
if (lunr.version !== '2.3.9') throw new Error('expected lunr 2.3.9 (MkDocs 1.4 ships it), got ' + lunr.version);
const data = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
const urlToSrc = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
const judged = JSON.parse(fs.readFileSync(judgedFile, 'utf8'));

// worker.js onScriptsLoaded(), lang = ['en']
if (data.config && data.config.separator && data.config.separator.length) {
  lunr.tokenizer.separator = new RegExp(data.config.separator);
}
const documents = {};
const index = lunr(function () {
  this.field('title');
  this.field('text');
  this.ref('location');
  for (let i = 0; i < data.docs.length; i++) {
    const doc = data.docs[i];
    this.add(doc);
    documents[doc.location] = doc;
  }
});
const minLength = (data.config && data.config.min_search_length) || 3;

function srcOf(location) {
  const url = location.split('#')[0];
  const src = urlToSrc[url];
  if (src === undefined) throw new Error('no source page for location ' + JSON.stringify(location));
  return src;
}

function search(query) {
  if (!(query.length > minLength)) return { pages: [], error: 'too short' }; // main.js doSearch()
  let results;
  try {
    results = index.search(query); // worker.js search()
  } catch (e) {
    return { pages: [], error: e.name + ': ' + e.message };
  }
  const pages = [];
  for (const r of results) {
    const src = srcOf(r.ref);
    if (!pages.includes(src)) pages.push(src);
    if (pages.length === 10) break;
  }
  return { pages, error: null };
}

// as bench/search/JudgedEval.java: the "style" field, else "question" (starts with a question word or ends
// with "?") or "keyword"
const ASKING = new Set(['how', 'what', 'why', 'who', 'where', 'when', 'which', 'can', 'do', 'does', 'is', 'are',
  'should', 'i', 'my', 'we']);
function style(text) {
  const t = text.trim().toLowerCase();
  const first = t.split(/[^\p{L}]+/u, 2)[0];
  return t.endsWith('?') || ASKING.has(first) ? 'question' : 'keyword';
}

const by = new Map();
const misses = [];
let errors = 0;
function add(key, rank) {
  const s = by.get(key) || [0, 0, 0];
  s[0]++;
  if (rank >= 1 && rank <= 3) s[1]++;
  if (rank > 0) s[2] += 1 / rank;
  by.set(key, s);
}
for (const q of judged.queries) {
  const { pages, error } = search(q.q);
  if (error) errors++;
  let rank = 0;
  for (let i = 0; i < pages.length && rank === 0; i++) if (q.relevant.includes(pages[i])) rank = i + 1;
  add('all', rank);
  add(q.style || style(q.q), rank);
  if (q.vocab) add('vocab ' + q.vocab, rank);
  if (rank === 0 || rank > 3) {
    misses.push(`  ${rank === 0 ? 'miss   ' : ('rank ' + rank).padEnd(7)} ${q.q} -> ${error ? '(' + error + ')' : pages[0] || '-'} (want ${q.relevant[0]})`);
  }
}
for (const [key, s] of by) {
  console.log(`${judged.set}\t${key}\t${s[0]}\tsuccess@3 ${(s[1] / s[0]).toFixed(3)}\tMRR@10 ${(s[2] / s[0]).toFixed(3)}`);
}
if (errors) console.log(`${judged.set}\tqueries lunr rejected or did not run: ${errors}`);
if (verbose) misses.forEach(m => console.log(m));
