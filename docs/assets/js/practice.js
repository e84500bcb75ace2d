/*
 * The practice apps: the quiz, the mock exam, the flashcards and the progress panel. reader.js loads
 * this file only on pages with a [data-practice] element and calls window.Practice.mount(document)
 * on every page view (Material's instant navigation swaps pages without reloading scripts).
 *
 * Plain JavaScript, no dependencies, no network calls but the site's own JSON files, which load only
 * when the learner starts: assets/practice/bank.json (questions) and glossary.json (flashcards).
 *
 * What is kept, all in this browser:
 *   - window.StudyStore (reader.js), localStorage "aws-ml-notes:v2": {version: 2, pages: {pageId: true},
 *     answers: {qid: {right, at, times}}, flags: {qid: true}, mocks: [attempt, ... the last 20],
 *     cards: {termId: {due: "YYYY-MM-DD", interval, ease, reps, lapses, first, last}}};
 *   - the mock exam in progress: localStorage "aws-ml-notes:mock" (survives a reload);
 *   - the quiz's question list and answers of this visit: sessionStorage "aws-ml-notes:quiz".
 * The quiz keeps its filters, order and position in the address (?exam=&domain=&task=&topic=&mode=
 * &order=&seed=&n= or ?ids=a,b,c), so Back, reload and a shared link restore them. (Not "q" or "h":
 * Material reads those as a search.)
 *
 * Two files: this one (the progress panel, the learner's storage, shared helpers), which pages such as
 * the home page load for the panel alone, and practice-apps.js (the quiz, the mock exam and the
 * flashcards), which this one fetches only for a page that has one of those apps.
 *
 * The pure helpers of both files (scoring, drawing by weight, SM-2, import checks) also run under Node
 * for the unit tests: without a document they only fill globalThis.PracticeCore.
 */
(function (global) {
  "use strict";

  // ================================================================ pure helpers

  var APP = "aws-ml-study-notes";
  var EXPORT_VERSION = 2;
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

  function addDays(day, n) {
    var d = dayDate(day);
    d.setDate(d.getDate() + n);
    return isoDay(d);
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

  // ---- the export file

  var DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
  var PARTS = ["version", "pages", "answers", "flags", "mocks", "cards"];

  function num(v, min) {
    return typeof v === "number" && isFinite(v) && v >= min;
  }

  function validateImport(file) {
    function fail(error) {
      return { ok: false, error: error };
    }
    if (!isMap(file)) return fail("This file is not a progress file of these notes: it holds no JSON object.");
    if (file.app !== APP || file.kind !== "progress") {
      return fail("This file is not a progress file of these notes. Choose a file made with “Export my progress”.");
    }
    if (file.version !== EXPORT_VERSION) {
      return fail("This progress file has version " + JSON.stringify(file.version) + ", which this site cannot read.");
    }
    var p = file.progress;
    if (!isMap(p)) return fail("This progress file has no progress in it.");
    var unknown = Object.keys(p).filter(function (k) {
      return PARTS.indexOf(k) < 0;
    });
    if (unknown.length) return fail("This progress file has a part this site does not know: “" + unknown[0] + "”.");
    var checks = {
      pages: function (v) {
        return v === true;
      },
      answers: function (v) {
        return isMap(v) && typeof v.right === "boolean" && (v.at === undefined || typeof v.at === "string") &&
          (v.times === undefined || num(v.times, 0)) && (v.d === undefined || isMap(v.d));
      },
      flags: function (v) {
        return v === true;
      },
      cards: function (v) {
        return isMap(v) && typeof v.due === "string" && DAY_PATTERN.test(v.due) && num(v.interval, 0) &&
          num(v.ease, 1.3) && num(v.reps, 0) && num(v.lapses, 0);
      },
    };
    for (var part in checks) {
      if (p[part] === undefined) continue;
      if (!isMap(p[part])) return fail("The “" + part + "” part of this file is damaged, so nothing was imported.");
      for (var key in p[part]) {
        if (!checks[part](p[part][key])) {
          return fail("The “" + part + "” part of this file is damaged (entry “" + key + "”), so nothing was imported.");
        }
      }
    }
    if (p.mocks !== undefined) {
      var good = Array.isArray(p.mocks) && p.mocks.every(function (m) {
        return isMap(m) && typeof m.exam === "string" && num(m.right, 0) && num(m.total, 0);
      });
      if (!good) return fail("The “mocks” part of this file is damaged, so nothing was imported.");
    }
    return {
      ok: true,
      record: {
        version: 2,
        pages: p.pages || {},
        answers: p.answers || {},
        flags: p.flags || {},
        mocks: (p.mocks || []).slice(-MOCK_HISTORY),
        cards: p.cards || {},
      },
    };
  }

  function plural(n, word, many) {
    return n + " " + (n === 1 ? word : many || word + "s");
  }

  // The domains a question tests in each exam ({"MLA-C02": ["1"], "MLS-C01": ["1", "2"]}), kept with each
  // answer, so the progress panel counts right answers per domain without loading the question bank.
  function domainsOf(question) {
    var out = {};
    Object.keys(question.tasks || {}).forEach(function (exam) {
      var seen = [];
      question.tasks[exam].forEach(function (code) {
        var domain = String(code).split(".")[0];
        if (seen.indexOf(domain) < 0) seen.push(domain);
      });
      out[exam] = seen;
    });
    return out;
  }

  function answerRecord(question, right, before, at) {
    return { right: right, at: at, times: ((before && before.times) || 0) + 1, d: domainsOf(question) };
  }

  function rightInDomain(answers, exam, domain) {
    return Object.keys(answers).filter(function (id) {
      var a = answers[id];
      return a && a.right === true && a.d && a.d[exam] && a.d[exam].indexOf(domain) >= 0;
    }).length;
  }

  var core = {
    isMap: isMap, percent: percent, pad: pad, isoDay: isoDay, dayDate: dayDate, addDays: addDays, daysBetween: daysBetween,
    dueCount: dueCount, newToday: newToday, validateImport: validateImport, plural: plural, MOCK_HISTORY: MOCK_HISTORY,
    domainsOf: domainsOf, answerRecord: answerRecord, rightInDomain: rightInDomain,
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

  // ================================================================ progress panel

  var panels = [];

  document.addEventListener("study:changed", function () {
    panels = panels.filter(function (p) {
      return p.app.el.isConnected;
    });
    panels.forEach(function (p) {
      p.refresh();
    });
  });

  function Progress(app) {
    var data = app.data;
    var summary = app.el.querySelector(".progress-summary");
    var actions = app.el.querySelector(".progress-actions");
    var message = h("p", { class: "progress-message", hidden: true });

    // Answers saved before they kept their question's domains (or imported from such a file) get them
    // from the question bank, loaded only in that case.
    var backfilling = false;

    function backfill(answers) {
      var missing = Object.keys(answers).filter(function (id) {
        return !answers[id].d;
      });
      if (!missing.length || backfilling) return;
      backfilling = true;
      loadJSON("bank.json").then(function (bank) {
        var byId = {};
        bank.questions.forEach(function (q) {
          byId[q.id] = q;
        });
        backfilling = false;
        store().update(function (r) {
          Object.keys(r.answers).forEach(function (id) {
            if (!r.answers[id].d && byId[id]) r.answers[id].d = domainsOf(byId[id]);
          });
        });
      }, function () {
        backfilling = false; // the counts stay as they are until the bank can be loaded
      });
    }

    function refresh() {
      var r = store().load();
      backfill(r.answers);
      data.exams.forEach(function (exam) {
        exam.domains.forEach(function (d) {
          var key = exam.code + ":" + d.number;
          var studied = d.pages.filter(function (p) {
            return r.pages[p];
          }).length;
          var right = rightInDomain(r.answers, exam.code, d.number);
          app.el.querySelectorAll('[data-studied="' + key + '"]').forEach(function (el) {
            el.textContent = studied;
          });
          app.el.querySelectorAll('[data-right="' + key + '"]').forEach(function (el) {
            el.textContent = right;
          });
        });
      });
      var answers = Object.keys(r.answers);
      var rightCount = answers.filter(function (id) {
        return r.answers[id].right;
      }).length;
      var last = r.mocks[r.mocks.length - 1];
      summary.textContent = "Questions answered: " + answers.length + " (" + rightCount + " right last time). Flagged: " +
        Object.keys(r.flags).length + ". Mock exams: " + r.mocks.length +
        (last ? " (last: " + percent(last.right, last.total) + "%)" : "") + ". Flashcards due today: " +
        dueCount(r.cards, isoDay(new Date())) + ".";
      summary.hidden = false;
    }

    function say(text, undo) {
      clear(message).appendChild(document.createTextNode(text + " "));
      if (undo) message.appendChild(button("Undo", undo, { class: "practice-button progress-undo" }));
      message.hidden = false;
      announce(app, text);
    }

    function exportFile() {
      var name = "aws-ml-study-progress-" + isoDay(new Date()) + ".json";
      var payload = { app: APP, kind: "progress", version: EXPORT_VERSION, exported: new Date().toISOString(), progress: store().load() };
      var url = URL.createObjectURL(new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" }));
      var a = h("a", { href: url, download: name, hidden: true });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () {
        URL.revokeObjectURL(url);
      }, 10000);
      say("Your progress was saved to the file " + name + ".");
    }

    function restore(before, mock, text) {
      return function () {
        store().save(before);
        writeMock(mock);
        say(text);
      };
    }

    function importFile() {
      var f = picker.files && picker.files[0];
      picker.value = "";
      if (!f) return;
      if (f.size > 5 * 1024 * 1024) return say("That file is too large to be a progress file. Nothing was changed.");
      f.text().then(function (text) {
        var parsed;
        try {
          parsed = JSON.parse(text);
        } catch (err) {
          return say("That file is not valid JSON, so it cannot be a progress file. Nothing was changed.");
        }
        var result = validateImport(parsed);
        if (!result.ok) return say(result.error + " Nothing was changed.");
        var before = store().load();
        var r = store().save(result.record);
        say("Imported " + f.name + ": " + plural(Object.keys(r.pages).length, "studied page") + ", " +
          plural(Object.keys(r.answers).length, "answer") + ", " + plural(r.mocks.length, "mock exam") + ", " +
          plural(Object.keys(r.cards).length, "flashcard") + ".", restore(before, readMock(), "The import was undone."));
      }, function () {
        say("That file could not be read. Nothing was changed.");
      });
    }

    function clearAll() {
      var before = store().load(), mock = readMock();
      store().clear();
      writeMock(null);
      say("Your progress is cleared.", restore(before, mock, "Your progress is back."));
    }

    var picker = h("input", { type: "file", accept: ".json,application/json", class: "practice-sr-only", tabindex: "-1",
      "aria-hidden": "true", onchange: importFile });
    clear(actions);
    actions.appendChild(button("Export my progress", exportFile));
    actions.appendChild(button("Import progress from a file", function () {
      picker.click();
    }));
    actions.appendChild(button("Clear my progress", clearAll, { class: "practice-button progress-clear" }));
    actions.appendChild(picker);
    actions.appendChild(message);
    actions.hidden = false;
    panels.push({ app: app, refresh: refresh });
    refresh();
  }

  // ================================================================ mounting

  var APPS = { progress: Progress };
  var appsLoading = null;

  // The quiz, the mock exam and the flashcards live in practice-apps.js, fetched once when needed.
  function loadApps() {
    if (!appsLoading) {
      appsLoading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = ROOT + "assets/js/practice-apps.js";
        s.onload = resolve;
        s.onerror = function () {
          appsLoading = null;
          reject(new Error("practice-apps.js"));
        };
        document.head.appendChild(s);
      });
    }
    return appsLoading;
  }

  function start(kind, app) {
    if (APPS[kind]) return APPS[kind](app);
    loadApps().then(function () {
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

  // practice-apps.js adds its apps and its pure helpers here.
  function register(apps, helpers) {
    Object.keys(apps).forEach(function (k) {
      APPS[k] = apps[k];
    });
    Object.keys(helpers).forEach(function (k) {
      core[k] = helpers[k];
    });
  }

  global.Practice = {
    mount: mount,
    register: register,
    core: core,
    lib: Object.assign({}, core, {
      ROOT: ROOT, store: store, loadJSON: loadJSON, h: h, button: button, clear: clear, announce: announce, focus: focus,
      siteLink: siteLink, readKey: readKey, writeKey: writeKey, onControl: onControl, keys: keys, readMock: readMock,
      writeMock: writeMock,
    }),
  };
})(typeof window !== "undefined" ? window : globalThis);
