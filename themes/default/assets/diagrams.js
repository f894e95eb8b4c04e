// Draws ```mermaid blocks at their natural size (a wide one scrolls sideways), each with a button
// that opens it full size over the page. Loaded only on pages that have one.
(function () {
  // the reader's choice with the theme switch first (reader.js), else the system's setting
  var chosen = document.documentElement.getAttribute('data-theme');
  var dark = chosen ? chosen === 'dark' : window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  var natural = { useMaxWidth: false };
  window.mermaid.initialize({
    startOnLoad: false, theme: dark ? 'dark' : 'default', securityLevel: 'strict',
    flowchart: natural, sequence: natural, class: natural, state: natural, er: natural, gantt: natural,
    journey: natural, pie: natural, requirement: natural, gitGraph: natural, mindmap: natural, timeline: natural
  });
  var dialog = null;
  var home = null;
  function fullSize(pre) {
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.className = 'diagram-dialog';
      dialog.setAttribute('aria-label', 'Diagram, full size');
      dialog.innerHTML = '<form method="dialog"><button type="submit">Close</button></form><div class="diagram-full"></div>';
      document.body.appendChild(dialog);
      // the diagram goes back to its place on the page when the dialog closes (Escape or Close)
      dialog.addEventListener('close', function () {
        var svg = dialog.querySelector('.diagram-full svg');
        if (svg && home) home.appendChild(svg);
        home = null;
      });
    }
    var svg = pre.querySelector('svg');
    if (!svg) return;
    home = pre;
    dialog.querySelector('.diagram-full').appendChild(svg);
    dialog.showModal();
  }
  window.mermaid.run({ querySelector: 'pre.mermaid' }).then(function () {
    document.querySelectorAll('pre.mermaid').forEach(function (pre) {
      if (!pre.querySelector('svg')) return;
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'diagram-open';
      b.textContent = 'Open full size';
      b.addEventListener('click', function () { fullSize(pre); });
      pre.parentNode.insertBefore(b, pre.nextSibling);
    });
  });
})();
