// What readers of MkDocs and Docusaurus sites expect on a page: a light / dark / system switch,
// a copy button on code blocks, the current section marked in "On this page", and the words of a
// search marked on the page a result opens. Each part works alone; none is needed to read the page.
(function () {
  'use strict';

  // One polite live region for the page, so a screen reader hears "Copied" and the like.
  var live = null;
  function announce(text) {
    if (!live) {
      live = document.createElement('div');
      live.className = 'visually-hidden';
      live.setAttribute('role', 'status');
      document.body.appendChild(live);
    }
    live.textContent = '';
    // a new text node each time, so the same words twice are read twice
    setTimeout(function () { live.textContent = text; }, 50);
  }

  // ---- light / dark / system -------------------------------------------------------------------
  // The choice is kept in localStorage and applied by a line in <head> before the first paint; a
  // browser that refuses storage (some do from file://) still switches the page it is on.
  (function () {
    var KEY = 'docpulse-theme';
    var root = document.documentElement;
    var button = document.querySelector('.theme-switch');
    var ORDER = ['system', 'light', 'dark'];
    var ICON = {
      system: '<circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" stroke-width="2"/>'
        + '<path d="M12 3.5a8.5 8.5 0 0 1 0 17z" fill="currentColor"/>',
      light: '<circle cx="12" cy="12" r="4.5" fill="none" stroke="currentColor" stroke-width="2"/>'
        + '<path d="M12 1.5v3M12 19.5v3M1.5 12h3M19.5 12h3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1"'
        + ' stroke="currentColor" stroke-width="2" stroke-linecap="round"/>',
      dark: '<path d="M20.5 14.5A8.5 8.5 0 1 1 9.5 3.5a7 7 0 0 0 11 11z" fill="none" stroke="currentColor"'
        + ' stroke-width="2" stroke-linejoin="round"/>'
    };
    function chosen() {
      var t = root.getAttribute('data-theme');
      return t === 'light' || t === 'dark' ? t : 'system';
    }
    function apply(choice) {
      if (choice === 'system') root.removeAttribute('data-theme'); else root.setAttribute('data-theme', choice);
      if (!button) return;
      var next = ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length];
      button.innerHTML = '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">'
        + ICON[choice] + '</svg><span class="visually-hidden">Colour scheme: ' + choice + '</span>';
      button.title = 'Colour scheme: ' + choice + ' (click for ' + next + ')';
      button.setAttribute('data-choice', choice);
    }
    function save(choice) {
      try {
        if (choice === 'system') localStorage.removeItem(KEY); else localStorage.setItem(KEY, choice);
      } catch (e) { /* storage refused: the choice lasts for this page only */ }
    }
    if (!button) return;
    apply(chosen());
    button.hidden = false;
    button.addEventListener('click', function () {
      var choice = ORDER[(ORDER.indexOf(chosen()) + 1) % ORDER.length];
      apply(choice);
      save(choice);
      announce('Colour scheme: ' + choice);
    });
    // chosen in another tab of the same site
    window.addEventListener('storage', function (e) {
      if (e.key === KEY) apply(e.newValue === 'light' || e.newValue === 'dark' ? e.newValue : 'system');
    });
  })();

  // ---- copy buttons on code blocks -------------------------------------------------------------
  (function () {
    var blocks = document.querySelectorAll('#content pre');
    if (!blocks.length) return;
    var COPY = 'Copy<span class="visually-hidden"> code</span>';

    // Without the Clipboard API (an old browser, or one that refuses it), a selected textarea and
    // the copy command still put the text on the clipboard.
    function fallback(text) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.setAttribute('aria-hidden', 'true');
      area.style.position = 'fixed';
      area.style.top = '0';
      area.style.left = '0';
      area.style.opacity = '0';
      var focused = document.activeElement;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (focused && focused.focus) focused.focus();
      return ok;
    }
    function copy(text) {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        return navigator.clipboard.writeText(text).catch(function () {
          if (!fallback(text)) throw new Error('copy refused');
        });
      }
      return fallback(text) ? Promise.resolve() : Promise.reject(new Error('copy refused'));
    }

    Array.prototype.forEach.call(blocks, function (pre) {
      if (pre.classList.contains('mermaid') || (pre.parentNode && pre.parentNode.classList.contains('code-block'))) return;
      var wrap = document.createElement('div');
      wrap.className = 'code-block';
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(pre);
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy-button';
      button.innerHTML = COPY;
      wrap.appendChild(button);
      var timer = 0;
      button.addEventListener('click', function () {
        var code = pre.querySelector('code') || pre;
        copy(code.textContent.replace(/\n$/, '')).then(function () {
          button.textContent = 'Copied';
          button.classList.add('copied');
          announce('Copied to the clipboard');
        }, function () {
          button.textContent = 'Copy failed';
          announce('Could not copy: select the code and copy it by hand');
        });
        clearTimeout(timer);
        timer = setTimeout(function () { button.innerHTML = COPY; button.classList.remove('copied'); }, 2000);
      });
    });
  })();

  // ---- the current section in "On this page" ----------------------------------------------------
  (function () {
    var toc = document.querySelector('.toc');
    if (!toc || !('IntersectionObserver' in window)) return;
    var items = [];
    Array.prototype.forEach.call(toc.querySelectorAll('a[href^="#"]'), function (a) {
      var heading = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
      if (heading) items.push({ heading: heading, link: a });
    });
    if (!items.length) return;
    var current = null;
    function update() {
      // the last heading above a line a third of the way down the window; at the very bottom of the
      // page, the last heading in view (short last sections never reach the line)
      var line = window.innerHeight / 3;
      var active = null;
      for (var i = 0; i < items.length; i++) {
        if (items[i].heading.getBoundingClientRect().top <= line) active = items[i]; else break;
      }
      var bottom = window.innerHeight + window.pageYOffset >= document.documentElement.scrollHeight - 2;
      if (bottom) {
        for (var k = items.length - 1; k >= 0; k--) {
          if (items[k].heading.getBoundingClientRect().top < window.innerHeight) { active = items[k]; break; }
        }
      }
      if (active === current) return;
      if (current) current.link.removeAttribute('aria-current');
      current = active;
      if (!current) return;
      current.link.setAttribute('aria-current', 'true');
      // keep it in view in a long, scrolling "On this page" column (not in the phone's drawer)
      if (getComputedStyle(toc).position === 'sticky') {
        var r = current.link.getBoundingClientRect();
        var box = toc.getBoundingClientRect();
        if (r.top < box.top || r.bottom > box.bottom) toc.scrollTop += r.top - box.top - box.height / 2;
      }
    }
    var observer = new IntersectionObserver(update, { rootMargin: '0px 0px -66% 0px' });
    items.forEach(function (item) { observer.observe(item.heading); });
    var end = document.querySelector('.site-footer');
    if (end) new IntersectionObserver(update).observe(end);
    update();
  })();

  // ---- the words of a search, marked on the page a result opens (?h=vpn+password) ---------------
  (function () {
    var words;
    try { words = new URLSearchParams(location.search).get('h'); } catch (e) { return; }
    var main = document.getElementById('content');
    if (!words || !words.trim() || !main) return;
    var terms = words.toLowerCase().split(/\s+/).filter(function (w, i, all) { return w && all.indexOf(w) === i; })
      .slice(0, 10);
    // a term marks words that start with it, as the search box's snippets do ("password" in "passwords")
    var re = new RegExp('(^|[^\\p{L}\\p{N}])((?:' + terms.slice().sort(function (a, b) { return b.length - a.length; }).map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
    }).join('|') + ')[\\p{L}\\p{N}]*)', 'giu');
    var SKIP = 'script, style, svg, button, textarea, mark, pre.mermaid, .heading-link, .search-terms';
    var texts = [];
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        return parent && !parent.closest(SKIP) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      }
    });
    while (walker.nextNode()) texts.push(walker.currentNode);
    var marks = 0;
    texts.forEach(function (node) {
      var text = node.nodeValue;
      re.lastIndex = 0;
      var m;
      var at = 0;
      var out = null;
      while ((m = re.exec(text)) !== null) {
        if (m[0].length === 0) { re.lastIndex++; continue; }
        out = out || document.createDocumentFragment();
        var begin = m.index + m[1].length;
        out.appendChild(document.createTextNode(text.slice(at, begin)));
        var mark = document.createElement('mark');
        mark.className = 'search-term';
        mark.textContent = m[2];
        out.appendChild(mark);
        marks++;
        at = begin + m[2].length;
      }
      if (!out) return;
      out.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(out, node);
    });
    if (!marks) return;

    var bar = document.createElement('div');
    bar.className = 'search-terms';
    bar.innerHTML = '<span></span> <button type="button">Clear marks</button>';
    bar.firstChild.textContent = marks + (marks === 1 ? ' match' : ' matches') + ' for “' + terms.join(' ') + '”';
    main.appendChild(bar);
    bar.querySelector('button').addEventListener('click', function () {
      Array.prototype.forEach.call(main.querySelectorAll('mark.search-term'), function (mk) {
        var parent = mk.parentNode;
        parent.replaceChild(document.createTextNode(mk.textContent), mk);
        parent.normalize();
      });
      bar.parentNode.removeChild(bar);
      main.focus({ preventScroll: true });
      announce('Search words no longer marked');
      // a reload or a bookmark of this address no longer marks them
      try {
        var params = new URLSearchParams(location.search);
        params.delete('h');
        var query = params.toString();
        history.replaceState(history.state, '', location.pathname + (query ? '?' + query : '') + location.hash);
      } catch (e) { /* file:// in some browsers: the address keeps ?h= */ }
    });
  })();
})();
