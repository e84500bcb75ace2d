/*
 * The review after a mock exam: a grid with every question's result, filters, and every question as the
 * exam showed it with its explanations. mock.js fetches this file when it shows a mock exam's report.
 */
/* The filters: all, right, wrong, flagged, unanswered. Each question keeps its options in the exam's order,
 * each with its explanation, then the section that teaches it, its AWS sources and a way to report a
 * mistake; it draws with practice-questions.js's helpers (window.Practice.ui), so the review reads like the
 * quiz. */
(function (global) {
  "use strict";

  var L = global.Practice.lib, UI = global.Practice.ui;
  var h = L.h, clear = L.clear, focus = L.focus;

  var FILTERS = [["all", "All"], ["right", "Right"], ["wrong", "Wrong"], ["flagged", "Flagged"], ["unanswered", "Unanswered"]];
  // The state is in each cell's text and name too, never in its color alone.
  var MARKS = { right: "✓", wrong: "✗", unanswered: "–" };
  var WORDS = { right: "right", wrong: "wrong", unanswered: "not answered" };

  function results(a, byId) {
    var flags = {};
    (a.flags || []).forEach(function (id) {
      flags[id] = true;
    });
    return a.ids.map(function (id, i) {
      var q = byId[id];
      if (!q) return null;
      var picked = (a.picked || {})[id] || [];
      return {
        n: i + 1, id: id, q: q, picked: picked, flagged: !!flags[id],
        state: !picked.length ? "unanswered" : UI.isRight(q, picked) ? "right" : "wrong",
      };
    }).filter(Boolean);
  }

  function shows(item, filter) {
    return filter === "all" || (filter === "flagged" ? item.flagged : item.state === filter);
  }

  function card(item, a, ctx, id) {
    var q = item.q, order = UI.optionOrder(q, a.seed);
    var key = UI.letters(UI.correctOptions(q), order);
    var verdict = item.state === "right" ? "Right. Your answer: " + UI.letters(item.picked, order) + "."
      : item.state === "wrong" ? "Wrong. Your answer: " + UI.letters(item.picked, order) + "; the right answer: " + key + "."
      : "Not answered. The right answer: " + key + ".";
    var el = h("li", { class: "quiz-card mock-review-item is-" + item.state, id: id, tabindex: "-1" }, [
      h("p", { class: "quiz-topic" }, ["Question " + item.n + " · " + UI.taskLabel(q, ctx.exam) + (item.flagged ? " · flagged" : "")]),
      h("p", { class: "mock-review-verdict" }, [verdict]),
      h("p", { class: "quiz-task" }, [q.scenario]),
      h("p", { class: "quiz-prompt" }, [q.stem, q.choose > 1 ? " " : "", q.choose > 1 ? h("strong", {}, ["(" + UI.chooseLabel(q) + ")"]) : null]),
      UI.optionReview(q, item.picked, order),
    ]);
    UI.afterReveal(q, ctx.report).forEach(function (x) {
      el.appendChild(x);
    });
    return el;
  }

  function render(box, a, byId, ctx) {
    var items = results(a, byId);
    var filter = "all";
    var prefix = "mock-review-" + String(a.id).replace(/[^\w-]/g, "") + "-";
    var count = {};
    FILTERS.forEach(function (f) {
      count[f[0]] = items.filter(function (it) {
        return shows(it, f[0]);
      }).length;
    });

    var list = h("ol", { class: "mock-review-questions" });
    var filterButtons = FILTERS.map(function (f) {
      return h("button", { type: "button", class: "practice-button mock-review-filter", "data-filter": f[0], "aria-pressed": "false",
        onclick: function () {
          show(f[0]);
          ctx.announce(f[1] + ": " + L.plural(count[f[0]], "question") + ".");
        } }, [f[1] + " (" + count[f[0]] + ")"]);
    });

    function show(which) {
      filter = which;
      filterButtons.forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.getAttribute("data-filter") === filter));
      });
      clear(list);
      var shown = items.filter(function (it) {
        return shows(it, filter);
      });
      shown.forEach(function (it) {
        list.appendChild(card(it, a, ctx, prefix + it.n));
      });
      if (!shown.length) list.appendChild(h("li", { class: "practice-hint" }, ["No question is " + (filter === "flagged" ? "flagged" : WORDS[filter] || filter) + "."]));
    }

    function jump(item) {
      if (!shows(item, filter)) show("all");
      var el = document.getElementById(prefix + item.n);
      if (el) {
        focus(el);
        el.scrollIntoView({ block: "start" });
      }
    }

    var grid = h("ol", { class: "answer-grid", "aria-label": "Your answers, question by question" }, items.map(function (it) {
      var label = "Question " + it.n + ": " + WORDS[it.state] + (it.flagged ? ", flagged" : "");
      return h("li", {}, [h("button", {
        type: "button", class: "answer-cell is-" + it.state + (it.flagged ? " is-flagged" : ""), "aria-label": label, title: label,
        onclick: function () {
          jump(it);
        },
      }, [String(it.n), h("span", { class: "answer-mark", "aria-hidden": "true" }, [MARKS[it.state] + (it.flagged ? "⚑" : "")])])]);
    }));

    clear(box).appendChild(h("h3", {}, ["Review every question"]));
    box.appendChild(h("p", { class: "practice-hint" }, [
      count.right + " right, " + count.wrong + " wrong, " + count.unanswered + " not answered, " + count.flagged + " flagged. " +
        "Select a number to read that question, or show one kind.",
    ]));
    box.appendChild(grid);
    box.appendChild(h("div", { class: "mock-review-filters", role: "group", "aria-label": "Show these questions" }, filterButtons));
    box.appendChild(list);
    show("all");
  }

  global.MockReview = { render: render };
})(window);
