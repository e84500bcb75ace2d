/*
 * The timed mock exam: its setup, the exam itself (closed book, with a navigator and flags), then a report.
 * The last part of mock.js, after mock/draw.js and mock/timer.js.
 */
/* practice.js fetches practice-questions.js, then mock.js, on the mock exam page; the review after the
 * report is in mock-review.js. A short mock for tests or a quick try: /practice/mock-exam/?questions=3&minutes=1
 * adds a visibly labeled "Short test" format (questions 1-100, minutes 0.1-300) and selects it. */
(function (global) {
  "use strict";

  if (typeof document === "undefined") return;
  var L = global.Practice.lib;
  var U = global.Practice.ui;
  var isMap = L.isMap, percent = L.percent, plural = L.plural, MOCK_HISTORY = L.MOCK_HISTORY, h = L.h, button = L.button;
  var clear = L.clear, announce = L.announce, focus = L.focus, onControl = L.onControl, store = L.store, loadJSON = L.loadJSON;
  var readMock = L.readMock, writeMock = L.writeMock, keys = L.keys;
  var LETTERS = U.LETTERS, chooseLabel = U.chooseLabel, index = U.index, optionKey = U.optionKey, examLabel = U.examLabel;
  var random = U.random, newSeed = U.newSeed, optionOrder = U.optionOrder, isRight = U.isRight, quizQuery = U.quizQuery;
  var drawMock = global.MockDraw.drawMock, scoreMock = global.MockDraw.scoreMock;
  var T = global.MockTimer, clock = T.clock;

  // The class on <html> that hides search and navigation during an exam (reader.js removes it on every
  // page view, so it never outlives the mock exam's page).
  var CLOSED_BOOK = "closed-book";

  // Material opens search with "/", "s" and "f" from a listener on the window; in closed-book mode the
  // keys stop here, before it.
  document.addEventListener("keydown", function (e) {
    if (!document.documentElement.classList.contains(CLOSED_BOOK) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (/^[/sf]$/i.test(e.key) && !(e.target && e.target.closest && e.target.closest("input:not([type=radio]):not([type=checkbox]), textarea"))) {
      e.stopPropagation();
    }
  }, true);

  // ?questions=3&minutes=1: a short format for tests or a quick try, labeled as such.
  function customFormat() {
    var p = new URLSearchParams(location.search);
    var n = parseInt(p.get("questions"), 10), minutes = parseFloat(p.get("minutes"));
    if (!(n >= 1 && n <= 100 && minutes >= 0.1 && minutes <= 300)) return null;
    return { name: "Short test from the page address", questions: n, minutes: minutes, note: "", custom: true };
  }

  function Mock(app) {
    var setup = app.data;
    var examBy = {};
    setup.exams.forEach(function (e) {
      examBy[e.code] = e;
    });
    var bank = null, byId = {}, m = null;
    var timer = T.Ticker(tick);

    function withBank(then) {
      clear(app.mount).appendChild(h("p", { class: "practice-hint" }, ["Loading the questions…"]));
      loadJSON("bank.json").then(function (data) {
        bank = data;
        byId = index(bank.questions);
        then();
      }, function () {
        clear(app.mount).appendChild(h("p", { role: "alert" }, ["The questions could not be loaded. Check your connection and reload the page."]));
      });
    }

    function pastAttempts() {
      var attempts = store().load().mocks.slice().reverse();
      if (!attempts.length) return h("p", { class: "practice-hint" }, ["Your finished mock exams will be listed here."]);
      return h("table", { class: "mock-history" }, [
        h("caption", {}, ["Your mock exams (the last " + MOCK_HISTORY + " are kept)"]),
        h("thead", {}, [h("tr", {}, ["Finished", "Exam and format", "Score", "Time used", "Report"].map(function (c) {
          return h("th", { scope: "col" }, [c]);
        }))]),
        h("tbody", {}, attempts.map(function (a) {
          return h("tr", {}, [
            h("td", {}, [a.finished ? new Date(a.finished).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" }) : ""]),
            h("td", {}, [a.exam + ", " + (a.format || "")]),
            h("td", {}, [a.right + " of " + a.total + " (" + percent(a.right, a.total) + "%)"]),
            h("td", {}, [a.seconds !== undefined ? clock(a.seconds * 1000) + (a.timedOut ? " (time ran out)" : "") : ""]),
            h("td", {}, [Array.isArray(a.ids) ? button("View", function () {
              withBank(function () {
                report(a, true);
              });
            }, { "aria-label": "View the report of " + a.exam + ", " + (a.finished || "") }) : ""]),
          ]);
        })),
      ]);
    }

    function setupScreen() {
      keys.current = null;
      var custom = customFormat();
      var wanted = new URLSearchParams(location.search).get("exam");
      var exam = examBy[wanted] ? wanted : setup.exams[0].code;
      var examSelect = h("select", { name: "exam", autocomplete: "off", onchange: function () {
        exam = examSelect.value;
        formats();
      } }, setup.exams.map(function (e) {
        return h("option", { value: e.code }, [examLabel(e)]);
      }));
      examSelect.value = exam;
      var formatBox = h("fieldset", { class: "mock-formats" });
      var weights = h("p", { class: "practice-hint" });
      var chosen = [];

      function formats() {
        var e = examBy[exam];
        chosen = (custom ? [custom] : []).concat(e.mock);
        clear(formatBox).appendChild(h("legend", {}, ["Format"]));
        chosen.forEach(function (f, i) {
          var id = "mock-format-" + i;
          formatBox.appendChild(h("div", { class: "mock-format" }, [
            h("input", { type: "radio", name: "format", id: id, value: String(i), checked: i === 0 }),
            h("label", { for: id }, [h("strong", {}, [f.name]), ": " + plural(f.questions, "question") + " in " +
              (f.minutes < 1 ? Math.round(f.minutes * 60) + " seconds" : plural(f.minutes, "minute"))]),
            f.note ? h("p", { class: "mock-note" }, [f.note]) : null,
          ]));
        });
        weights.textContent = "Questions are drawn by the domain weights: " + e.domains.map(function (d) {
          return d.number + ". " + d.title + " " + d.weight + "%";
        }).join("; ") + ".";
      }

      var form = h("form", { class: "mock-setup", onsubmit: function (ev) {
        ev.preventDefault();
        var picked = formatBox.querySelector("input:checked");
        var f = chosen[picked ? +picked.value : 0];
        withBank(function () {
          begin(exam, f);
        });
      } }, [
        h("p", {}, [h("label", { class: "quiz-filter" }, [h("span", {}, ["Exam"]), examSelect])]),
        formatBox,
        weights,
        h("p", {}, [h("button", { type: "submit", class: "practice-button practice-button--primary" }, ["Start the mock exam"])]),
      ]);
      formats();
      clear(app.mount).appendChild(form);
      app.mount.appendChild(pastAttempts());
    }

    function begin(code, f) {
      var e = examBy[code];
      var seed = newSeed(); // draws the questions and orders each question's options
      var ids = drawMock(bank.questions, e, f.questions, random(seed));
      var now = Date.now();
      m = {
        v: 1, exam: code, format: { name: f.name, questions: ids.length, minutes: f.minutes, custom: !!f.custom },
        ids: ids, answers: {}, flags: {}, pos: 0, started: now, deadline: now + f.minutes * 60000, told: {}, seed: seed,
      };
      writeMock(m);
      if (ids.length < f.questions) {
        announce(app, "The question bank has only " + ids.length + " written questions on different decisions for " + code +
          ", so this mock has " + ids.length + ".");
      } else {
        announce(app, "The exam has started: " + plural(ids.length, "question") + ", " + clock(f.minutes * 60000) + " on the clock.");
      }
      examScreen(0, true);
    }

    // ---- taking the exam

    var bar, main, nav, timeText;

    function save() {
      writeMock(m);
    }

    function tick() {
      if (!app.el.isConnected) return timer.stop();
      var left = m.deadline - Date.now();
      timeText.textContent = clock(left);
      T.warningsDue(left, m.format.minutes * 60000, m.told).forEach(function (text) {
        save();
        announce(app, text);
      });
      if (left <= 0) submit(true);
    }

    // Closed book: while the exam runs, the site's search and the notes' navigation are hidden (see
    // notes.css), as on the real exam. The bar offers a way out, which the exam remembers.
    function closedBook(on) {
      document.documentElement.classList.toggle(CLOSED_BOOK, !!on);
    }

    function examScreen(pos, moveFocus) {
      timeText = h("strong", {}, [clock(m.deadline - Date.now())]);
      var leave = button("Leave closed-book mode", function () {
        m.openBook = true;
        save();
        closedBook(false);
        leave.remove();
        announce(app, "Closed-book mode is off: the search and the navigation are back. The clock keeps running.");
      }, { class: "practice-button mock-open-book" });
      bar = h("div", { class: "mock-bar" }, [
        h("p", { class: "mock-title" }, [m.exam + " · " + m.format.name]),
        h("p", { class: "mock-timer" }, ["Time left ", timeText]),
        m.openBook ? null : h("p", { class: "mock-closed-book" }, [leave]),
      ]);
      closedBook(!m.openBook);
      main = h("div", { class: "mock-main" });
      nav = h("nav", { class: "mock-navigator", "aria-label": "Questions of this exam" });
      clear(app.mount).appendChild(bar);
      app.mount.appendChild(main);
      app.mount.appendChild(nav);
      timer.start();
      if (m.deadline - Date.now() <= 0) return submit(true, true);
      showQuestion(pos, moveFocus);
    }

    function answered(id) {
      return Array.isArray(m.answers[id]) && m.answers[id].length > 0;
    }

    function paintNav() {
      clear(nav).appendChild(h("p", { class: "mock-nav-title" }, ["Go to a question (answered ones are filled, flagged ones marked ⚑):"]));
      var list = h("ol", { class: "mock-nav-list" });
      m.ids.forEach(function (id, i) {
        var states = [answered(id) ? "answered" : "not answered"].concat(m.flags[id] ? ["flagged"] : []);
        list.appendChild(h("li", {}, [h("button", {
          type: "button",
          class: "mock-jump" + (answered(id) ? " is-answered" : "") + (m.flags[id] ? " is-flagged" : ""),
          "aria-label": "Question " + (i + 1) + ", " + states.join(", "),
          "aria-current": i === m.pos && main.dataset.view === "question" ? "true" : null,
          onclick: function () {
            showQuestion(i, true);
          },
        }, [String(i + 1)])]));
      });
      nav.appendChild(list);
    }

    function showQuestion(pos, moveFocus) {
      m.pos = Math.min(Math.max(0, pos), m.ids.length - 1);
      save();
      main.dataset.view = "question";
      var id = m.ids[m.pos], q = byId[id];
      var multi = q.choose > 1;
      var picked = (m.answers[id] || []).slice();
      var inputs = []; // in the order shown
      var order = optionOrder(q, m.seed);
      var chosenText = h("p", { class: "practice-hint", "aria-live": "polite" });

      function record() {
        picked = [];
        inputs.forEach(function (inp, place) {
          if (inp.checked) picked.push(order[place]);
        });
        picked.sort();
        if (picked.length) m.answers[id] = picked;
        else delete m.answers[id];
        save();
        if (multi) chosenText.textContent = picked.length + " of " + q.choose + " chosen" + (picked.length > q.choose ? ": that is too many." : ".");
        paintNav();
      }

      var flag = button(m.flags[id] ? "Flagged for review" : "Flag for review", function () {
        if (m.flags[id]) delete m.flags[id];
        else m.flags[id] = true;
        save();
        flag.setAttribute("aria-pressed", String(!!m.flags[id]));
        flag.textContent = m.flags[id] ? "Flagged for review" : "Flag for review";
        paintNav();
      }, { "aria-pressed": String(!!m.flags[id]), class: "practice-button quiz-flag" });

      var counter = h("p", { class: "quiz-counter", tabindex: "-1" }, ["Question " + (m.pos + 1) + " of " + m.ids.length]);
      var fieldset = h("fieldset", { class: "mock-options" }, [
        h("legend", { class: "quiz-prompt" }, [q.stem, multi ? " " : "", multi ? h("strong", {}, ["(" + chooseLabel(q) + ")"]) : null]),
      ]);
      order.forEach(function (i, place) {
        var inputId = "mock-q" + m.pos + "-o" + place;
        var inp = h("input", { type: multi ? "checkbox" : "radio", name: "mock-answer", id: inputId, value: String(place), onchange: record });
        inp.checked = picked.indexOf(i) >= 0;
        inputs.push(inp);
        fieldset.appendChild(h("div", { class: "mock-option" }, [inp, h("label", { for: inputId }, [
          h("span", { class: "quiz-letter" }, [LETTERS[place] + "."]), " ", q.options[i].text,
        ])]));
      });
      var last = m.pos === m.ids.length - 1;
      clear(main).appendChild(h("div", { class: "quiz-card" }, [
        h("div", { class: "mock-question-head" }, [counter, flag]),
        h("p", { class: "quiz-task" }, [q.scenario]),
        fieldset,
        chosenText,
        h("p", { class: "quiz-nav" }, [
          m.pos > 0 ? button("Previous", function () {
            showQuestion(m.pos - 1, true);
          }) : null,
          last ? null : button("Next", function () {
            showQuestion(m.pos + 1, true);
          }, { class: "practice-button practice-button--primary" }),
          button("Review and submit", function () {
            review(true);
          }, { class: "practice-button" + (last ? " practice-button--primary" : "") }),
        ]),
      ]));
      if (multi) chosenText.textContent = picked.length + " of " + q.choose + " chosen.";
      paintNav();
      if (moveFocus) focus(counter);

      keys.current = { root: app.el, handle: function (e, t) {
        var i = optionKey(e);
        if (i >= 0 && i < inputs.length) {
          if (multi) inputs[i].checked = !inputs[i].checked;
          else inputs[i].checked = true;
          record();
          inputs[i].focus();
          return true;
        }
        if (e.key === "Enter" && !onControl(t)) {
          if (last) review(true);
          else showQuestion(m.pos + 1, true);
          return true;
        }
        return false;
      } };
    }

    function review(moveFocus) {
      main.dataset.view = "review";
      keys.current = null;
      var open = [], flagged = [];
      m.ids.forEach(function (id, i) {
        if (!answered(id)) open.push(i);
        if (m.flags[id]) flagged.push(i);
      });
      function jumps(items, none) {
        if (!items.length) return h("p", {}, [none]);
        return h("ul", { class: "mock-review-list" }, items.map(function (i) {
          return h("li", {}, [button("Question " + (i + 1), function () {
            showQuestion(i, true);
          })]);
        }));
      }
      var title = h("h2", { tabindex: "-1" }, ["Review before you submit"]);
      clear(main).appendChild(title);
      main.appendChild(h("p", {}, ["You have answered " + (m.ids.length - open.length) + " of " + plural(m.ids.length, "question") +
        ". Unanswered questions score as wrong."]));
      main.appendChild(h("h3", {}, ["Unanswered (" + open.length + ")"]));
      main.appendChild(jumps(open, "None: every question has an answer."));
      main.appendChild(h("h3", {}, ["Flagged for review (" + flagged.length + ")"]));
      main.appendChild(jumps(flagged, "None."));
      main.appendChild(h("p", { class: "quiz-nav" }, [
        button("Back to question " + (m.pos + 1), function () {
          showQuestion(m.pos, true);
        }),
        button("Submit the exam", function () {
          confirmSubmit(open.length, flagged.length);
        }, { class: "practice-button practice-button--primary" }),
      ]));
      main.appendChild(h("p", {}, [button("Quit without a score", function () {
        timer.stop();
        writeMock(null);
        m = null;
        announce(app, "The exam was discarded.");
        setupScreen();
      }, { class: "practice-button mock-quit" })]));
      paintNav();
      if (moveFocus) focus(title);
    }

    // Submitting asks first, and says what is still open.
    function confirmSubmit(unanswered, flagged) {
      var open = unanswered ? plural(unanswered, "question is", "questions are") + " unanswered, and they score as wrong."
        : "Every question has an answer.";
      L.confirmDialog(app.el, {
        title: "Submit the exam?",
        body: [open + " " + (flagged ? plural(flagged, "question is", "questions are") + " flagged for review." : "No question is flagged."),
          "After you submit, you cannot change an answer. The report explains every question."],
        confirm: "Submit the exam", cancel: "Go back to the exam", focusConfirm: !unanswered && !flagged,
      }).then(function (yes) {
        if (yes && m) submit(false);
      });
    }

    function submit(timedOut, whileAway) {
      if (!m) return;
      closedBook(false);
      timer.stop();
      keys.current = null;
      var e = examBy[m.exam];
      var s = scoreMock(byId, m.ids, m.answers, e);
      var now = Date.now();
      var domains = {};
      Object.keys(s.domains).forEach(function (d) {
        domains[d] = [s.domains[d].right, s.domains[d].total];
      });
      var attempt = {
        id: String(m.started), exam: m.exam, format: m.format.name, minutes: m.format.minutes,
        started: new Date(m.started).toISOString(), finished: new Date(Math.min(now, m.deadline)).toISOString(),
        seconds: Math.round((Math.min(now, m.deadline) - m.started) / 1000), timedOut: !!timedOut,
        right: s.right, total: s.total, domains: domains, ids: m.ids, picked: m.answers, flags: Object.keys(m.flags),
        seed: m.seed || 0,
      };
      var stamp = new Date(now).toISOString();
      store().update(function (r) {
        r.mocks.push(attempt);
        r.mocks = r.mocks.slice(-MOCK_HISTORY);
        m.ids.forEach(function (id) {
          if (!byId[id] || !answered(id)) return; // an unanswered question is not a wrong answer to drill
          r.answers[id] = L.answerRecord(byId[id], isRight(byId[id], m.answers[id]), r.answers[id], stamp);
        });
      });
      writeMock({ v: 1, done: attempt.id });
      m = null;
      report(attempt, true);
      announce(app, timedOut ? (whileAway ? "Time ran out while you were away, so the exam was submitted." : "Time is up. The exam was submitted.")
        : "The exam was submitted.");
    }

    // ---- the report

    function report(a, moveFocus) {
      keys.current = null;
      var e = examBy[a.exam];
      var s = scoreMock(byId, a.ids, a.picked, e);
      var title = h("h2", { class: "mock-report-title", tabindex: "-1" }, ["Your result: " + a.exam + ", " + a.format]);
      var passing = e.passing;
      var quizLink = setup.quiz + quizQuery({ exam: a.exam, ids: s.wrong, mode: "all", order: "listed", n: 1 });
      clear(app.mount).appendChild(title);
      app.mount.appendChild(h("p", { class: "mock-score" }, [
        h("strong", {}, [s.right + " of " + s.total + " right (" + percent(s.right, s.total) + "%)."]),
        " Time used: " + clock(a.seconds * 1000) + " of " + clock(a.minutes * 60000) + ".",
        a.timedOut ? " Time ran out, so the exam submitted itself." : "",
      ]));
      app.mount.appendChild(h("table", { class: "mock-domains" }, [
        h("caption", {}, ["Score per domain"]),
        h("thead", {}, [h("tr", {}, ["Domain", "Weight", "Right", "Score"].map(function (c) {
          return h("th", { scope: "col" }, [c]);
        }))]),
        h("tbody", {}, e.domains.map(function (d) {
          var x = s.domains[d.number];
          return h("tr", {}, [
            h("th", { scope: "row" }, [d.number + ". " + d.title]),
            h("td", {}, [d.weight + "%"]),
            h("td", {}, [x.right + " of " + x.total]),
            h("td", {}, [x.total ? percent(x.right, x.total) + "%" : "–"]),
          ]);
        })),
      ]));
      var counted = Object.keys(s.domains).reduce(function (sum, d) {
        return sum + s.domains[d].total;
      }, 0);
      if (counted > s.total) {
        app.mount.appendChild(h("p", { class: "practice-hint" }, ["A question on tasks of two domains counts in both rows."]));
      }
      app.mount.appendChild(h("div", { class: "admonition note mock-scaled" }, [
        h("p", { class: "admonition-title" }, ["This is not your exam score"]),
        h("p", {}, [
          (passing ? "AWS reports results as a scaled score. The passing score for " + a.exam + " is " + passing.value + " (" +
            passing.status.charAt(0).toLowerCase() + passing.status.slice(1) + ")"
            : "AWS reports results as a scaled score from 100 to 1,000") +
            ". A scaled score cannot be worked out from a percentage: AWS sets the scale for each version of the exam, does " +
            "not publish the conversion, and the real exam includes unscored questions. Read your percentage as a guide to what " +
            "you know, domain by domain, not as a prediction of your result.",
        ]),
      ]));
      app.mount.appendChild(h("p", { class: "quiz-nav" }, [
        s.wrong.length ? h("a", { class: "practice-button practice-button--primary", href: quizLink }, [
          "Retry my wrong answers (" + s.wrong.length + ")",
        ]) : null,
        button("Take another mock exam", function () {
          writeMock(null);
          setupScreen();
        }),
      ]));
      var missing = a.ids.filter(function (id) {
        return !byId[id];
      }).length;
      if (missing) app.mount.appendChild(h("p", { class: "practice-hint" }, [plural(missing, "question") + " of this exam is no longer in the bank and is left out."]));
      // Every question, in the order the exam showed it, with a grid of answers and filters: mock-review.js.
      var review = h("div", { class: "mock-review" }, [h("p", { class: "practice-hint" }, ["Loading the review of every question…"])]);
      app.mount.appendChild(review);
      app.mount.appendChild(pastAttempts());
      if (moveFocus) focus(title);
      L.loadScript("mock-review.js").then(function () {
        if (review.isConnected) global.MockReview.render(review, a, byId, { exam: a.exam, report: setup.report, announce: function (text) {
          announce(app, text);
        } });
      }, function () {
        clear(review).appendChild(h("p", { role: "alert" }, ["The review could not be loaded. Check your connection and reload the page."]));
      });
    }

    // ---- start: resume an exam in progress, show the last report, or set up a new one

    var saved = readMock();
    if (saved && Array.isArray(saved.ids) && saved.ids.length && isMap(saved.format) && examBy[saved.exam]) {
      m = saved;
      m.answers = isMap(m.answers) ? m.answers : {};
      m.flags = isMap(m.flags) ? m.flags : {};
      m.told = isMap(m.told) ? m.told : {};
      withBank(function () {
        m.ids = m.ids.filter(function (id) {
          return byId[id];
        });
        if (!m.ids.length) {
          writeMock(null);
          m = null;
          return setupScreen();
        }
        examScreen(m.pos || 0, false);
        if (m) {
          app.el.scrollIntoView({ block: "start" });
          announce(app, "Your mock exam is back where you left it. Time left: " + clock(m.deadline - Date.now()) + ".");
        }
      });
    } else if (saved && saved.done) {
      var attempt = store().load().mocks.filter(function (x) {
        return x.id === saved.done;
      })[0];
      if (attempt && Array.isArray(attempt.ids)) {
        withBank(function () {
          report(attempt, false);
        });
      } else {
        writeMock(null);
        setupScreen();
      }
    } else {
      setupScreen();
    }
  }

  global.Practice.register({ mock: Mock });
})(typeof window !== "undefined" ? window : globalThis);
