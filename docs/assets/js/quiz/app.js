/*
 * The quiz: every question of the site, filtered by exam, domain, task or topic, one at a time, with its
 * explanations and the round's result. The last part of quiz.js, after its state (quiz/state.js).
 */
/* practice.js fetches practice-questions.js, then quiz.js, on the quiz page. The state lives in the address
 * and the session, so Back, Previous and a reload return to the same question. */
(function (global) {
  "use strict";

  if (typeof document === "undefined") return;
  var L = global.Practice.lib;
  var U = global.Practice.ui;
  var S = global.QuizState;
  var percent = L.percent, plural = L.plural, h = L.h, button = L.button, clear = L.clear;
  var announce = L.announce, focus = L.focus, onControl = L.onControl, store = L.store, loadJSON = L.loadJSON, keys = L.keys;
  var LETTERS = U.LETTERS, letters = U.letters, chooseLabel = U.chooseLabel, index = U.index, optionKey = U.optionKey, optionReview = U.optionReview;
  var afterReveal = U.afterReveal, examLabel = U.examLabel, taskLabel = U.taskLabel, newSeed = U.newSeed, optionOrder = U.optionOrder, correctOptions = U.correctOptions;
  var isRight = U.isRight, readQuizState = U.readQuizState, selectQuestions = U.selectQuestions;

  var quizOnPage = null;

  global.addEventListener("popstate", function () {
    if (quizOnPage && quizOnPage.el.isConnected && quizOnPage.path === location.pathname) quizOnPage.pop();
  });

  function Quiz(app) {
    var setup = app.data;
    var examBy = {};
    setup.exams.forEach(function (e) {
      examBy[e.code] = e;
    });
    var state = fixState(readQuizState(location.search));
    var bank = null, byId = {}, list = [], session = {};
    var fields = {};

    function fixState(s) {
      return S.fix(s, setup, examBy);
    }

    function writeURL(push) {
      S.writeAddress(state, push);
    }

    // ---- filters

    function select(name, label, onchange) {
      var el = h("select", { name: name, autocomplete: "off", onchange: onchange });
      fields[name] = { select: el, label: h("label", { class: "quiz-filter" }, [h("span", {}, [label]), el]) };
      return fields[name].label;
    }

    function options(el, items, value) {
      clear(el);
      items.forEach(function (it) {
        el.appendChild(h("option", { value: it[0] }, [it[1]]));
      });
      el.value = value;
    }

    function fillFilters() {
      var exam = examBy[state.exam];
      options(fields.exam.select, setup.exams.map(function (e) {
        return [e.code, examLabel(e)];
      }), state.exam);
      options(fields.domain.select, [["", "All domains"]].concat(exam.domains.map(function (d) {
        return [d.number, d.number + ". " + d.title];
      })), state.domain);
      var tasks = [];
      exam.domains.forEach(function (d) {
        if (!state.domain || d.number === state.domain) {
          d.tasks.forEach(function (t) {
            tasks.push([t.code, t.code + " " + t.title]);
          });
        }
      });
      options(fields.task.select, [["", "All task statements"]].concat(tasks), state.task);
      options(fields.topic.select, [["", "All topics"]].concat(setup.topics.map(function (t) {
        return [t, t];
      })), state.topic);
      options(fields.mode.select, [["all", "All questions"], ["new", "Not answered yet"], ["wrong", "Wrong last time"],
        ["flagged", "Flagged for review"]], state.mode);
      options(fields.order.select, [["listed", "As listed"], ["shuffled", "Shuffled"]], state.order);
      ["domain", "task", "topic", "mode"].forEach(function (k) {
        fields[k].label.hidden = !!state.ids;
      });
      retry.hidden = !state.ids;
      var sel = function (k) {
        return fields[k].select.selectedOptions[0] ? fields[k].select.selectedOptions[0].textContent : "";
      };
      summaryText.textContent = [state.exam].concat(state.ids ? ["retrying a mock exam's wrong answers"]
        : [state.task ? "task " + state.task : state.domain ? "domain " + state.domain : "all domains",
          state.topic || null, sel("mode").toLowerCase()].filter(Boolean)).concat([sel("order").toLowerCase()]).join(" · ");
      if (state.ids) retryText.textContent = "You are retrying " + plural(state.ids.length, "question") + " from a mock exam. ";
    }

    function changed(e) {
      var name = e.target.name;
      state[name] = e.target.value;
      if (name === "exam") state.domain = state.task = "";
      if (name === "domain") state.task = "";
      state.seed = newSeed(); // a new round: a new order of questions (if shuffled) and of options
      state = fixState(state);
      state.n = bank ? 1 : 0;
      fillFilters();
      writeURL();
      if (bank) {
        rebuild(true);
        show(false);
      }
    }

    var retryText = h("span");
    var retry = h("p", { class: "quiz-retry", hidden: true }, [retryText, button("Show all questions instead", function () {
      state.ids = null;
      state.n = 1;
      fillFilters();
      writeURL();
      rebuild(true);
      show(true);
    })]);
    var form = h("form", { class: "practice-toolbar quiz-filters", "aria-label": "Quiz filters", onsubmit: function (e) {
      e.preventDefault();
    } }, [
      select("exam", "Exam", changed), select("domain", "Domain", changed), select("task", "Task statement", changed),
      select("topic", "Topic", changed), select("mode", "Show", changed), select("order", "Order", changed),
    ]);
    var count = h("p", { class: "quiz-count" });
    var body = h("div", { class: "quiz-body" });
    var summaryText = h("span");
    var box = h("details", { class: "quiz-filter-box", open: true }, [h("summary", {}, ["Filters: ", summaryText]), form]);
    clear(app.mount).appendChild(box);
    app.mount.appendChild(retry);
    app.mount.appendChild(count);
    app.mount.appendChild(body);
    fillFilters();

    // ---- the question list of this visit

    function saveSession() {
      S.saveRound(state, list, session);
    }

    function rebuild(fresh) {
      var saved = fresh ? null : S.savedRound(state, byId);
      if (saved) {
        list = saved.list;
        session = saved.answers;
      } else {
        list = selectQuestions(bank, state, store().load());
        session = {};
        saveSession();
      }
    }

    function start(moveFocus) {
      clear(body).appendChild(h("p", { class: "practice-hint" }, ["Loading the questions…"]));
      loadJSON("bank.json").then(function (data) {
        bank = data;
        byId = index(bank.questions);
        if (global.matchMedia && global.matchMedia("(max-width: 44.9375em)").matches) box.open = false;
        if (!state.n) state.n = 1;
        writeURL();
        rebuild(false);
        show(moveFocus);
      }, function () {
        clear(body).appendChild(h("p", { role: "alert" }, ["The questions could not be loaded. Check your connection and reload the page."]));
      });
    }

    function intro() {
      count.textContent = setup.questions + " questions in all.";
      clear(body).appendChild(h("p", {}, [button("Start the quiz", function () {
        start(true);
      }, { class: "practice-button practice-button--primary" })]));
      keys.current = { root: app.el, handle: function (e, t) {
        if (e.key === "Enter" && !onControl(t)) {
          start(true);
          return true;
        }
        return false;
      } };
    }

    function tally() {
      return S.tally(list, session);
    }

    function show(moveFocus) {
      var t = tally();
      count.textContent = plural(list.length, "question") + (t.answered ? " · " + t.answered + " answered, " + t.right + " right in this round" : "");
      if (!list.length) {
        clear(body).appendChild(h("p", { class: "quiz-empty" }, [
          state.mode === "flagged" ? "No flagged questions match these filters. Flag a question to find it here."
            : state.mode === "wrong" ? "No question you got wrong matches these filters."
            : state.mode === "new" ? "You have answered every question that matches these filters."
            : "No questions match these filters.",
        ]));
        keys.current = null;
        return;
      }
      if (state.n > list.length) return finished(moveFocus);
      question(list[state.n - 1], moveFocus);
    }

    function go(k, moveFocus) {
      state.n = Math.max(1, k);
      writeURL(true);
      show(moveFocus);
    }

    // Back and Forward within the quiz: Material's instant navigation leaves an address on the same page
    // alone, so the quiz reads its place from the address itself.
    quizOnPage = { el: app.el, path: location.pathname, pop: function () {
      var next = fixState(readQuizState(location.search));
      var sameRound = S.sameRound(next, state);
      state = next;
      fillFilters();
      if (!bank) return state.n ? start(true) : intro();
      if (!sameRound) rebuild(false);
      if (!state.n) state.n = 1;
      show(true);
    } };

    function question(q, moveFocus) {
      var k = state.n, multi = q.choose > 1;
      var entry = session[q.id] || { sel: [], done: false };
      var sel = entry.sel.slice();
      var done = entry.done;
      var flagged = !!store().load().flags[q.id];
      var stemId = "quiz-stem-" + k;
      var optionButtons = []; // in the order shown
      var order = optionOrder(q, state.seed);

      function answer() {
        var right = isRight(q, sel);
        session[q.id] = { sel: sel.slice(), done: true };
        saveSession();
        store().update(function (r) {
          r.answers[q.id] = L.answerRecord(q, right, r.answers[q.id], new Date().toISOString());
        });
        question(q, false);
        focus(body.querySelector(".quiz-verdict"));
        var key = correctOptions(q);
        announce(app, right ? "Right." : "Not right. The answer is " + letters(key, order) + ".");
      }

      // `place` is where the option shows (A is 0); `sel` keeps the options' indexes in the data.
      function pick(place, fromKey) {
        if (done || place >= q.options.length) return;
        var i = order[place];
        if (multi) {
          var at = sel.indexOf(i);
          if (at >= 0) sel.splice(at, 1);
          else sel.push(i);
          sel.sort();
          session[q.id] = { sel: sel.slice(), done: false };
          paint();
          announce(app, LETTERS[place] + (at >= 0 ? " removed. " : " chosen. ") + sel.length + " of " + q.choose + " chosen.");
        } else if (fromKey) {
          sel = [i];
          paint();
          optionButtons[place].focus();
          announce(app, LETTERS[place] + " selected. Press Enter to answer.");
        } else {
          sel = [i];
          answer();
        }
      }

      function paint() {
        optionButtons.forEach(function (b, place) {
          b.setAttribute("aria-pressed", sel.indexOf(order[place]) >= 0 ? "true" : "false");
        });
        if (submit) {
          submit.disabled = sel.length !== q.choose;
          chosen.textContent = sel.length + " of " + q.choose + " chosen.";
        }
      }

      var submit = null, chosen = null;
      var card = h("article", { class: "quiz-card", "aria-labelledby": stemId }, [
        h("p", { class: "quiz-counter", tabindex: "-1" }, ["Question " + k + " of " + list.length]),
        h("p", { class: "quiz-topic" }, [taskLabel(q, state.exam)]),
        h("p", { class: "quiz-task" }, [q.scenario]),
        h("p", { class: "quiz-prompt", id: stemId }, [q.stem, multi ? " " : "", multi ? h("strong", {}, ["(" + chooseLabel(q) + ")"]) : null]),
      ]);
      if (done) {
        var right = isRight(q, sel);
        card.appendChild(optionReview(q, sel, order));
        card.appendChild(h("p", { class: "quiz-verdict " + (right ? "is-right" : "is-wrong"), tabindex: "-1" }, [
          right ? "Right." : "Not right. The answer is " + letters(correctOptions(q), order) + ".",
        ]));
        afterReveal(q, setup.report).forEach(function (el) {
          card.appendChild(el);
        });
      } else {
        card.appendChild(h("ol", { class: "quiz-options", type: "A" }, order.map(function (i, place) {
          var b = h("button", { type: "button", class: "quiz-option", "aria-pressed": "false", onclick: function () {
            pick(place, false);
          } }, [h("span", { class: "quiz-letter" }, [LETTERS[place] + "."]), " ", h("span", {}, [q.options[i].text])]);
          optionButtons.push(b);
          return h("li", {}, [b]);
        })));
        if (multi) {
          chosen = h("span", { class: "quiz-chosen" });
          submit = button("Submit answer", answer, { class: "practice-button practice-button--primary" });
          card.appendChild(h("p", { class: "quiz-actions" }, [submit, " ", chosen]));
        }
        card.appendChild(h("p", { class: "practice-hint" }, [
          multi ? "Choose " + ["", "one", "two", "three"][q.choose] + ", then Submit. Keys: 1 to " + q.options.length + " or A to " +
            LETTERS[q.options.length - 1] + " choose, Enter submits."
            : "Select an answer, or press 1 to " + q.options.length + " (A to " + LETTERS[q.options.length - 1] + ") and then Enter.",
        ]));
        paint();
      }
      var flag = button(flagged ? "Flagged for review" : "Flag for review", function () {
        flagged = !flagged;
        store().update(function (r) {
          if (flagged) r.flags[q.id] = true;
          else delete r.flags[q.id];
        });
        flag.setAttribute("aria-pressed", String(flagged));
        flag.textContent = flagged ? "Flagged for review" : "Flag for review";
        announce(app, flagged ? "Flagged for review." : "Flag removed.");
      }, { "aria-pressed": String(flagged), class: "practice-button quiz-flag" });
      card.appendChild(h("p", { class: "quiz-nav" }, [
        k > 1 ? button("Previous", function () {
          go(k - 1, true);
        }) : null,
        button(k < list.length ? "Next question" : "See this round's result", function () {
          go(k + 1, true);
        }, { class: "practice-button" + (done ? " practice-button--primary" : "") }),
        flag,
      ]));
      clear(body).appendChild(card);
      if (moveFocus) focus(card.querySelector(".quiz-counter"));

      keys.current = { root: app.el, handle: function (e, t) {
        var i = optionKey(e);
        if (i >= 0) {
          if (!done && i < q.options.length) pick(i, true);
          return !done;
        }
        if (e.key === "Enter" && !onControl(t)) {
          if (done) go(k + 1, true);
          else if (sel.length === q.choose) answer();
          else return false;
          return true;
        }
        if (e.key === "ArrowRight" && done && !onControl(t)) {
          go(k + 1, true);
          return true;
        }
        if (e.key === "ArrowLeft" && k > 1 && !onControl(t)) {
          go(k - 1, true);
          return true;
        }
        return false;
      } };
    }

    function finished(moveFocus) {
      var t = tally();
      var wrong = S.wrongIds(list, session);
      var title = h("h2", { class: "quiz-done", tabindex: "-1" }, ["End of this round"]);
      clear(body).appendChild(title);
      body.appendChild(h("p", {}, [
        "You answered " + t.answered + " of " + plural(list.length, "question") + " and got " + t.right + " right" +
          (t.answered ? " (" + percent(t.right, t.answered) + "%)." : "."),
      ]));
      // A new round from its first question, in a new option order: of the wrong answers, or of the same list.
      function again(ids) {
        if (ids) {
          state.ids = ids;
          state.order = "listed";
        }
        state.seed = newSeed();
        state.n = 1;
        fillFilters();
        writeURL();
        rebuild(true);
        show(true);
      }
      body.appendChild(h("p", { class: "quiz-nav" }, [
        wrong.length ? button("Retry the " + plural(wrong.length, "question") + " I got wrong", function () {
          again(wrong);
        }, { class: "practice-button practice-button--primary" }) : null,
        button("Start this round again", function () {
          again(null);
        }),
        button("Back to the last question", function () {
          go(list.length, true);
        }),
      ]));
      if (moveFocus) focus(title);
      keys.current = null;
    }

    if (state.n || state.ids) start(false);
    else intro();
  }

  global.Practice.register({ quiz: Quiz });
})(typeof window !== "undefined" ? window : globalThis);
