/*
 * The practice apps' loader and shared helpers: reader.js loads this file on pages with a [data-practice]
 * element, and it fetches each app's own files (FILES below) when a page first shows the app.
 */
/*
 * reader.js calls window.Practice.mount(document) on every page view (Material's instant navigation swaps
 * pages without reloading scripts). The apps: the quiz, the mock exam, the flashcards, the progress panel
 * and the readiness estimate. No network calls but the site's own JSON files, which load only when the
 * learner starts: assets/practice/bank.json (questions) and glossary.json (flashcards).
 *
 * What is kept, all in this browser:
 *   - window.StudyStore (reader/store.js, in reader.js), localStorage "aws-ml-notes:v2": {version: 2,
 *     pages: {pageId: true}, answers: {qid: {right, at, times}}, flags: {qid: true}, mocks: [attempt, ...
 *     the last 20], cards: {termId: {due: "YYYY-MM-DD", interval, ease, reps, lapses, first, last}}};
 *   - the mock exam in progress: localStorage "aws-ml-notes:mock" (survives a reload); it and each finished
 *     attempt keep the seed that drew the questions and ordered their options, so a review shows them as
 *     they were shown;
 *   - the quiz's question list and answers of this visit: sessionStorage "aws-ml-notes:quiz".
 * The quiz keeps its filters, order, options' order (the seed) and position in the address (?exam=&domain=
 * &task=&topic=&mode=&order=&seed=&n= or ?ids=a,b,c), so Back, reload and a shared link restore them; each
 * move to another question adds a history entry, so Back returns to the previous one. (Not "q" or "h":
 * Material reads those as a search.)
 *
 * The files per app: progress.js for the progress panel (pages such as the home page load this file for
 * the panel alone), practice-questions.js with quiz.js or mock.js (each built from its parts,
 * hooks/studykit/assets.py, BUNDLES), scheduler.js with flashcards.js (and, when a review starts, the
 * vendored FSRS library), mock-review.js (the review after a mock exam, fetched by mock.js) and
 * readiness.js (the readiness estimate, and its column in the progress panel once the learner has
 * answers or flashcards).
 *
 * The pure helpers (days, percentages, an answer's record) also run under Node for the unit tests: without
 * a document they only fill globalThis.PracticeCore, which the other files' pure helpers join.
 */
(function (global) {
  "use strict";

  // ================================================================ pure helpers

  var MOCK_HISTORY = 20;

  function isMap(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  function percent(right, total) {
    return total ? Math.round((100 * right) / total) : 0;
  }

  // ---- days, in the learner's time zone

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function isoDay(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function dayDate(day) {
    var p = day.split("-").map(Number);
    return new Date(p[0], p[1] - 1, p[2]);
  }

  function daysBetween(from, to) {
    return Math.round((Date.UTC.apply(null, to.split("-").map(function (v, i) {
      return i === 1 ? v - 1 : +v;
    })) - Date.UTC.apply(null, from.split("-").map(function (v, i) {
      return i === 1 ? v - 1 : +v;
    }))) / 86400000);
  }

  function dueCount(cards, today) {
    return Object.keys(cards).filter(function (id) {
      return cards[id].due <= today;
    }).length;
  }

  function newToday(cards, today) {
    return Object.keys(cards).filter(function (id) {
      return cards[id].first === today;
    }).length;
  }

  function showDay(day) {
    return dayDate(day).toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric" });
  }

  function fromToday(day, today) {
    var n = daysBetween(today, day);
    return n <= 0 ? "today" : n === 1 ? "tomorrow" : "in " + n + " days";
  }

  function plural(n, word, many) {
    return n + " " + (n === 1 ? word : many || word + "s");
  }

  // The domains a question tests in each exam ({"MLA-C02": ["1"], "MLS-C01": ["1", "2"]}): the domains of
  // all its tasks, as the build works them out (practice.question_domains) and ships them in bank.json.
  // Kept with each answer, so the progress panel counts right answers per domain without the bank.
  function domainsOf(question) {
    return isMap(question.domains) ? question.domains : {};
  }

  function answerRecord(question, right, before, at) {
    return { right: right, at: at, times: ((before && before.times) || 0) + 1, d: domainsOf(question) };
  }

  var core = {
    isMap: isMap, percent: percent, pad: pad, isoDay: isoDay, dueCount: dueCount, newToday: newToday, plural: plural,
    MOCK_HISTORY: MOCK_HISTORY, showDay: showDay, fromToday: fromToday, domainsOf: domainsOf, answerRecord: answerRecord,
  };

  if (typeof document === "undefined") {
    global.PracticeCore = core;
    return;
  }

  // ================================================================ page helpers

  var script = document.currentScript;
  var ROOT = script && script.src ? script.src.replace(/assets\/js\/practice\.js.*$/, "") : location.origin + "/";

  function store() {
    return global.StudyStore;
  }

  var loading = {};

  function loadJSON(name) {
    if (!loading[name]) {
      loading[name] = fetch(ROOT + "assets/practice/" + name, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      });
      loading[name].catch(function () {
        delete loading[name]; // let the learner try again
      });
    }
    return loading[name];
  }

  function h(tag, attrs, kids) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") el.textContent = v;
      else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : String(v));
    });
    (kids || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    });
    return el;
  }

  function button(text, onclick, attrs) {
    var a = Object.assign({ type: "button", class: "practice-button" }, attrs || {});
    a.onclick = onclick;
    return h("button", a, [text]);
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }

  function announce(app, text) {
    app.status.textContent = "";
    clearTimeout(app.announceTimer);
    app.announceTimer = setTimeout(function () {
      app.status.textContent = text;
    }, 50);
  }

  function focus(el) {
    if (!el) return;
    if (!el.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: false });
  }

  function siteLink(path) {
    return ROOT + path;
  }

  // A modal question with two answers, in the app's own box so the app's styles apply (a <dialog> shows
  // above the page wherever it sits). Resolves to true for the confirming answer; Escape, the other
  // button and closing the dialog all resolve to false. `focusConfirm` puts the focus on the confirming
  // button; by default it starts on the safe one.
  var dialogs = 0;

  function confirmDialog(where, opts) {
    return new Promise(function (resolve) {
      var id = "practice-dialog-" + (++dialogs);
      var ok = h("button", { type: "button", class: "practice-button practice-button--primary" + (opts.danger ? " progress-clear" : ""),
        onclick: function () {
          dialog.close("ok");
        } }, [opts.confirm]);
      var cancel = h("button", { type: "button", class: "practice-button", onclick: function () {
        dialog.close("cancel");
      } }, [opts.cancel]);
      var dialog = h("dialog", { class: "practice-dialog", "aria-labelledby": id + "-title", "aria-describedby": id + "-body" }, [
        h("h2", { id: id + "-title", class: "practice-dialog-title" }, [opts.title]),
        h("div", { id: id + "-body" }, opts.body.map(function (b) {
          return typeof b === "string" ? h("p", {}, [b]) : b;
        })),
        h("p", { class: "quiz-nav practice-dialog-actions" }, [opts.focusConfirm ? ok : cancel, opts.focusConfirm ? cancel : ok]),
      ]);
      var back = document.activeElement;
      dialog.addEventListener("close", function () {
        var yes = dialog.returnValue === "ok";
        dialog.remove();
        if (back && back.isConnected && !yes) back.focus();
        resolve(yes);
      });
      where.appendChild(dialog);
      dialog.showModal();
      (opts.focusConfirm ? ok : cancel).focus();
    });
  }

  function readKey(storage, key) {
    try {
      var v = JSON.parse(global[storage].getItem(key));
      return isMap(v) ? v : null;
    } catch (err) {
      return null;
    }
  }

  function writeKey(storage, key, value) {
    try {
      if (value) global[storage].setItem(key, JSON.stringify(value));
      else global[storage].removeItem(key);
    } catch (err) {
      /* storage blocked: the state lives only as long as the page */
    }
  }

  function typingIn(t) {
    if (!t || !t.closest) return false;
    if (t.closest("textarea, select, [contenteditable=''], [contenteditable='true']")) return true;
    return t.tagName === "INPUT" && !/^(radio|checkbox|button|submit)$/.test(t.type);
  }

  function onControl(t) {
    return !!(t && t.closest && t.closest("a[href], button, summary, input, label"));
  }

  // One keyboard listener for the page: the app on screen takes the keys, from the moment it shows,
  // wherever the focus is (except in a text field or a select).
  var keys = { current: null };
  document.addEventListener("keydown", function (e) {
    if (!keys.current || !keys.current.root.isConnected || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (typingIn(e.target)) return;
    if (keys.current.handle(e, e.target)) {
      e.preventDefault();
      e.stopPropagation();
    }
  });

  var MOCK_KEY = "aws-ml-notes:mock";
  var mockMemory = null; // when localStorage is blocked

  function readMock() {
    return readKey("localStorage", MOCK_KEY) || mockMemory;
  }

  function writeMock(m) {
    mockMemory = m;
    writeKey("localStorage", MOCK_KEY, m);
  }

  // ================================================================ mounting

  var APPS = {};
  // The files each app needs, fetched in order, once, when a page first needs them.
  var FILES = {
    quiz: ["practice-questions.js", "quiz.js"],
    mock: ["practice-questions.js", "mock.js"],
    flashcards: ["scheduler.js", "flashcards.js"],
    progress: ["progress.js"],
    readiness: ["readiness.js"],
  };
  var scripts = {};

  function loadScript(name) {
    if (!scripts[name]) {
      scripts[name] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = ROOT + "assets/js/" + name;
        s.onload = resolve;
        s.onerror = function () {
          delete scripts[name];
          reject(new Error(name));
        };
        document.head.appendChild(s);
      });
    }
    return scripts[name];
  }

  // The apps' own styles (assets/css/practice.css), which only script-drawn parts use: fetched once,
  // before the first app draws, so nothing shows unstyled.
  var styles = null;

  function loadStyles() {
    if (!styles) {
      styles = new Promise(function (resolve) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = ROOT + "assets/css/practice.css";
        link.onload = resolve;
        link.onerror = resolve; // the app still works, plainer
        document.head.appendChild(link);
      });
    }
    return styles;
  }

  function start(kind, app) {
    if (APPS[kind]) return loadStyles().then(function () {
      APPS[kind](app);
    });
    (FILES[kind] || []).reduce(function (loaded, name) {
      return loaded.then(function () {
        return loadScript(name);
      });
    }, loadStyles()).then(function () {
      if (app.el.isConnected && APPS[kind]) APPS[kind](app);
    }, function () {
      clear(app.mount).appendChild(h("p", { role: "alert" }, ["This practice app could not be loaded. Check your connection and reload the page."]));
    });
  }

  function mount(root) {
    (root || document).querySelectorAll("[data-practice]").forEach(function (el) {
      var kind = el.getAttribute("data-practice");
      if (el.dataset.mounted) return;
      el.dataset.mounted = "1";
      var block = el.querySelector(".practice-data[data-json]");
      var app = {
        el: el,
        data: block ? JSON.parse(block.getAttribute("data-json")) : null,
        mount: el.querySelector(".practice-mount"),
        status: el.querySelector(".practice-status"),
      };
      var intro = el.querySelector(".practice-intro");
      if (intro && kind !== "progress") intro.hidden = true;
      start(kind, app);
    });
  }

  // Each app's file adds its app here: quiz.js, mock.js, flashcards.js, progress.js and readiness.js.
  function register(apps) {
    Object.keys(apps).forEach(function (k) {
      APPS[k] = apps[k];
    });
  }

  global.Practice = {
    mount: mount,
    register: register,
    lib: Object.assign({}, core, {
      store: store, loadJSON: loadJSON, h: h, button: button, clear: clear, announce: announce, focus: focus,
      siteLink: siteLink, readKey: readKey, writeKey: writeKey, onControl: onControl, keys: keys, readMock: readMock,
      writeMock: writeMock, confirmDialog: confirmDialog, loadScript: loadScript,
    }),
  };
})(typeof window !== "undefined" ? window : globalThis);
