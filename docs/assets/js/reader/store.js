/*
 * The learner's record in this browser (window.StudyStore): studied pages, answers, flags, mock exams and
 * flashcards, kept in localStorage (in memory when storage is blocked). Every change fires "study:changed".
 */
(function () {
  "use strict";

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
})();
