/*
 * The progress panel (the home and practice pages): studied pages and right answers per domain, and the
 * learner's own copy of the record. practice.js fetches this file on the pages that have the panel.
 */
/* The copy: export, an import that shows the file against this browser and merges by default, and a clear
 * that asks first and can be undone. The pure helpers (the import check and the merge) also run under Node
 * for the unit tests: without a document they only fill globalThis.PracticeCore. */
(function (global) {
  "use strict";

  var L = global.Practice ? global.Practice.lib : global.PracticeCore;
  var isMap = L.isMap, MOCK_HISTORY = L.MOCK_HISTORY;
  var APP = "aws-ml-study-notes";
  var EXPORT_VERSION = 2;

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
      // An FSRS card (scheduler.js), or one saved by the SM-2 scheduler the site used before, which the
      // flashcards turn into FSRS cards when they open.
      cards: function (v) {
        return isMap(v) && typeof v.due === "string" && DAY_PATTERN.test(v.due) && num(v.interval, 0) &&
          num(v.reps, 0) && num(v.lapses, 0) && (num(v.stability, 0) && num(v.difficulty, 1) || num(v.ease, 1.3));
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

  function rightInDomain(answers, exam, domain) {
    return Object.keys(answers).filter(function (id) {
      var a = answers[id];
      return a && a.right === true && a.d && a.d[exam] && a.d[exam].indexOf(domain) >= 0;
    }).length;
  }

  var helpers = { validateImport: validateImport, counts: counts, mergeProgress: mergeProgress, rightInDomain: rightInDomain };
  if (typeof document === "undefined") {
    Object.keys(helpers).forEach(function (k) {
      global.PracticeCore[k] = helpers[k];
    });
    return;
  }

  var percent = L.percent, isoDay = L.isoDay, dueCount = L.dueCount, plural = L.plural, domainsOf = L.domainsOf;
  var store = L.store, loadJSON = L.loadJSON, h = L.h, button = L.button, clear = L.clear, announce = L.announce;
  var readMock = L.readMock, writeMock = L.writeMock, confirmDialog = L.confirmDialog, loadScript = L.loadScript;

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

    var picker = h("input", { type: "file", accept: ".json,application/json", class: "visually-hidden", tabindex: "-1",
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

  global.Practice.register({ progress: Progress });
})(typeof window !== "undefined" ? window : globalThis);
