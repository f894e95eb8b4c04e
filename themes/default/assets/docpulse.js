// Opened straight from disk (file://), a link to a folder shows a file listing instead of the
// page: point such links at the folder's index.html. Served over http(s), nothing changes.
(function () {
  if (location.protocol !== 'file:') return;
  var links = document.querySelectorAll('a[href]');
  for (var i = 0; i < links.length; i++) {
    var href = links[i].getAttribute('href');
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) continue;
    var cut = href.search(/[?#]/);
    var path = cut < 0 ? href : href.slice(0, cut);
    var rest = cut < 0 ? '' : href.slice(cut);
    if (path === '' ) continue;
    if (path.charAt(path.length - 1) === '/') links[i].setAttribute('href', path + 'index.html' + rest);
  }
})();

// Anchors written with other capitals (#Install-On-Linux) land on the heading, as on GitHub:
// the link checker accepts them, so the site must honour them.
(function () {
  function follow() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    var lower = id.toLowerCase();
    var all = document.querySelectorAll('[id], a[name]');
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if ((el.id || el.getAttribute('name') || '').toLowerCase() === lower) { el.scrollIntoView(); return; }
    }
  }
  window.addEventListener('hashchange', follow);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', follow); else follow();
})();

// The Menu drawer of narrow screens. Without this script the Menu link opens it by :target and
// its Close link shuts it; with it, both are buttons, Escape or a tap beside the drawer shuts it,
// and the rest of the page is inert while it is open.
(function () {
  var drawer = document.getElementById('drawer');
  var link = document.querySelector('a.menu-link');
  var closeLink = drawer && drawer.querySelector('a.drawer-close');
  if (!drawer || !link || !closeLink) return;
  function button(from) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = from.className;
    b.innerHTML = from.innerHTML;
    from.parentNode.replaceChild(b, from);
    return b;
  }
  var menu = button(link);
  menu.setAttribute('aria-controls', 'drawer');
  menu.setAttribute('aria-expanded', 'false');
  var close = button(closeLink);
  var backdrop = document.querySelector('.drawer-backdrop');
  var narrow = window.matchMedia('(max-width: 75rem)');
  var outside = Array.prototype.slice.call(document.querySelectorAll('.skip-link, .site-header, #content, .site-footer'));

  function isOpen() { return drawer.classList.contains('open'); }
  function open() {
    drawer.classList.add('open');
    drawer.setAttribute('role', 'dialog');
    drawer.setAttribute('aria-modal', 'true');
    drawer.setAttribute('aria-label', 'Menu');
    menu.setAttribute('aria-expanded', 'true');
    document.documentElement.classList.add('drawer-open');
    outside.forEach(function (el) { el.inert = true; });
    close.focus();
  }
  function shut(returnFocus) {
    if (!isOpen()) return;
    drawer.classList.remove('open');
    drawer.removeAttribute('role');
    drawer.removeAttribute('aria-modal');
    drawer.removeAttribute('aria-label');
    menu.setAttribute('aria-expanded', 'false');
    document.documentElement.classList.remove('drawer-open');
    outside.forEach(function (el) { el.inert = false; });
    if (returnFocus) menu.focus();
  }
  menu.addEventListener('click', function () { if (isOpen()) shut(true); else open(); });
  close.addEventListener('click', function () { shut(true); });
  if (backdrop) backdrop.addEventListener('click', function (e) { e.preventDefault(); shut(true); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && isOpen()) { e.preventDefault(); shut(true); }
  });
  // a link to a heading of this page ("On this page") shuts the drawer so the heading shows
  drawer.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href^="#"]');
    if (a) shut(false);
  });
  var onChange = function () { if (!narrow.matches) shut(false); };
  if (narrow.addEventListener) narrow.addEventListener('change', onChange); else narrow.addListener(onChange);
  // opened by its link before this script ran: keep it open, as the script's drawer
  if (location.hash === '#drawer') {
    history.replaceState(null, '', location.pathname + location.search);
    if (narrow.matches) open();
  }
})();
