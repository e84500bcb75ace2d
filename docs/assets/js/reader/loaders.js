/*
 * Scripts only some pages need, fetched there: the glossary filter (glossary-filter.js) on the glossary's
 * index page, and the practice apps (practice.js) on pages with a [data-practice] element.
 */
(function () {
  "use strict";

  var R = window.StudyReader;
  var SCRIPTS = R.root + "assets/js/";

  // Only the glossary's index page has the filter box: its code (glossary-filter.js) loads there.
  var filterLoading = null;

  function setupGlossaryFilter() {
    if (!document.querySelector(".glossary-filter")) return;
    if (window.GlossaryFilter) {
      window.GlossaryFilter.mount(document, R.root);
      return;
    }
    if (filterLoading) return;
    filterLoading = document.createElement("script");
    filterLoading.src = SCRIPTS + "glossary-filter.js";
    filterLoading.onload = function () {
      if (window.GlossaryFilter) window.GlossaryFilter.mount(document, R.root);
    };
    document.head.appendChild(filterLoading);
  }

  // The practice apps: practice.js, which loads each app's own files.
  var practiceLoading = null;

  // The progress panel sits below the first screen (home and practice pages): its scripts load when it
  // comes near the viewport, so those pages' first view does not wait for them. The apps load at once.
  var panelWatch = null;

  function setupPractice() {
    var apps = document.querySelectorAll("[data-practice]");
    if (!apps.length) return;
    var panelsOnly = Array.prototype.every.call(apps, function (el) {
      return el.getAttribute("data-practice") === "progress";
    });
    if (panelsOnly && !window.Practice && "IntersectionObserver" in window) {
      if (panelWatch) panelWatch.disconnect();
      panelWatch = new IntersectionObserver(function (entries) {
        if (!entries.some(function (e) { return e.isIntersecting; })) return;
        panelWatch.disconnect();
        panelWatch = null;
        loadPractice();
      });
      Array.prototype.forEach.call(apps, function (el) { panelWatch.observe(el); });
      return;
    }
    loadPractice();
  }

  function loadPractice() {
    if (window.Practice) {
      window.Practice.mount(document);
      return;
    }
    if (practiceLoading) return;
    practiceLoading = document.createElement("script");
    practiceLoading.src = SCRIPTS + "practice.js";
    practiceLoading.onload = function () {
      if (window.Practice) window.Practice.mount(document);
    };
    document.head.appendChild(practiceLoading);
  }

  R.loadPageScripts = function () {
    setupGlossaryFilter();
    setupPractice();
  };
})();
