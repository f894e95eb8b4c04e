// Content tabs (=== "Tab" in Markdown). The page shows every panel under its label, which works
// without JavaScript; this shows the tab list instead, one panel at a time. The tabs follow the
// ARIA tabs pattern: one tab in the Tab order (roving tabindex), Left/Right/Home/End move between
// tabs and select them. Loaded only on pages that have tabs.
(function () {
  function select(tabs, tab, focus) {
    tabs.forEach(function (t) {
      var on = t === tab;
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.tabIndex = on ? 0 : -1;
      var panel = document.getElementById(t.getAttribute('aria-controls'));
      if (!panel) return;
      panel.hidden = !on;
      // Tab goes from the tab list to its panel (without JavaScript the panels are plain text)
      panel.tabIndex = 0;
    });
    if (focus) tab.focus();
  }

  document.querySelectorAll('.tabbed-set').forEach(function (set) {
    var list = set.querySelector(':scope > [role="tablist"]');
    if (!list) return;
    var tabs = Array.prototype.slice.call(list.querySelectorAll(':scope > [role="tab"]'));
    if (!tabs.length) return;
    set.classList.add('tabbed-js');
    list.hidden = false;
    var current = tabs.filter(function (t) { return t.getAttribute('aria-selected') === 'true'; })[0] || tabs[0];
    select(tabs, current, false);
    tabs.forEach(function (tab, i) {
      tab.addEventListener('click', function () { select(tabs, tab, true); });
      tab.addEventListener('keydown', function (e) {
        var to = null;
        if (e.key === 'ArrowRight') to = tabs[(i + 1) % tabs.length];
        else if (e.key === 'ArrowLeft') to = tabs[(i - 1 + tabs.length) % tabs.length];
        else if (e.key === 'Home') to = tabs[0];
        else if (e.key === 'End') to = tabs[tabs.length - 1];
        if (!to) return;
        e.preventDefault();
        select(tabs, to, true);
      });
    });
  });
})();
