// The site's search. Its index is exported by the build from the same Lucene index as
// `docpulse search`: for every word of the docs, the documents (pages and sections) it matches and
// the score Lucene gives them. This script only adds up the scores of the words typed and groups
// documents by page as the terminal does; it never stems or weighs words itself.
//
// The index comes in small scripts (meta.js, w<N>.js for words, d<N>.js for pages) loaded with
// <script> tags, so search works from disk (file://) and under any sub-path.
(function () {
  'use strict';
  var TOKEN = /(?:--?)?[\p{L}\p{N}_]+(?:[.\-/:+#@][\p{L}\p{N}_]+)*/gu;
  var PART = /[\p{L}\p{N}]+/gu;
  var SECTION = 65536;

  var S = window.docpulseSearch = window.docpulseSearch || {};
  var form = document.querySelector('form.site-search');
  if (!form) return;
  var root = form.getAttribute('data-root') || '';
  var dataUrl = form.getAttribute('data-index');
  var version = form.getAttribute('data-version') || '';
  // the page's own address (search/), for links; the form's action names index.html, so that
  // without JavaScript the form also works from disk
  var searchHref = form.getAttribute('data-search') || form.getAttribute('action');

  var meta = null;
  var wordShards = {};
  var docShards = {};
  var wordIndex = {};
  var docIndex = {};
  var loading = {};

  S.meta = function (m) { meta = m; };
  S.words = function (n, data) { wordShards[n] = data; };
  S.docs = function (n, data) { docShards[n] = data; };
  S.wordIndex = function (g, names) { wordIndex[g] = names; };
  S.docIndex = function (g, data) {
    // each shard's first document, as page (a delta from the one before) and section
    var keys = [];
    var page = firstDocs()[g] === undefined ? 0 : Math.floor(firstDocs()[g] / SECTION);
    for (var i = 0; i < data.length; i += 2) {
      page += data[i];
      keys.push(page * SECTION + data[i + 1]);
    }
    docIndex[g] = keys;
  };

  /** Loads one file of the index once, as a script; resolves when it has run. */
  function load(file) {
    if (!loading[file]) {
      loading[file] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = dataUrl + file + '?v=' + version;
        s.async = true;
        s.onload = function () { resolve(); };
        s.onerror = function () { delete loading[file]; reject(new Error('could not load the search index (' + file + ')')); };
        document.head.appendChild(s);
      });
    }
    return loading[file];
  }

  function ready() { return load('meta.js'); }

  /** The last index i with list[i] <= value (list sorted), or -1. */
  function floor(list, value) {
    var lo = 0, hi = list.length - 1, at = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] <= value) { at = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return at;
  }

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : null;
  }

  /** The word shard a word is in (two steps: its group in meta.js, then the group's names), or -1. */
  function wordShardOf(word) {
    var g = floor(meta.words, word);
    if (g < 0) return Promise.resolve(-1);
    return load('wi' + g + '.js').then(function () { return g * meta.group + floor(wordIndex[g], word); });
  }

  /**
   * The entry of a word: [matches, stem, pageDelta, section, score, ...], or null. A form the
   * docs never use ("rotations") holds the key of the entry Lucene scores it by, its stem's.
   */
  function lookup(word, followed) {
    var n;
    return wordShardOf(word).then(function (shard) {
      n = shard;
      return n < 0 ? null : load('w' + n + '.js');
    }).then(function () {
      if (n < 0) return null;
      var entry = own(wordShards[n], word);
      if (typeof entry === 'string') return followed ? null : lookup(entry, true);
      if (entry && !entry[1] && followed) entry = [entry[0], word].concat(entry.slice(2));
      return entry;
    });
  }

  /** Words of the index that start with prefix, most used first, at most limit (from up to 3 shards). */
  function complete(prefix, limit) {
    var shards = [];
    return wordShardOf(prefix).then(function (first) {
      first = Math.max(0, first);
      var g = Math.floor(first / meta.group);
      var names = wordIndex[g] || [];
      shards.push(first);
      for (var i = first + 1; i < first + 3 && i - g * meta.group < names.length
          && names[i - g * meta.group] <= prefix + '\uffff'; i++) shards.push(i);
      return Promise.all(shards.map(function (n) { return load('w' + n + '.js'); }));
    }).then(function () {
      var found = [];
      shards.forEach(function (n) {
        var shard = wordShards[n];
        for (var w in shard) {
          if (own(shard, w) && w.indexOf(prefix) === 0 && typeof shard[w] !== 'string') found.push([w, shard[w]]);
        }
      });
      found.sort(function (a, b) { return b[1][0] - a[1][0] || (a[0] < b[0] ? -1 : 1); });
      return found.slice(0, limit);
    });
  }

  /** A word's documents as a map from document key (page * 65536 + section) to score. */
  function postings(entry) {
    var out = new Map();
    var page = 0;
    for (var i = 2; i < entry.length; i += 3) {
      page += entry[i];
      out.set(page * SECTION + entry[i + 1], entry[i + 2]);
    }
    return out;
  }

  /**
   * The words of a query as the index keys them: lower-cased, except a word with a capital inside
   * (titleSource), which the index also keeps as written because Lucene splits it into parts.
   */
  function keys(text) {
    var out = [];
    var m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) out.push(/^.+\p{Lu}/u.test(m[0]) ? m[0] : m[0].toLowerCase());
    return out;
  }

  /**
   * Splits a query as Lucene's simple query syntax does: "a phrase", -excluded, prefix*, and
   * plain words. While typing, the last word may be unfinished: it also counts as a prefix.
   */
  function parse(query, typing) {
    var clauses = [];
    var re = /(-?)"([^"]*)"?|(\S+)/g;
    var m;
    while ((m = re.exec(query)) !== null) {
      if (m[2] !== undefined) {
        clauses.push({ kind: 'phrase', not: m[1] === '-', words: keys(m[2]) });
        continue;
      }
      var chunk = m[3];
      // as Lucene's simple syntax: each leading - negates, so --word is a plain word again
      var dashes = /^-*/.exec(chunk)[0].length;
      if (dashes === chunk.length) continue;
      var not = dashes % 2 === 1;
      chunk = chunk.slice(dashes);
      var prefix = chunk.length > 1 && chunk.charAt(chunk.length - 1) === '*';
      if (prefix) chunk = chunk.slice(0, -1);
      var words = keys(chunk);
      if (!words.length) continue;
      clauses.push({ kind: prefix ? 'prefix' : 'words', not: not, words: words });
    }
    if (typing && clauses.length && !/\s$/.test(query)) {
      var last = clauses[clauses.length - 1];
      if (last.kind === 'words' && !last.not) last.kind = 'typing';
    }
    return clauses;
  }

  /** Whether a query drops this word (a stop or question word) when it has other words. */
  function dropped(word) {
    return meta.drop.indexOf(word.toLowerCase()) >= 0;
  }

  /**
   * The postings of one word; when the docs never use it, of its parts (as Lucene splits it),
   * without the parts that the query drops.
   */
  function wordPostings(word, highlight, drop) {
    return lookup(word).then(function (entry) {
      if (!entry && word !== word.toLowerCase()) return wordPostings(word.toLowerCase(), highlight, drop);
      if (entry) {
        highlight.push(word);
        if (entry[1]) highlight.push(entry[1]);
        return postings(entry);
      }
      var parts = word.match(PART) || [];
      if (parts.length < 2) return new Map();
      if (drop) parts = parts.filter(function (p) { return !dropped(p); });
      return Promise.all(parts.map(function (p) { return wordPostings(p, highlight, drop); })).then(sum);
    });
  }

  function prefixPostings(prefix, highlight, exact) {
    return Promise.all([complete(prefix, 20), exact ? lookup(prefix) : Promise.resolve(null)]).then(function (r) {
      var out = new Map();
      var lists = r[0].map(function (f) { highlight.push(f[0], f[1][1]); return postings(f[1]); });
      if (r[1]) { highlight.push(prefix, r[1][1]); lists.push(postings(r[1])); }
      lists.forEach(function (list) {
        list.forEach(function (score, doc) { if (!(out.get(doc) >= score)) out.set(doc, score); });
      });
      return out;
    });
  }

  function sum(lists) {
    var out = new Map();
    lists.forEach(function (list) { list.forEach(function (score, doc) { out.set(doc, (out.get(doc) || 0) + score); }); });
    return out;
  }

  function clausePostings(c, highlight, drop) {
    if (c.kind === 'prefix' || c.kind === 'typing') {
      var head = c.words.slice(0, -1);
      var last = c.words[c.words.length - 1];
      return Promise.all(head.map(function (w) { return wordPostings(w, highlight, drop); })
        .concat([prefixPostings(last, highlight, c.kind === 'typing')])).then(sum);
    }
    return Promise.all(c.words.map(function (w) { return wordPostings(w, highlight, drop); })).then(function (lists) {
      if (c.kind !== 'phrase') return sum(lists);
      // a phrase: every one of its words
      var all = sum(lists);
      all.forEach(function (score, doc) {
        if (!lists.every(function (l) { return l.has(doc); })) all.delete(doc);
      });
      return all;
    });
  }

  /**
   * Runs a query; resolves to the best pages, each as {page, section, score}, and the words to
   * highlight. A page scores its best document plus half the best of the other kind (page or
   * section), and links to its best section unless the page as a whole matches far better, as
   * `docpulse search` ranks.
   */
  function run(query, typing, limit) {
    return ready().then(function () {
      var clauses = parse(query, typing);
      var highlight = [];
      // as the terminal: stop and question words ("how", "should", "I") are dropped, unless the
      // query has no other word to look up
      var drop = clauses.some(function (c) {
        return !c.not && c.words.some(function (w) { return !dropped(w); });
      });
      if (drop) {
        clauses.forEach(function (c) { c.words = c.words.filter(function (w) { return !dropped(w); }); });
        clauses = clauses.filter(function (c) { return c.words.length > 0; });
      }
      var positive = clauses.filter(function (c) { return !c.not; });
      var negative = clauses.filter(function (c) { return c.not; });
      return Promise.all([
        Promise.all(positive.map(function (c) { return clausePostings(c, highlight, drop); })),
        Promise.all(negative.map(function (c) { return clausePostings(c, [], drop); }))
      ]).then(function (r) {
        var scores = sum(r[0]);
        r[1].forEach(function (list) { list.forEach(function (_, doc) { scores.delete(doc); }); });
        // as the terminal, group the best documents only
        var best = [];
        scores.forEach(function (score, doc) { best.push([doc, score]); });
        best.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
        var pages = new Map();
        best.slice(0, Math.max(100, limit * 10)).forEach(function (d) {
          var doc = d[0];
          var score = d[1];
          var page = Math.floor(doc / SECTION);
          var section = doc % SECTION;
          var p = pages.get(page);
          if (!p) { p = { page: page, pageScore: -1, sectionScore: -1, section: 0 }; pages.set(page, p); }
          if (section === 0) p.pageScore = score;
          else if (score > p.sectionScore || (score === p.sectionScore && section < p.section)) {
            p.sectionScore = score;
            p.section = section;
          }
        });
        var ranked = [];
        pages.forEach(function (p) {
          var hi = Math.max(p.pageScore, p.sectionScore);
          var lo = Math.max(0, Math.min(p.pageScore, p.sectionScore));
          var toSection = p.sectionScore >= 0 && (p.pageScore < 0 || p.sectionScore >= 0.5 * p.pageScore);
          ranked.push({ page: p.page, section: toSection ? p.section : 0, score: hi + 0.5 * lo });
        });
        ranked.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
        return { results: ranked, highlight: highlight };
      });
    });
  }

  /** The first document (page * 65536 + section) of each group of page shards. */
  var groupDocs = null;
  function firstDocs() {
    if (!groupDocs) {
      groupDocs = [];
      for (var i = 0, page = 0; i < meta.docs.length; i += 2) {
        page += meta.docs[i];
        groupDocs.push(page * SECTION + meta.docs[i + 1]);
      }
    }
    return groupDocs;
  }

  /** The page shard that holds a document (page * 65536 + section). */
  function docShardOf(doc) {
    var g = floor(firstDocs(), doc);
    return load('di' + g + '.js').then(function () { return g * meta.group + floor(docIndex[g], doc); });
  }

  /** Title, URL, section and snippet of results (loads the page shards that hold them). */
  function describe(results) {
    var shardOf = [];
    return Promise.all(results.map(function (r) { return docShardOf(r.page * SECTION + r.section); })).then(function (ns) {
      shardOf = ns;
      var unique = ns.filter(function (n, i) { return ns.indexOf(n) === i; });
      return Promise.all(unique.map(function (n) { return load('d' + n + '.js'); }));
    }).then(function () {
      return results.map(function (r, k) {
        // a fragment: [page, url, title, snippet, first section, [[anchor, heading, text], ...]]
        var p = docShards[shardOf[k]].filter(function (f) { return f[0] === r.page; })[0];
        var s = r.section > 0 ? p[5][r.section - p[4]] : null;
        return {
          href: href(p[1]) + (s ? '#' + s[0] : ''),
          route: p[1],
          title: p[2],
          section: s ? s[1] : '',
          text: s ? s[2] : p[3],
          score: r.score,
          page: r.page
        };
      });
    });
  }

  /** A site URL as a link from this page; from disk, a folder's index.html. */
  function href(route) {
    var cut = route.search(/[?#]/);
    var path = cut < 0 ? route : route.slice(0, cut);
    if (location.protocol === 'file:' && (path === '' || path.charAt(path.length - 1) === '/')) path += 'index.html';
    return root + path + (cut < 0 ? '' : route.slice(cut));
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** The snippet with the words of the query marked; starts near the first match. */
  function mark(text, words) {
    var alternatives = words.filter(function (w, i) { return w && words.indexOf(w) === i; })
      .sort(function (a, b) { return b.length - a.length; })
      .map(function (w) { return w.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&'); });
    var re = alternatives.length
      ? new RegExp('(^|[^\\p{L}\\p{N}])((?:' + alternatives.join('|') + ')[\\p{L}\\p{N}]*)', 'giu') : null;
    // show about 200 characters, from a little before the first match
    var first = re ? text.search(re) : -1;
    if (first > 60) {
      var start = text.lastIndexOf(' ', first - 40);
      text = '…' + text.slice(start < 0 ? first : start + 1);
    }
    if (text.length > 220) {
      var end = text.lastIndexOf(' ', 200);
      text = text.slice(0, end > 100 ? end : 200).replace(/[\s.,;:]+$/, '') + '…';
    }
    if (!re) return escapeHtml(text);
    var out = '';
    var at = 0;
    var m;
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      var begin = m.index + m[1].length;
      out += escapeHtml(text.slice(at, begin)) + '<mark>' + escapeHtml(m[2]) + '</mark>';
      at = begin + m[2].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    return out + escapeHtml(text.slice(at));
  }

  S.run = run;
  S.describe = describe;
  S.search = function (query, limit, typing) {
    return run(query, typing, limit).then(function (r) {
      return describe(r.results.slice(0, limit)).then(function (items) {
        return { total: r.results.length, items: items, highlight: r.highlight };
      });
    });
  };

  /**
   * A result's address with the words to mark on the page it opens (?h=vpn+password, before the
   * #section): the words the ranking used, without the stop and question words it dropped; a word
   * that another starts with stands for both, as the page marks words by their start.
   */
  function withTerms(url, words) {
    var terms = [];
    words.map(function (w) { return String(w || '').toLowerCase(); })
      .sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); })
      .forEach(function (w) {
        if (w && !terms.some(function (t) { return w.indexOf(t) === 0; })) terms.push(w);
      });
    if (!terms.length) return url;
    var cut = url.indexOf('#');
    var path = cut < 0 ? url : url.slice(0, cut);
    return path + (path.indexOf('?') < 0 ? '?' : '&') + 'h=' + encodeURIComponent(terms.slice(0, 10).join(' '))
      .replace(/%20/g, '+') + (cut < 0 ? '' : url.slice(cut));
  }
  S.withTerms = withTerms;

  function searchPage(q) {
    var target = searchHref;
    if (location.protocol === 'file:') target += 'index.html';
    return target + (q ? '?q=' + encodeURIComponent(q) : '');
  }

  // ---- the search box in the header: an ARIA 1.2 combobox with a listbox of results ----
  var input = form.querySelector('input[name="q"]');
  var list = form.querySelector('[role="listbox"]');
  var status = form.querySelector('[role="status"]');
  var current = [];
  var active = -1;
  var ticket = 0;
  var timer = 0;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function activate(i) {
    var options = list.querySelectorAll('[role="option"]');
    if (!options.length) return;
    active = (i + options.length) % options.length;
    options.forEach(function (o, k) { o.setAttribute('aria-selected', k === active ? 'true' : 'false'); });
    input.setAttribute('aria-activedescendant', options[active].id);
    options[active].scrollIntoView({ block: 'nearest' });
  }

  function show(query, found) {
    current = found.items;
    list.innerHTML = '';
    found.items.forEach(function (item, i) {
      var li = document.createElement('li');
      li.id = 'site-search-option-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.setAttribute('data-href', withTerms(item.href, found.highlight));
      li.innerHTML = '<span class="result-title">' + escapeHtml(item.title) + '</span>'
        + (item.section ? '<span class="result-section">' + escapeHtml(item.section) + '</span>' : '')
        + '<span class="result-text">' + mark(item.text, found.highlight) + '</span>';
      list.appendChild(li);
    });
    var all = document.createElement('li');
    all.id = 'site-search-option-all';
    all.setAttribute('role', 'option');
    all.setAttribute('aria-selected', 'false');
    all.setAttribute('data-href', searchPage(query));
    all.className = 'result-all';
    all.textContent = found.total ? 'All ' + found.total + ' results for “' + query + '”' : 'No pages match “' + query + '”';
    list.appendChild(all);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    input.removeAttribute('aria-activedescendant');
    status.textContent = found.total ? found.total + ' results, ' + found.items.length + ' shown' : 'No results';
  }

  function update() {
    var query = input.value;
    var mine = ++ticket;
    if (!query.trim()) { close(); status.textContent = ''; return; }
    S.search(query, 8, true).then(function (found) {
      if (mine === ticket && document.activeElement === input) show(query.trim(), found);
    }).catch(function (e) { status.textContent = e.message; });
  }

  input.addEventListener('focus', function () { ready().catch(function () {}); });
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(update, 80);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) update(); else activate(active + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); if (!list.hidden) activate(active - 1); }
    else if (e.key === 'Escape') { if (!list.hidden) { e.preventDefault(); close(); } else { input.value = ''; } }
    else if (e.key === 'Enter') {
      e.preventDefault();
      var options = list.querySelectorAll('[role="option"]');
      if (!list.hidden && active >= 0 && options[active]) location.href = options[active].getAttribute('data-href');
      else if (input.value.trim()) location.href = searchPage(input.value.trim());
    }
  });
  input.addEventListener('blur', function () { setTimeout(function () { if (document.activeElement !== input) close(); }, 150); });
  list.addEventListener('mousedown', function (e) { e.preventDefault(); });
  list.addEventListener('click', function (e) {
    var o = e.target.closest('[role="option"]');
    if (o) location.href = o.getAttribute('data-href');
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (input.value.trim()) location.href = searchPage(input.value.trim());
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    // on the search page, the header's box is hidden and the page's own box takes its place
    var box = form.hidden ? document.getElementById('search-page-q') || input : input;
    box.focus();
    box.select();
  });

  // ---- the search page: search/?q=... ----
  var results = document.getElementById('search-results');
  if (results) {
    var pageForm = document.querySelector('.search-page-form');
    var pageInput = document.getElementById('search-page-q');
    var pageStatus = document.getElementById('search-status');
    var contents = document.getElementById('search-contents');
    var q = new URLSearchParams(location.search).get('q') || '';
    pageInput.value = q;
    pageForm.addEventListener('submit', function (e) {
      e.preventDefault();
      location.href = searchPage(pageInput.value.trim());
    });
    if (q.trim()) {
      contents.hidden = true;
      pageStatus.textContent = 'Searching…';
      S.search(q, 50, false).then(function (found) {
        results.innerHTML = '';
        found.items.forEach(function (item) {
          var li = document.createElement('li');
          li.innerHTML = '<a class="result-title" href="' + escapeHtml(withTerms(item.href, found.highlight)) + '">' + escapeHtml(item.title)
            + (item.section ? ' <span class="result-section">' + escapeHtml(item.section) + '</span>' : '') + '</a>'
            + '<p class="result-text">' + mark(item.text, found.highlight) + '</p>';
          results.appendChild(li);
        });
        pageStatus.textContent = found.total === 0 ? 'No pages match “' + q + '”.'
          : found.total > found.items.length ? found.total + ' results; the best ' + found.items.length + ' are shown.'
          : found.total + (found.total === 1 ? ' result.' : ' results.');
        if (found.total === 0) contents.hidden = false;
      }).catch(function (e) { pageStatus.textContent = e.message; contents.hidden = false; });
    }
  }
})();
