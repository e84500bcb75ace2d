/*
 * Pages and sections that moved: a studied mark made on a page's old address follows the page, and an
 * old link to a section that moved to another page goes on to its new address.
 */
(function () {
  "use strict";

  var R = window.StudyReader;
  var S = window.StudyStore;

  // A page that moved keeps its studied mark. assets/practice/moved.json maps each old page id to the
  // new one (from the redirects in mkdocs.yml); it is fetched, once, only when the record names a page
  // that the navigation does not list: a mark made before the move, or one in an imported file.
  var movedMap = null;

  function followMovedPages() {
    if (!window.fetch) return;
    var known = {};
    document.querySelectorAll(".md-nav__link[href]").forEach(function (link) {
      R.pageIdsOf(link.href).forEach(function (id) {
        known[id] = true;
      });
    });
    if (!Object.keys(known).length) return;
    var unknown = Object.keys(S.load().pages).filter(function (id) { return !known[id]; });
    if (!unknown.length) return;
    movedMap = movedMap || fetch(R.root + "assets/practice/moved.json")
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; });
    movedMap.then(function (moved) {
      var renamed = Object.keys(S.load().pages).filter(function (id) {
        return Object.prototype.hasOwnProperty.call(moved, id);
      });
      if (!renamed.length) return;
      S.update(function (record) {
        renamed.forEach(function (id) {
          record.pages[moved[id]] = record.pages[moved[id]] || record.pages[id];
          delete record.pages[id];
        });
      });
    });
  }

  // The record changed: an imported file may name pages by their old addresses.
  document.addEventListener("study:changed", followMovedPages);

  // A section that moved to another page leaves a map behind ({anchor: address}): each change once had
  // its anchor on the changes index and now lives on its area's page; a split glossary letter.
  function followMovedAnchor() {
    var box = document.querySelector(".moved-anchors[data-targets]");
    var id = decodeURIComponent(location.hash.slice(1));
    if (!box || !id || document.getElementById(id)) return;
    var targets = JSON.parse(box.getAttribute("data-targets"));
    if (Object.prototype.hasOwnProperty.call(targets, id)) location.replace(targets[id] + "#" + encodeURIComponent(id));
  }

  R.followMoved = function () {
    followMovedAnchor();
    followMovedPages();
  };
})();
