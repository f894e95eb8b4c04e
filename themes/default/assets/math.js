// Draws $…$ and $$…$$ math with KaTeX. The page holds the TeX as text, which is what a reader
// without JavaScript sees. Loaded, with KaTeX, only on pages that have math.
(function () {
  if (!window.katex) return;
  document.querySelectorAll('.math').forEach(function (el) {
    var tex = el.textContent;
    try {
      window.katex.render(tex, el, { displayMode: el.classList.contains('math-display'), throwOnError: false,
        output: 'htmlAndMathml' });
      el.setAttribute('data-tex', tex);
    } catch (e) {
      el.textContent = tex;
    }
  });
})();
