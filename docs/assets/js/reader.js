/*
 * The reader's script, on every page: the learner's record in this browser (window.StudyStore), the
 * "studied" controls of notes pages, and the practice apps, whose code (practice.js) is fetched only on
 * pages that have one. Plain JavaScript, no dependencies; nothing is sent anywhere.
 *
 * Material's instant navigation swaps page content without reloading scripts, so setup runs on every
 * document$ emission and touches only what the current page has.
 */
(function () {
  "use strict";

  // ------------------------------------------------------------------ the learner's record

  var KEY = "aws-ml-notes:v2";
  var OLD_KEY = "aws-ml-notes:progress:v1";
  var memory = null; // when localStorage is blocked (private mode, disabled storage)

  function empty() {
    return { version: 2, pages: {}, answers: {}, flags: {}, mocks: [], cards: {} };
  }

  function isMap(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Keep only the parts we know, each of the right shape: a record from an old version, another site
  // or a hand-edited file cannot break the pages.
  function normalize(raw) {
    var record = empty();
    if (!isMap(raw)) return record;
    ["pages", "answers", "flags", "cards"].forEach(function (part) {
      if (isMap(raw[part])) record[part] = raw[part];
    });
    if (Array.isArray(raw.mocks)) record.mocks = raw.mocks.filter(isMap);
    return record;
  }

  // Version 1 kept {pages: {id: true}, quiz: {id: {right}}, cards: {...}}.
  function fromVersion1(old) {
    var record = empty();
    if (isMap(old.pages)) {
      Object.keys(old.pages).forEach(function (id) {
        if (old.pages[id]) record.pages[id] = true;
      });
    }
    if (isMap(old.quiz)) {
      Object.keys(old.quiz).forEach(function (id) {
        var a = old.quiz[id];
        if (isMap(a)) record.answers[id] = { right: !!a.right };
      });
    }
    return record;
  }

  function read(key) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : null;
    } catch (err) {
      return null;
    }
  }

  function load() {
    if (memory) return normalize(memory);
    var current = read(KEY);
    if (current) return normalize(current);
    var old = read(OLD_KEY);
    return old ? fromVersion1(old) : empty();
  }

  function save(record) {
    var clean = normalize(record);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(clean));
      memory = null;
    } catch (err) {
      memory = clean;
    }
    document.dispatchEvent(new CustomEvent("study:changed"));
    return clean;
  }

  function update(change) {
    var record = load();
    change(record);
    return save(record);
  }

  function clear() {
    memory = null;
    try {
      window.localStorage.removeItem(KEY);
      window.localStorage.removeItem(OLD_KEY);
    } catch (err) {
      /* nothing stored */
    }
    document.dispatchEvent(new CustomEvent("study:changed"));
  }

  window.StudyStore = { KEY: KEY, load: load, save: save, update: update, clear: clear, normalize: normalize };

  // ------------------------------------------------------------------ "studied" controls

  function setupStudyControls() {
    document.querySelectorAll(".study-toggle[data-page]").forEach(function (button) {
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      var id = button.getAttribute("data-page");
      function show() {
        var done = !!load().pages[id];
        button.setAttribute("aria-pressed", done ? "true" : "false");
        button.textContent = done ? "Studied ✓ (select to undo)" : "Mark this page as studied";
      }
      button.addEventListener("click", function () {
        update(function (r) {
          if (r.pages[id]) delete r.pages[id];
          else r.pages[id] = true;
        });
      });
      document.addEventListener("study:changed", show);
      show();
    });
    document.querySelectorAll("a.study-and-next[data-page]").forEach(function (link) {
      if (link.dataset.ready) return;
      link.dataset.ready = "1";
      link.addEventListener("click", function () {
        var id = link.getAttribute("data-page");
        update(function (r) {
          r.pages[id] = true;
        });
      });
    });
  }

  // ------------------------------------------------------------------ practice apps, loaded on demand

  var practiceLoading = null;

  function scriptBase() {
    var own = document.querySelector('script[src*="assets/js/reader"]');
    return own ? own.src.replace(/reader(\.[^/]*)?\.js.*$/, "") : "assets/js/";
  }

  function setupPractice() {
    if (!document.querySelector("[data-practice]")) return;
    if (window.Practice) {
      window.Practice.mount(document);
      return;
    }
    if (practiceLoading) return;
    practiceLoading = document.createElement("script");
    practiceLoading.src = scriptBase() + "practice.js";
    practiceLoading.onload = function () {
      if (window.Practice) window.Practice.mount(document);
    };
    document.head.appendChild(practiceLoading);
  }

  function setup() {
    setupStudyControls();
    setupPractice();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
