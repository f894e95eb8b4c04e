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
