/*
 * What the reader's parts do on each page view, in order. Material's instant navigation swaps page content
 * without reloading scripts, so this runs on every document$ emission and touches only what the page has.
 */
(function () {
  "use strict";

  var R = window.StudyReader;

  function setup() {
    R.followMoved();
    // A mock exam hides search and navigation while it runs (mock.js); a new page view starts
    // with them back, and the mock exam's page hides them again if the exam is still running.
    document.documentElement.classList.remove("closed-book");
    R.resetTerms();
    R.showStudied();
    R.addScrollCues();
    R.loadPageScripts();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
