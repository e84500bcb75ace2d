/*
 * Practice: the scenario quiz, the glossary flashcards, the "studied" toggle on notes pages and the
 * progress panel. Plain JavaScript, no dependencies. Everything the reader does is kept under one
 * localStorage key in this browser; nothing is sent anywhere.
 *
 * The pages work without this script (answers sit in <details>). Material's instant navigation swaps
 * the page content without reloading scripts, so init() runs on every document$ emission and only
 * touches elements that the current page has.
 */
(function () {
  "use strict";

  var KEY = "aws-ml-notes:progress:v1";
  var fallback = null; // used when localStorage is blocked (private mode, disabled storage)

  // ------------------------------------------------------------------ storage

  function emptyProgress() {
    return { version: 1, quiz: {}, cards: {}, pages: {} };
  }

  function isMap(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function load() {
    var raw = null;
    try {
      raw = window.localStorage.getItem(KEY);
    } catch (err) {
      return fallback || emptyProgress();
    }
    if (!raw) return emptyProgress();
    try {
      var parsed = JSON.parse(raw);
      var progress = emptyProgress();
      ["quiz", "cards", "pages"].forEach(function (part) {
        if (isMap(parsed[part])) progress[part] = parsed[part];
      });
      return progress;
    } catch (err) {
      return emptyProgress();
    }
  }

  function save(progress) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(progress));
    } catch (err) {
      fallback = progress;
    }
  }

  function update(change) {
    var progress = load();
    change(progress);
    save(progress);
    return progress;
  }

  function clearAll() {
    fallback = null;
    try {
      window.localStorage.removeItem(KEY);
    } catch (err) {
      /* nothing stored */
    }
  }

  // ------------------------------------------------------------------ small helpers

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === false || value === null || value === undefined) return;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function readData(root) {
    var script = root.querySelector("script.practice-data");
    return script ? JSON.parse(script.textContent) : null;
  }

  function shuffled(items) {
    var copy = items.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return copy;
  }

  function announce(region, nodes) {
    region.textContent = "";
    nodes.forEach(function (node) {
      region.appendChild(typeof node === "string" ? h("p", { text: node }) : node);
    });
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  // ------------------------------------------------------------------ "studied" toggle on notes pages

  function initStudyMark(mark) {
    var id = mark.getAttribute("data-page");
    var button = h("button", { type: "button", class: "practice-button study-toggle", "aria-pressed": "false" }, [
      "I have studied this page",
    ]);
    function show() {
      button.setAttribute("aria-pressed", load().pages[id] ? "true" : "false");
    }
    button.addEventListener("click", function () {
      update(function (p) {
        if (p.pages[id]) delete p.pages[id];
        else p.pages[id] = true;
      });
      show();
    });
    show();
    mark.appendChild(button);
    mark.hidden = false;
  }

  // ------------------------------------------------------------------ progress panel

  function initProgress(root) {
    var data = readData(root);
    if (!data) return;
    var actions = root.querySelector(".progress-actions");
    var clear = root.querySelector('[data-action="clear-progress"]');
    var status = root.querySelector(".practice-status");
    var undo = h("button", { type: "button", class: "practice-button", "data-action": "undo-clear", hidden: true }, [
      "Undo",
    ]);
    var saved = null;

    function fill() {
      var progress = load();
      data.domains.forEach(function (domain) {
        var studied = domain.pages.filter(function (id) {
          return progress.pages[id];
        }).length;
        var cell = root.querySelector('[data-studied="' + domain.number + '"]');
        if (cell) cell.textContent = String(studied);
      });
      var right = { all: 0 };
      Object.keys(data.questions).forEach(function (qid) {
        var answer = progress.quiz[qid];
        if (answer && answer.right) {
          var domain = data.questions[qid];
          right.all += 1;
          right[domain] = (right[domain] || 0) + 1;
        }
      });
      root.querySelectorAll("[data-quiz-right]").forEach(function (cell) {
        cell.textContent = String(right[cell.getAttribute("data-quiz-right")] || 0);
      });
    }

    clear.addEventListener("click", function () {
      saved = load();
      clearAll();
      fill();
      undo.hidden = false;
      announce(status, ["Your progress in this browser is cleared: quiz answers, card ratings and studied pages."]);
    });
    undo.addEventListener("click", function () {
      if (saved) save(saved);
      saved = null;
      undo.hidden = true;
      fill();
      announce(status, ["Your progress is back."]);
      clear.focus();
    });
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(undo);
    actions.hidden = false;
    fill();
  }

  // ------------------------------------------------------------------ quiz

  // The JSON holds ids, topic, choice order and answer; the texts come from the static list,
  // so the page carries each text once.
  function readQuestions(root) {
    var meta = {};
    (readData(root) || []).forEach(function (q) {
      meta[q.id] = q;
    });
    var questions = [];
    root.querySelectorAll(".quiz-question[data-question]").forEach(function (item) {
      var q = meta[item.getAttribute("data-question")];
      if (!q) return;
      var text = function (selector) {
        var node = item.querySelector(selector);
        return node ? node.textContent.trim() : "";
      };
      var labels = {};
      item.querySelectorAll("[data-choice]").forEach(function (choice) {
        var label = choice.querySelector(".quiz-label");
        labels[choice.getAttribute("data-choice")] = label ? label.textContent.trim() : "";
      });
      var link = item.querySelector(".quiz-link");
      questions.push({
        id: q.id,
        topic: q.topic,
        answer: q.answer,
        task: text(".quiz-task"),
        prompt: text(".quiz-prompt"),
        why: text(".quiz-why"),
        href: link ? link.getAttribute("href") : "",
        choices: q.choices.map(function (id) {
          return { id: id, label: labels[id] || id };
        }),
      });
    });
    return questions;
  }

  function initQuiz(root) {
    var questions = readQuestions(root);
    if (!questions.length) return;
    var app = root.querySelector(".practice-app");
    var topics = [];
    questions.forEach(function (q) {
      if (topics.indexOf(q.topic) < 0) topics.push(q.topic);
    });
    topics.sort(function (a, b) {
      return a.localeCompare(b);
    });

    var order = questions.slice();
    var list = order;
    var position = 0;
    var answered = false;

    // Toolbar: topic filter, shuffle, score on demand.
    var select = h("select", { id: "quiz-topic" }, [h("option", { value: "", text: "All topics" })]);
    topics.forEach(function (topic) {
      var count = questions.filter(function (q) {
        return q.topic === topic;
      }).length;
      select.appendChild(h("option", { value: topic, text: topic + " (" + count + ")" }));
    });
    var shuffleButton = h("button", { type: "button", class: "practice-button", "data-action": "shuffle" }, [
      "Shuffle",
    ]);
    var scoreButton = h("button", { type: "button", class: "practice-button", "data-action": "score" }, [
      "Show my score",
    ]);
    var toolbar = h("div", { class: "practice-toolbar" }, [
      h("label", { for: "quiz-topic", text: "Topic" }),
      select,
      shuffleButton,
      scoreButton,
    ]);

    var counter = h("p", { class: "quiz-counter" });
    var topicLine = h("p", { class: "quiz-topic" });
    var task = h("p", { class: "quiz-task", id: "quiz-task" });
    var prompt = h("p", { class: "quiz-prompt", id: "quiz-prompt" });
    var options = h("div", { class: "quiz-options", role: "group", "aria-labelledby": "quiz-prompt quiz-task" });
    var hint = h("p", { class: "practice-hint", text: "Choose an answer with the mouse, or press 1 to 4 (or A to D)." });
    var card = h("div", { class: "quiz-card" }, [topicLine, task, prompt, options, hint]);
    var feedback = h("div", { class: "quiz-feedback", "aria-live": "polite" });
    var next = h("button", { type: "button", class: "practice-button practice-button--primary", "data-action": "next" }, [
      "Next question",
    ]);
    var nav = h("div", { class: "quiz-nav", hidden: true }, [next]);
    var score = h("div", { class: "quiz-score", hidden: true });
    app.append(toolbar, counter, card, feedback, nav, score);

    function stats(progress, subset) {
      var right = 0;
      var done = 0;
      subset.forEach(function (q) {
        var answer = progress.quiz[q.id];
        if (answer) {
          done += 1;
          if (answer.right) right += 1;
        }
      });
      return { right: right, done: done, total: subset.length };
    }

    function showCounter() {
      var s = stats(load(), list);
      counter.textContent =
        "Question " + (position + 1) + " of " + list.length + " · " +
        "answered " + s.done + ", right " + s.right + (select.value ? " in this topic" : "");
    }

    function showQuestion() {
      var q = list[position];
      answered = false;
      card.setAttribute("data-question", q.id);
      card.hidden = false;
      score.hidden = true;
      nav.hidden = true;
      feedback.textContent = "";
      topicLine.textContent = q.topic;
      task.textContent = q.task;
      prompt.textContent = "";
      prompt.appendChild(h("strong", { text: q.prompt }));
      options.textContent = "";
      q.choices.forEach(function (choice, i) {
        var button = h("button", { type: "button", class: "quiz-option", "data-choice": choice.id }, [
          h("span", { class: "quiz-letter", "aria-hidden": "true", text: "ABCD".charAt(i) }),
          h("span", { class: "quiz-label", text: choice.label }),
          h("span", { class: "quiz-mark" }),
        ]);
        button.addEventListener("click", function () {
          choose(choice.id);
        });
        options.appendChild(button);
      });
      showCounter();
    }

    function choose(choiceId) {
      if (answered) return;
      answered = true;
      var q = list[position];
      var right = choiceId === q.answer;
      update(function (p) {
        p.quiz[q.id] = { choice: choiceId, right: right };
      });
      var answerLabel = "";
      options.querySelectorAll(".quiz-option").forEach(function (button) {
        var id = button.getAttribute("data-choice");
        var mark = button.querySelector(".quiz-mark");
        button.disabled = true;
        if (id === q.answer) {
          button.classList.add("is-right");
          mark.textContent = id === choiceId ? "Your answer, right" : "Right answer";
          answerLabel = button.querySelector(".quiz-label").textContent;
        } else if (id === choiceId) {
          button.classList.add("is-wrong");
          mark.textContent = "Your answer";
        }
      });
      var verdict = right
        ? h("p", { class: "quiz-verdict is-right", text: "Right: " + answerLabel + "." })
        : h("p", { class: "quiz-verdict is-wrong", text: "Not quite. The answer is " + answerLabel + "." });
      announce(feedback, [
        verdict,
        h("p", { text: q.why }),
        h("p", {}, [h("a", { href: q.href, text: "Read the section that teaches it" })]),
      ]);
      next.textContent = position + 1 < list.length ? "Next question" : "See my score";
      nav.hidden = false;
      showCounter();
      next.focus();
    }

    function showScore(atEnd) {
      var progress = load();
      var rows = topics.map(function (topic) {
        var s = stats(progress, questions.filter(function (q) {
          return q.topic === topic;
        }));
        return h("tr", {}, [
          h("th", { scope: "row", text: topic }),
          h("td", { text: String(s.right) }),
          h("td", { text: s.done + " of " + s.total }),
        ]);
      });
      var all = stats(progress, questions);
      rows.push(h("tr", { class: "quiz-score-total" }, [
        h("th", { scope: "row", text: "All topics" }),
        h("td", { text: String(all.right) }),
        h("td", { text: all.done + " of " + all.total }),
      ]));
      var table = h("table", {}, [
        h("caption", { text: "Your score per topic (your latest answer to each question)" }),
        h("thead", {}, [h("tr", {}, [
          h("th", { scope: "col", text: "Topic" }),
          h("th", { scope: "col", text: "Right" }),
          h("th", { scope: "col", text: "Answered" }),
        ])]),
        h("tbody", {}, rows),
      ]);
      var restart = h("button", { type: "button", class: "practice-button", "data-action": "restart" }, [
        atEnd ? "Start again" : "Back to the question",
      ]);
      restart.addEventListener("click", function () {
        if (atEnd) position = 0;
        showQuestion();
        var first = options.querySelector(".quiz-option");
        if (first) first.focus();
      });
      score.textContent = "";
      score.append(table, h("p", {}, [restart]));
      score.hidden = false;
      if (atEnd) {
        card.hidden = true;
        nav.hidden = true;
        announce(feedback, ["That was the last question: " + plural(all.right, "answer", "answers") + " right so far."]);
      }
      score.setAttribute("tabindex", "-1");
      score.focus();
    }

    function firstOpen() {
      var progress = load();
      for (var i = 0; i < list.length; i++) {
        if (!progress.quiz[list[i].id]) return i;
      }
      return 0;
    }

    function applyFilter(fromStart) {
      list = order.filter(function (q) {
        return !select.value || q.topic === select.value;
      });
      position = fromStart ? 0 : firstOpen();
      showQuestion();
    }

    next.addEventListener("click", function () {
      if (position + 1 < list.length) {
        position += 1;
        showQuestion();
        options.querySelector(".quiz-option").focus();
      } else {
        showScore(true);
      }
    });
    select.addEventListener("change", function () {
      applyFilter(false);
    });
    shuffleButton.addEventListener("click", function () {
      order = shuffled(questions);
      applyFilter(true);
      announce(feedback, ["Questions shuffled. Starting from the first one."]);
    });
    scoreButton.addEventListener("click", function () {
      showScore(false);
    });
    root.addEventListener("keydown", function (event) {
      if (answered || card.hidden || event.altKey || event.ctrlKey || event.metaKey) return;
      var target = event.target;
      if (target && /^(SELECT|INPUT|TEXTAREA)$/.test(target.tagName)) return;
      var index = "1234".indexOf(event.key);
      if (index < 0) index = "abcd".indexOf(event.key.toLowerCase());
      if (index < 0 || event.key.length !== 1) return;
      var buttons = options.querySelectorAll(".quiz-option");
      if (buttons[index]) {
        event.preventDefault();
        buttons[index].click();
      }
    });

    root.querySelector(".quiz-list").hidden = true;
    root.querySelector(".practice-static-intro").hidden = true;
    app.hidden = false;
    applyFilter(false);
  }

  // ------------------------------------------------------------------ flashcards

  function initFlashcards(root) {
    var cards = readData(root);
    if (!cards || !cards.length) return;
    var app = root.querySelector(".practice-app");
    var progress = load();

    // A weighted queue: cards you got wrong come first and come back after three others;
    // cards you knew go to the back.
    function group(card) {
      var rating = progress.cards[card.id];
      if (!rating) return 1;
      return rating.last === "again" ? 0 : 2;
    }
    var queue = [[], [], []];
    shuffled(cards).forEach(function (card) {
      queue[group(card)].push(card);
    });
    queue = queue[0].concat(queue[1], queue[2]);
    var AGAIN_GAP = 3;

    var count = h("p", { class: "flashcard-count" });
    var term = h("span", { class: "flashcard-term" });
    var face = h("button", {
      type: "button",
      class: "flashcard-face",
      "aria-expanded": "false",
      "aria-controls": "flashcard-back",
      "aria-describedby": "flashcard-hint",
    }, [h("span", { class: "practice-sr-only", text: "Flashcard: " }), term]);
    var definition = h("p", { class: "flashcard-definition" });
    var link = h("a", {});
    var back = h("div", { class: "flashcard-back", id: "flashcard-back", hidden: true }, [definition, h("p", {}, [link])]);
    var cardBox = h("div", { class: "flashcard" }, [face, back]);
    var hint = h("p", { class: "practice-hint", id: "flashcard-hint", text: "Click the card, or press Space or Enter, to turn it over." });
    var knew = h("button", { type: "button", class: "practice-button practice-button--primary", "data-rate": "knew" }, ["Knew it"]);
    var again = h("button", { type: "button", class: "practice-button", "data-rate": "again" }, ["Again"]);
    var rate = h("div", { class: "flashcard-rate", hidden: true }, [knew, again]);
    var status = h("div", { class: "practice-status", "aria-live": "polite" });
    app.append(count, cardBox, hint, rate, status);

    function showCount() {
      var known = 0;
      var repeat = 0;
      cards.forEach(function (card) {
        var rating = progress.cards[card.id];
        if (rating && rating.last === "knew") known += 1;
        if (rating && rating.last === "again") repeat += 1;
      });
      count.textContent = plural(cards.length, "card", "cards") + " · " + known + " known · " + repeat + " to repeat";
    }

    function flip(open) {
      face.setAttribute("aria-expanded", open ? "true" : "false");
      cardBox.classList.toggle("is-flipped", open);
      back.hidden = !open;
      rate.hidden = !open;
    }

    function showCard() {
      var card = queue[0];
      term.textContent = card.term;
      definition.textContent = card.definition;
      link.setAttribute("href", card.href);
      link.textContent = "Glossary entry for " + card.term;
      flip(false);
      showCount();
    }

    function rateCard(result) {
      var card = queue.shift();
      progress = update(function (p) {
        var rating = isMap(p.cards[card.id]) ? p.cards[card.id] : { knew: 0, again: 0 };
        rating[result] = (rating[result] || 0) + 1;
        rating.last = result;
        p.cards[card.id] = rating;
      });
      if (result === "again") queue.splice(Math.min(AGAIN_GAP, queue.length), 0, card);
      else queue.push(card);
      showCard();
      announce(status, [
        (result === "again" ? card.term + " comes back soon. " : card.term + " marked as known. ") +
          "Next card: " + queue[0].term + ".",
      ]);
      face.focus();
    }

    face.addEventListener("click", function () {
      flip(face.getAttribute("aria-expanded") !== "true");
    });
    knew.addEventListener("click", function () {
      rateCard("knew");
    });
    again.addEventListener("click", function () {
      rateCard("again");
    });

    root.querySelector(".flashcard-list").hidden = true;
    root.querySelector(".practice-static-intro").hidden = true;
    app.hidden = false;
    showCard();
  }

  // ------------------------------------------------------------------ wiring

  function once(node, init) {
    if (node.hasAttribute("data-practice-ready")) return;
    node.setAttribute("data-practice-ready", "");
    init(node);
  }

  function init() {
    document.querySelectorAll(".study-mark[data-page]").forEach(function (node) {
      once(node, initStudyMark);
    });
    document.querySelectorAll('[data-practice="progress"]').forEach(function (node) {
      once(node, initProgress);
    });
    document.querySelectorAll('[data-practice="quiz"]').forEach(function (node) {
      once(node, initQuiz);
    });
    document.querySelectorAll('[data-practice="flashcards"]').forEach(function (node) {
      once(node, initFlashcards);
    });
  }

  if (typeof window.document$ !== "undefined" && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
