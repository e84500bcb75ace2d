/*
 * What the reader's parts do on each page view, in order. Material's instant navigation swaps page content
 * without reloading scripts, so this runs on every document$ emission and touches only what the page has.
 */
(function () {
  "use strict";

  var R = window.StudyReader;

  // What the reader does not need before the first paint runs in a task of its own once the page is
  // idle, so the page's first long task (the theme setting itself up) does not grow by it.
  var later = typeof window.requestIdleCallback === "function"
    ? function (work) { window.requestIdleCallback(work, { timeout: 600 }); }
    : function (work) { window.setTimeout(work, 60); };

  function setup() {
    R.followMoved();
    // A mock exam hides search and navigation while it runs (mock.js); a new page view starts
    // with them back, and the mock exam's page hides them again if the exam is still running.
    document.documentElement.classList.remove("closed-book");
    // Before the theme's tooltips take the terms' titles away.
    R.resetTerms();
    R.loadPageScripts(); // the practice apps keep their place on Back only if they mount with the page
    later(R.showStudied);
    later(R.addScrollCues);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
