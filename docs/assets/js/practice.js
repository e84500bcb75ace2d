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
 *   - the mock exam in progress: localStorage "aws-ml-notes:mock" (survives a reload); it and each finished
 *     attempt keep the seed that drew the questions and ordered their options, so a review shows them as
 *     they were shown;
 *   - the quiz's question list and answers of this visit: sessionStorage "aws-ml-notes:quiz".
 * The quiz keeps its filters, order, options' order (the seed) and position in the address (?exam=&domain=
 * &task=&topic=&mode=&order=&seed=&n= or ?ids=a,b,c), so Back, reload and a shared link restore them; each
 * move to another question adds a history entry, so Back returns to the previous one. (Not "q" or "h":
 * Material reads those as a search.)
 *
 * This file holds the progress panel, the learner's storage and the shared helpers; pages such as the
 * home page load it for the panel alone. It fetches the other files only on a page that uses them:
 * practice-apps.js (the quiz, the mock exam and the flashcards), mock-review.js (the review after a
 * mock exam, fetched by practice-apps.js) and readiness.js (the readiness estimate, and its column in
 * the progress panel once the learner has answers or flashcards).
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

  // The domains a question tests in each exam ({"MLA-C02": ["1"], "MLS-C01": ["1", "2"]}): the domains of
  // all its tasks, as the build works them out (practice.question_domains) and ships them in bank.json.
  // Kept with each answer, so the progress panel counts right answers per domain without the bank.
  function domainsOf(question) {
    return isMap(question.domains) ? question.domains : {};
  }

  // ---- merging an imported file into this browser's progress

  function counts(r) {
    return {
      cards: Object.keys(r.cards || {}).length, answers: Object.keys(r.answers || {}).length,
      pages: Object.keys(r.pages || {}).length, mocks: (r.mocks || []).length, flags: Object.keys(r.flags || {}).length,
    };
  }

  function stamp(v) {
    var t = typeof v === "string" ? Date.parse(v) : NaN;
    return isFinite(t) ? t : -Infinity;
  }

  // The newer of two records of one card or answer: the later review (cards: `last`, a day) or answer
  // (`at`, a time); on a tie, the one with more reviews or answers; then the one already here.
  function newerOf(here, there, when, count) {
    if (!here) return there;
    if (!there) return here;
    var a = stamp(here[when]), b = stamp(there[when]);
    if (b !== a) return b > a ? there : here;
    return (there[count] || 0) > (here[count] || 0) ? there : here;
  }

  function mergeProgress(here, there) {
    var out = { version: 2, pages: {}, answers: {}, flags: {}, mocks: [], cards: {} };
    ["pages", "flags"].forEach(function (part) {
      [here[part] || {}, there[part] || {}].forEach(function (m) {
        Object.keys(m).forEach(function (k) {
          if (m[k]) out[part][k] = true;
        });
      });
    });
    [["answers", "at", "times"], ["cards", "last", "reps"]].forEach(function (p) {
      var a = here[p[0]] || {}, b = there[p[0]] || {};
      Object.keys(a).concat(Object.keys(b)).forEach(function (k) {
        out[p[0]][k] = newerOf(a[k], b[k], p[1], p[2]);
      });
    });
    var seen = {};
    (here.mocks || []).concat(there.mocks || []).forEach(function (m) {
      var key = m.id !== undefined ? "id:" + m.id : JSON.stringify([m.exam, m.finished, m.right, m.total]);
      if (seen[key]) return;
      seen[key] = true;
      out.mocks.push(m);
    });
    out.mocks.sort(function (x, y) {
      return stamp(x.finished || x.started) - stamp(y.finished || y.started);
    });
    out.mocks = out.mocks.slice(-MOCK_HISTORY);
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
    domainsOf: domainsOf, answerRecord: answerRecord, rightInDomain: rightInDomain, counts: counts, mergeProgress: mergeProgress,
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
    // An answer to a question no longer in the bank keeps no domains; it is asked about once, not again.
    var backfilling = false, gone = {};

    function backfill(answers) {
      var missing = Object.keys(answers).filter(function (id) {
        return !answers[id].d && !gone[id];
      });
      if (!missing.length || backfilling) return;
      backfilling = true;
      loadJSON("bank.json").then(function (bank) {
        var byId = {};
        bank.questions.forEach(function (q) {
          byId[q.id] = q;
        });
        backfilling = false;
        missing.forEach(function (id) {
          if (!byId[id]) gone[id] = true;
        });
        if (!missing.some(function (id) {
          return byId[id];
        })) return; // nothing to add: saving would only wake every panel again
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
      var ready = app.el.querySelectorAll("[data-ready]");
      if (ready.length && (answers.length || Object.keys(r.cards).length)) {
        loadScript("readiness.js").then(function () {
          if (app.el.isConnected && global.Readiness) global.Readiness.fill(app.el, store().load(), false);
        }, function () { /* the column keeps its dashes */ });
      } else {
        ready.forEach(function (el) {
          el.textContent = "–";
        });
      }
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

    function tally(r) {
      var c = counts(r);
      return plural(c.cards, "flashcard") + ", " + plural(c.answers, "answer") + ", " + plural(c.pages, "studied page") +
        " and " + plural(c.mocks, "mock exam");
    }

    // What the file holds against what this browser holds, then Merge (the default) or Replace.
    function preview(name, incoming) {
      var here = store().load();
      var a = counts(incoming), b = counts(here);
      var rows = [["Flashcards", "cards"], ["Answers", "answers"], ["Studied pages", "pages"], ["Mock exams", "mocks"], ["Flags", "flags"]];
      function finish(record, verb) {
        box.remove();
        var before = store().load(), mock = readMock();
        var r = store().save(record);
        say(verb + " " + name + ". This browser now holds " + tally(r) + ".", restore(before, mock, "The import was undone."));
      }
      var merge = button("Merge into this browser's progress", function () {
        finish(mergeProgress(store().load(), incoming), "Merged");
      }, { class: "practice-button practice-button--primary" });
      var box = h("div", { class: "import-preview", role: "group", "aria-labelledby": "import-preview-title" }, [
        h("p", { id: "import-preview-title" }, [h("strong", {}, ["Import " + name + "?"])]),
        h("table", { class: "progress-table import-compare" }, [
          h("caption", {}, ["What the file holds and what this browser holds"]),
          h("thead", {}, [h("tr", {}, ["", "In the file", "In this browser"].map(function (c, i) {
            return i ? h("th", { scope: "col" }, [c]) : h("td", {}, []);
          }))]),
          h("tbody", {}, rows.map(function (row) {
            return h("tr", {}, [h("th", { scope: "row" }, [row[0]]), h("td", {}, [String(a[row[1]])]), h("td", {}, [String(b[row[1]])])]);
          })),
        ]),
        h("p", {}, ["Merging keeps the newer record of each flashcard and answer, and every studied page, flag and mock exam " +
          "of both. Replacing drops this browser's progress and keeps only the file's."]),
        h("p", { class: "quiz-nav" }, [
          merge,
          button("Replace everything", function () {
            finish(incoming, "Replaced this browser's progress with");
          }),
          button("Cancel", function () {
            box.remove();
            say("The import was canceled. Nothing was changed.");
          }),
        ]),
      ]);
      message.hidden = true;
      actions.insertBefore(box, message);
      announce(app, name + " holds " + tally(incoming) + ". This browser holds " + tally(here) + ". Merge, replace or cancel.");
      merge.focus();
    }

    function importFile() {
      var f = picker.files && picker.files[0];
      picker.value = "";
      if (!f) return;
      var open = actions.querySelector(".import-preview");
      if (open) open.remove();
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
        preview(f.name, result.record);
      }, function () {
        say("That file could not be read. Nothing was changed.");
      });
    }

    function clearAll() {
      var here = store().load();
      confirmDialog(app.el, {
        title: "Clear your progress?",
        body: ["This removes from this browser " + tally(here) + ", with your flags and any mock exam in progress.",
          "You can undo it until you leave this page. Export your progress first to keep a copy."],
        confirm: "Clear my progress", cancel: "Keep my progress", danger: true,
      }).then(function (yes) {
        if (!yes) return say("Nothing was cleared.");
        var before = store().load(), mock = readMock();
        store().clear();
        writeMock(null);
        say("Your progress is cleared.", restore(before, mock, "Your progress is back."));
        var undo = message.querySelector(".progress-undo");
        if (undo) undo.focus();
      });
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
  // The file that holds each app, fetched once when a page first needs it.
  var FILES = { quiz: "practice-apps.js", mock: "practice-apps.js", flashcards: "practice-apps.js", readiness: "readiness.js" };
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

  function start(kind, app) {
    if (APPS[kind]) return APPS[kind](app);
    loadScript(FILES[kind] || "practice-apps.js").then(function () {
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
      writeMock: writeMock, confirmDialog: confirmDialog, loadScript: loadScript,
    }),
  };
})(typeof window !== "undefined" ? window : globalThis);
