// Highlights fenced code that names its language. Loaded only on pages that have such a block.
(function () {
  if (!window.hljs) return;
  window.hljs.configure({ ignoreUnescapedHTML: true });
  var blocks = document.querySelectorAll('pre code[class*="language-"]');
  for (var i = 0; i < blocks.length; i++) {
    var lang = (blocks[i].className.match(/language-([\w+#-]+)/) || [])[1];
    if (lang && window.hljs.getLanguage(lang)) window.hljs.highlightElement(blocks[i]);
  }
})();
