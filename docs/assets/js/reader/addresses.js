/*
 * The namespace the reader's parts share (window.StudyReader), opened with what several of them need:
 * the site's root and the page ids a link points to. setup.js lists what each part does on a page view.
 */
(function () {
  "use strict";

  // The site's root, from this script's own address as it loaded (…/assets/js/reader.js): it holds across
  // instant navigation and whatever path the site is served under. Reading a script element's src later
  // would resolve its relative address against whatever page instant navigation has moved to since.
  var ROOT = (document.currentScript && document.currentScript.src ||
    new URL("assets/js/reader.js", location.href).href).replace(/assets\/js\/reader(\.[^/]*)?\.js.*$/, "");

  // The page ids (docs path without ".md") a link can point to: ".../a/b/" is a/b.md or a/b/index.md.
  function pageIdsOf(href) {
    var url, root;
    try {
      url = new URL(href, location.href);
      root = new URL(ROOT);
    } catch (err) {
      return [];
    }
    if (url.origin !== root.origin || url.pathname.indexOf(root.pathname) !== 0) return [];
    var path = decodeURIComponent(url.pathname.slice(root.pathname.length))
      .replace(/(^|\/)index\.html$/, "$1")
      .replace(/\.html$/, "")
      .replace(/\/$/, "");
    return path ? [path, path + "/index"] : ["index"];
  }

  window.StudyReader = { root: ROOT, pageIdsOf: pageIdsOf };
})();
