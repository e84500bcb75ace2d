/*
 * The quiz, the mock exam and the flashcards. practice.js fetches this file on pages that have one
 * of them, and mounts them; see practice.js for what is stored and where. The review after a mock
 * exam lives in mock-review.js, fetched when a report shows.
 *
 * Options show in an order shuffled for each attempt: a quiz round's seed is in its address, a mock
 * exam's is stored with the exam and its attempt, and optionOrder(question, seed) gives the same order
 * from the same seed, so a reload, Back or a review shows what the learner saw. Answers are stored as
 * the options' places in the data, whatever order they were shown in.
 *
 * A short mock for tests or a quick try: /practice/mock-exam/?questions=3&minutes=1 adds a visibly
 * labeled "Short test" format (questions 1-100, minutes 0.1-300) and selects it.
 */
(function (global) {
  "use strict";

  var L = global.Practice ? global.Practice.lib : global.PracticeCore;
  var isMap = L.isMap, percent = L.percent, pad = L.pad, isoDay = L.isoDay, dayDate = L.dayDate, addDays = L.addDays;
  var daysBetween = L.daysBetween, dueCount = L.dueCount, newToday = L.newToday, plural = L.plural;
  var MOCK_HISTORY = L.MOCK_HISTORY;
  var LETTERS = "ABCDEF";

  // ================================================================ pure helpers

  function random(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffle(list, rand) {
    var out = list.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(rand() * (i + 1));
      var tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out;
  }

  // Six digits at most: the seed goes into the quiz's address.
  function newSeed() {
    return 1 + Math.floor(Math.random() * 999999);
  }

  function hash(text) {
    var x = 2166136261;
    for (var i = 0; i < text.length; i++) x = Math.imul(x ^ text.charCodeAt(i), 16777619);
    return x >>> 0;
  }

  // The order in which an attempt shows a question's options: indexes into q.options, shuffled by the
  // attempt's seed and the question's id. No seed: the order of the data (attempts saved before options
  // were shuffled).
  function optionOrder(q, seed) {
    var order = q.options.map(function (o, i) {
      return i;
    });
    return seed ? shuffle(order, random(hash(seed + ":" + q.id))) : order;
  }

  function compareCodes(a, b) {
    var x = String(a).split("."), y = String(b).split(".");
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      var d = (Number(x[i]) || 0) - (Number(y[i]) || 0);
      if (d) return d;
    }
    return 0;
  }

  function correctOptions(q) {
    var out = [];
    q.options.forEach(function (o, i) {
      if (o.correct) out.push(i);
    });
    return out;
  }

  function isRight(q, picked) {
    if (!Array.isArray(picked) || !picked.length) return false;
    var right = correctOptions(q);
    var unique = picked.filter(function (v, i) {
      return picked.indexOf(v) === i;
    });
    return unique.length === right.length && right.every(function (i) {
      return unique.indexOf(i) >= 0;
    });
  }

  // The domains of `exam` a question tests: the build's one definition, shipped in bank.json.
  function domainsIn(q, exam) {
    return ((q.domains || {})[exam] || []).slice();
  }

  // A mock exam draws at most one question of each group: the questions that share a `decision`, or
  // else the question alone (practice.Question.group, shipped when it is not the question's id).
  function groupOf(q) {
    return q.group || q.id;
  }

  function apportion(total, weights, available) {
    var domains = Object.keys(weights);
    var have = function (d) {
      return Math.max(0, available[d] || 0);
    };
    var need = Math.min(total, domains.reduce(function (s, d) {
      return s + have(d);
    }, 0));
    var capped = {};
    for (;;) {
      var open = domains.filter(function (d) {
        return !(d in capped) && have(d) > 0;
      });
      var rest = need - Object.keys(capped).reduce(function (s, d) {
        return s + capped[d];
      }, 0);
      var sum = open.reduce(function (s, d) {
        return s + weights[d];
      }, 0);
      var exact = {};
      open.forEach(function (d) {
        exact[d] = sum ? (rest * weights[d]) / sum : rest / open.length;
      });
      var over = open.filter(function (d) {
        return exact[d] > have(d);
      });
      if (!over.length) break;
      over.forEach(function (d) {
        capped[d] = have(d);
      });
    }
    var counts = {};
    domains.forEach(function (d) {
      counts[d] = d in capped ? capped[d] : d in exact ? Math.floor(exact[d]) : 0;
    });
    var given = domains.reduce(function (s, d) {
      return s + counts[d];
    }, 0);
    open.slice().sort(function (a, b) {
      return exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || weights[b] - weights[a];
    }).forEach(function (d) {
      if (given < need && counts[d] < have(d)) {
        counts[d]++;
        given++;
      }
    });
    return counts;
  }

  // A mock exam: written questions only (the decision-table drills stay in the quiz), at most one of each
  // group, as many from each domain as its weight asks. Each domain in turn takes its next question,
  // so a question on two domains is not always kept by the first; a domain that runs short leaves its
  // places to the others.
  function drawMock(questions, exam, total, rand) {
    var pool = shuffle(questions.filter(function (q) {
      return q.kind !== "scenario" && domainsIn(q, exam.code).length;
    }), rand);
    var byDomain = {}, weights = {}, groups = {}, available = {};
    exam.domains.forEach(function (d) {
      weights[d.number] = d.weight;
      byDomain[d.number] = [];
      groups[d.number] = {};
    });
    pool.forEach(function (q) {
      domainsIn(q, exam.code).forEach(function (d) {
        if (!byDomain[d]) return;
        byDomain[d].push(q);
        groups[d][groupOf(q)] = true;
      });
    });
    exam.domains.forEach(function (d) {
      available[d.number] = Object.keys(groups[d.number]).length;
    });
    var counts = apportion(total, weights, available);
    var ids = [], taken = {}, used = {}, got = {}, at = {};

    function take(q) {
      if (taken[q.id] || used[groupOf(q)]) return false;
      taken[q.id] = used[groupOf(q)] = true;
      ids.push(q.id);
      return true;
    }

    exam.domains.forEach(function (d) {
      got[d.number] = at[d.number] = 0;
    });
    for (var moved = true; moved;) {
      moved = false;
      exam.domains.forEach(function (d) {
        var n = d.number;
        while (got[n] < counts[n] && at[n] < byDomain[n].length) {
          if (take(byDomain[n][at[n]++])) {
            got[n]++;
            moved = true;
            break;
          }
        }
      });
    }
    for (var i = 0; i < pool.length && ids.length < total; i++) take(pool[i]);
    return shuffle(ids, rand);
  }

  // The score, and per domain: a question on tasks of two domains counts in both.
  function scoreMock(byId, ids, picked, exam) {
    var result = { right: 0, total: 0, domains: {}, wrong: [] };
    exam.domains.forEach(function (d) {
      result.domains[d.number] = { right: 0, total: 0 };
    });
    ids.forEach(function (id) {
      var q = byId[id];
      if (!q) return;
      var ok = isRight(q, (picked || {})[id]);
      result.total++;
      if (ok) result.right++;
      else result.wrong.push(id);
      domainsIn(q, exam.code).forEach(function (n) {
        var d = result.domains[n];
        if (!d) return;
        d.total++;
        if (ok) d.right++;
      });
    });
    return result;
  }

  // ---- SM-2 spaced repetition
  //
  // Ratings: 1 Again, 2 Hard, 3 Good, 4 Easy, read as SM-2 quality 1, 3, 4 and 5. A remembered card
  // (Hard, Good, Easy) waits 1 day, then 6 days, then the last interval times its ease factor; the
  // ease then moves by 0.1 - (5 - q)(0.08 + (5 - q) 0.02), never below 1.3 (Hard lowers it by 0.14,
  // Good keeps it, Easy raises it by 0.1). A forgotten card (Again) starts over: it is due today,
  // its repetitions go back to 0, a lapse is counted, and its ease stays as it was.
  var QUALITY = { 2: 3, 3: 4, 4: 5 };

  function sm2(card, rating, today) {
    var c = isMap(card)
      ? { due: card.due, interval: card.interval, ease: card.ease, reps: card.reps, lapses: card.lapses, first: card.first, last: card.last }
      : { due: today, interval: 0, ease: 2.5, reps: 0, lapses: 0 };
    if (rating === 1) {
      if (c.reps > 0) c.lapses++;
      c.reps = 0;
      c.interval = 0;
    } else {
      var q = QUALITY[rating];
      if (!q) throw new Error("rating must be 1 to 4");
      c.interval = c.reps === 0 ? 1 : c.reps === 1 ? 6 : Math.max(1, Math.round(c.interval * c.ease));
      c.reps++;
      c.ease = Math.max(1.3, Math.round((c.ease + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)) * 100) / 100);
    }
    c.due = addDays(today, c.interval);
    c.first = c.first || today;
    c.last = today;
    return c;
  }

  // ---- the quiz's address

  var MODES = ["all", "new", "wrong", "flagged"];

  function readQuizState(search) {
    var p = new URLSearchParams(search);
    var ids = p.get("ids");
    return {
      exam: p.get("exam") || "",
      domain: p.get("domain") || "",
      task: p.get("task") || "",
      topic: p.get("topic") || "",
      mode: MODES.indexOf(p.get("mode")) >= 0 ? p.get("mode") : "all",
      order: p.get("order") === "shuffled" ? "shuffled" : "listed",
      seed: Math.max(0, parseInt(p.get("seed"), 10) || 0),
      n: Math.max(0, parseInt(p.get("n"), 10) || 0),
      ids: ids ? ids.split(",").filter(Boolean) : null,
    };
  }

  function quizQuery(s, withPosition) {
    var p = new URLSearchParams();
    if (s.ids) p.set("ids", s.ids.join(","));
    ["exam", "domain", "task", "topic"].forEach(function (k) {
      if (s[k] && !(s.ids && k !== "exam")) p.set(k, s[k]);
    });
    if (s.mode !== "all" && !s.ids) p.set("mode", s.mode);
    if (s.order === "shuffled") p.set("order", "shuffled");
    if (s.seed) p.set("seed", String(s.seed)); // the question order if shuffled, and the options' order
    if (withPosition !== false && s.n) p.set("n", String(s.n));
    var text = p.toString();
    return text ? "?" + text : "";
  }

  function selectQuestions(questions, s, record) {
    var list;
    if (s.ids) {
      var byId = {};
      questions.forEach(function (q) {
        byId[q.id] = q;
      });
      list = s.ids.map(function (id) {
        return byId[id];
      }).filter(Boolean);
    } else {
      list = questions.filter(function (q) {
        var tasks = (q.tasks || {})[s.exam] || [];
        var answer = record.answers[q.id];
        if (!tasks.length) return false;
        if (s.domain && !tasks.some(function (t) {
          return String(t).split(".")[0] === s.domain;
        })) return false;
        if (s.task && tasks.indexOf(s.task) < 0) return false;
        if (s.topic && q.topic !== s.topic) return false;
        if (s.mode === "new" && answer) return false;
        if (s.mode === "wrong" && !(answer && answer.right === false)) return false;
        if (s.mode === "flagged" && !record.flags[q.id]) return false;
        return true;
      });
      var place = {};
      questions.forEach(function (q, i) {
        place[q.id] = i;
      });
      list.sort(function (a, b) {
        return compareCodes(a.tasks[s.exam][0], b.tasks[s.exam][0]) || place[a.id] - place[b.id];
      });
    }
    return s.order === "shuffled" ? shuffle(list, random(s.seed || 1)) : list;
  }

  var core = {
    random: random, shuffle: shuffle, isRight: isRight, domainsIn: domainsIn, groupOf: groupOf, apportion: apportion,
    drawMock: drawMock, scoreMock: scoreMock, sm2: sm2, readQuizState: readQuizState, quizQuery: quizQuery,
    selectQuestions: selectQuestions, compareCodes: compareCodes, newSeed: newSeed, optionOrder: optionOrder,
  };

  if (typeof document === "undefined") {
    Object.keys(core).forEach(function (k) {
      global.PracticeCore[k] = core[k];
    });
    return;
  }

  var h = L.h, button = L.button, clear = L.clear, announce = L.announce, focus = L.focus, siteLink = L.siteLink;
  var readKey = L.readKey, writeKey = L.writeKey, onControl = L.onControl, store = L.store, loadJSON = L.loadJSON;
  var readMock = L.readMock, writeMock = L.writeMock, keys = L.keys;

  // ================================================================ page helpers

  // The letters the learner saw for these options (indexes into q.options), in the order shown.
  function letters(indexes, order) {
    var names = indexes.map(function (i) {
      return order ? order.indexOf(i) : i;
    }).sort(function (a, b) {
      return a - b;
    }).map(function (p) {
      return LETTERS[p];
    });
    return names.length > 1 ? names.slice(0, -1).join(", ") + " and " + names[names.length - 1] : names.join("");
  }

  // "Choose two.": the build's label (practice.choose_label), shipped with each multiple-response question.
  function chooseLabel(q) {
    return q.label || "";
  }

  function clock(ms) {
    var s = Math.max(0, Math.ceil(ms / 1000));
    var hh = Math.floor(s / 3600), mm = Math.floor((s % 3600) / 60), ss = s % 60;
    return (hh ? hh + ":" + pad(mm) : String(mm)) + ":" + pad(ss);
  }

  function showDay(day) {
    return dayDate(day).toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric" });
  }

  function fromToday(day, today) {
    var n = daysBetween(today, day);
    return n <= 0 ? "today" : n === 1 ? "tomorrow" : "in " + n + " days";
  }

  function index(questions) {
    var byId = {};
    questions.forEach(function (q) {
      byId[q.id] = q;
    });
    return byId;
  }

  function optionKey(e) {
    if (e.key.length !== 1) return -1;
    var i = "12345".indexOf(e.key);
    return i >= 0 ? i : "abcde".indexOf(e.key.toLowerCase());
  }

  // The option list of one question: after an answer, every option shows whether it was right and why,
  // in the order the attempt showed them.
  function optionReview(q, picked, order) {
    order = order || optionOrder(q, 0);
    return h("ol", { class: "quiz-options quiz-review", type: "A" }, order.map(function (i, place) {
      var o = q.options[i];
      var chosen = picked.indexOf(i) >= 0;
      var mark = o.correct ? (chosen ? "Right answer, your choice" : "Right answer") : chosen ? "Your choice, wrong" : "Wrong";
      return h("li", { class: "quiz-reviewed " + (o.correct ? "is-right" : chosen ? "is-wrong" : "is-other") }, [
        h("p", { class: "quiz-option-text" }, [
          h("span", { class: "quiz-letter" }, [LETTERS[place] + "."]), " ", h("span", { class: "quiz-option-body" }, [o.text]), " ",
          h("span", { class: "quiz-mark" }, [mark]),
        ]),
        h("p", { class: "quiz-why" }, [o.why]),
      ]);
    }));
  }

  function teachLink(q) {
    return h("p", { class: "quiz-teach" }, [h("a", { href: siteLink(q.href) }, ["Read the section that teaches it"])]);
  }

  // The "Report a mistake" address: the build ships report.py's address with placeholders for the
  // question and where it can be read (its question page, or else the page the learner is on).
  function reportLink(q, report) {
    if (!report || !report.url) return null;
    var address = q.page ? siteLink(q.page) : location.href;
    var url = report.url.split(report.where).join(encodeURIComponent(q.id)).split(report.address).join(encodeURIComponent(address));
    return h("p", { class: "quiz-report" }, [h("a", { href: url }, ["Report a mistake in this question"])]);
  }

  function sourcesLine(q) {
    if (!q.sources || !q.sources.length) return null;
    var out = ["AWS sources: "];
    q.sources.forEach(function (url, i) {
      if (i) out.push(", ");
      out.push(h("a", { href: url }, [url.replace(/^https:\/\//, "")]));
    });
    return h("p", { class: "quiz-sources" }, out);
  }

  // What follows the explanations once a question is answered: the section that teaches it, the AWS
  // pages it was checked against and the way to report a mistake.
  function afterReveal(q, report) {
    return [teachLink(q), sourcesLine(q), reportLink(q, report)].filter(Boolean);
  }

  function examLabel(e) {
    return e.code + (e.role === "current" ? " (current exam)" : " (" + e.role + ")");
  }

  // Decision-table questions are short "which one?" drills, labeled so next to the exam-style questions.
  var DRILL = "Quick drill";

  function taskLabel(q, exam) {
    var tasks = (q.tasks || {})[exam] || [];
    return (q.kind === "scenario" ? DRILL + " · " : "") + (tasks.length ? exam + " " + tasks.join(", ") : "") +
      (q.topic ? " · " + q.topic : "");
  }

  // ================================================================ quiz

  var QUIZ_SESSION = "aws-ml-notes:quiz";
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
      var exam = examBy[s.exam] || setup.exams[0];
      s.exam = exam.code;
      var domains = {}, taskDomain = {};
      exam.domains.forEach(function (d) {
        domains[d.number] = true;
        d.tasks.forEach(function (t) {
          taskDomain[t.code] = d.number;
        });
      });
      if (!taskDomain[s.task]) s.task = "";
      if (s.task) s.domain = taskDomain[s.task];
      if (!domains[s.domain]) s.domain = "";
      if (setup.topics.indexOf(s.topic) < 0) s.topic = "";
      if (!s.seed) s.seed = newSeed();
      return s;
    }

    // Moving between questions adds an entry to the history, so the browser's Back returns to the
    // previous question; changing a filter replaces the entry.
    function writeURL(push) {
      var url = location.pathname + quizQuery(state);
      if (push && url !== location.pathname + location.search) history.pushState(null, "", url);
      else history.replaceState(history.state, "", url);
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

    // ---- the question list of this visit (kept in sessionStorage, so a reload or Back finds the
    // same list even in the modes whose membership changes as you answer)

    function listKey() {
      return location.pathname + quizQuery(state, false);
    }

    function saveSession() {
      writeKey("sessionStorage", QUIZ_SESSION, { key: listKey(), ids: list.map(function (q) {
        return q.id;
      }), answers: session });
    }

    function rebuild(fresh) {
      var saved = readKey("sessionStorage", QUIZ_SESSION);
      if (!fresh && saved && saved.key === listKey() && Array.isArray(saved.ids)) {
        list = saved.ids.map(function (id) {
          return byId[id];
        }).filter(Boolean);
        session = isMap(saved.answers) ? saved.answers : {};
      } else {
        list = selectQuestions(bank.questions, state, store().load());
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
      var answered = 0, right = 0;
      list.forEach(function (q) {
        var a = session[q.id];
        if (a && a.done) {
          answered++;
          if (isRight(q, a.sel)) right++;
        }
      });
      return { answered: answered, right: right };
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
      var sameRound = quizQuery(next, false) === quizQuery(state, false);
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
      var wrong = list.filter(function (q) {
        var a = session[q.id];
        return a && a.done && !isRight(q, a.sel);
      }).map(function (q) {
        return q.id;
      });
      var title = h("h2", { class: "quiz-done", tabindex: "-1" }, ["End of this round"]);
      clear(body).appendChild(title);
      body.appendChild(h("p", {}, [
        "You answered " + t.answered + " of " + plural(list.length, "question") + " and got " + t.right + " right" +
          (t.answered ? " (" + percent(t.right, t.answered) + "%)." : "."),
      ]));
      body.appendChild(h("p", { class: "quiz-nav" }, [
        wrong.length ? button("Retry the " + plural(wrong.length, "question") + " I got wrong", function () {
          state.ids = wrong;
          state.order = "listed";
          state.seed = newSeed();
          state.n = 1;
          fillFilters();
          writeURL();
          rebuild(true);
          show(true);
        }, { class: "practice-button practice-button--primary" }) : null,
        button("Start this round again", function () {
          state.seed = newSeed();
          state.n = 1;
          fillFilters();
          writeURL();
          rebuild(true);
          show(true);
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

  // ================================================================ mock exam

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
    var bank = null, byId = {}, m = null, timer = null;

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
      if (!app.el.isConnected) {
        clearInterval(timer);
        timer = null;
        return;
      }
      var left = m.deadline - Date.now();
      timeText.textContent = clock(left);
      var total = m.format.minutes * 60000;
      [[600, "Ten minutes left."], [60, "One minute left."]].forEach(function (t) {
        if (left <= t[0] * 1000 && total > t[0] * 1000 && !m.told[t[0]]) {
          m.told[t[0]] = true;
          save();
          announce(app, t[1]);
        }
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
      if (!timer) timer = setInterval(tick, 1000);
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
        clearInterval(timer);
        timer = null;
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
      clearInterval(timer);
      timer = null;
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

  // ================================================================ flashcards

  var RATINGS = [[1, "Again"], [2, "Hard"], [3, "Good"], [4, "Easy"]];

  function hashOrder(id) {
    var x = 2166136261;
    for (var i = 0; i < id.length; i++) x = Math.imul(x ^ id.charCodeAt(i), 16777619);
    return x >>> 0;
  }

  function Cards(app) {
    var setup = app.data || { deck: 0, newPerDay: 20 };
    var deck = null, byId = {}, queue = [], pos = 0, reviewed = 0, log = null, today;

    function counts() {
      var cards = store().load().cards;
      today = isoDay(new Date());
      var known = Object.keys(cards).length;
      var fresh = Math.max(0, Math.min(setup.newPerDay - newToday(cards, today), setup.deck - known));
      var next = Object.keys(cards).map(function (id) {
        return cards[id].due;
      }).filter(function (d) {
        return d > today;
      }).sort()[0];
      return { due: dueCount(cards, today), fresh: fresh, known: known, next: next };
    }

    function summary() {
      keys.current = null;
      var c = counts();
      var nothing = !c.due && !c.fresh;
      clear(app.mount).appendChild(h("p", { class: "flashcard-summary" }, [
        h("strong", { class: "flashcard-due" }, ["Due today: " + c.due]), " · ",
        h("span", { class: "flashcard-new" }, ["New cards available today: " + c.fresh]),
        " · " + setup.deck + " cards in the deck, " + c.known + " studied so far.",
      ]));
      if (nothing) {
        app.mount.appendChild(h("p", {}, ["Nothing is due today." + (c.next ? " Your next card is due " + showDay(c.next) + "." : "")]));
        return;
      }
      app.mount.appendChild(h("p", {}, [button("Start the review", begin, { class: "practice-button practice-button--primary" })]));
      keys.current = { root: app.el, handle: function (e, t) {
        if ((e.key === "Enter" || e.key === " ") && !onControl(t)) {
          begin();
          return true;
        }
        return false;
      } };
    }

    function begin() {
      clear(app.mount).appendChild(h("p", { class: "practice-hint" }, ["Loading the deck…"]));
      loadJSON("glossary.json").then(function (terms) {
        deck = terms;
        byId = {};
        deck.forEach(function (t) {
          byId[t.id] = t;
        });
        var cards = store().load().cards;
        var c = counts();
        var due = Object.keys(cards).filter(function (id) {
          return byId[id] && cards[id].due <= today;
        }).sort(function (a, b) {
          return cards[a].due < cards[b].due ? -1 : cards[a].due > cards[b].due ? 1 : 0;
        });
        var fresh = deck.filter(function (t) {
          return !cards[t.id];
        }).sort(function (a, b) {
          return hashOrder(a.id) - hashOrder(b.id);
        }).slice(0, c.fresh).map(function (t) {
          return t.id;
        });
        queue = due.concat(fresh);
        pos = 0;
        reviewed = 0;
        log = h("tbody");
        showCard(true);
      }, function () {
        clear(app.mount).appendChild(h("p", { role: "alert" }, ["The deck could not be loaded. Check your connection and reload the page."]));
      });
    }

    function logTable() {
      return h("table", { class: "flashcard-log" }, [
        h("caption", {}, ["Reviewed in this session"]),
        h("thead", {}, [h("tr", {}, ["Card", "Your rating", "Next due"].map(function (c) {
          return h("th", { scope: "col" }, [c]);
        }))]),
        log,
      ]);
    }

    function showCard(moveFocus) {
      if (pos >= queue.length) return done();
      var id = queue[pos], term = byId[id];
      var card = store().load().cards[id];
      var flipped = false;
      var backId = "flashcard-back";
      var back = h("div", { class: "flashcard-back", id: backId, hidden: true }, [
        h("p", {}, [term.definition]),
        term.names && term.names.length ? h("p", { class: "practice-hint" }, ["Also: " + term.names.join(", ")]) : null,
        h("p", {}, [h("a", { href: siteLink(term.href) }, ["Open “" + term.term + "” in the glossary"])]),
      ]);
      var face = h("button", { type: "button", class: "flashcard-face", "aria-expanded": "false", "aria-controls": backId,
        onclick: function () {
          flip();
        } }, [term.term]);
      var rate = h("div", { class: "flashcard-rate", role: "group", "aria-label": "How well did you remember it?", hidden: true },
        RATINGS.map(function (r) {
          var when = fromToday(sm2(card, r[0], today).due, today);
          return h("button", { type: "button", class: "practice-button flashcard-rating", "data-rating": r[0], onclick: function () {
            grade(r[0]);
          } }, [r[0] + " " + r[1], h("span", { class: "flashcard-when" }, [" · " + when])]);
        }));

      function flip() {
        if (flipped) return;
        flipped = true;
        back.hidden = false;
        rate.hidden = false;
        face.setAttribute("aria-expanded", "true");
        cardBox.classList.add("is-flipped");
        announce(app, term.term + ": " + term.definition);
      }

      function grade(rating) {
        var next = sm2(store().load().cards[id], rating, today);
        store().update(function (r) {
          r.cards[id] = next;
        });
        reviewed++;
        var label = RATINGS[rating - 1][1];
        log.insertBefore(h("tr", {}, [
          h("td", {}, [term.term]), h("td", {}, [label]),
          h("td", { class: "flashcard-next-due", "data-due": next.due }, [showDay(next.due) + " (" + fromToday(next.due, today) + ")"]),
        ]), log.firstChild);
        if (rating === 1) queue.push(id);
        pos++;
        announce(app, label + ". " + term.term + " is due " + fromToday(next.due, today) + (next.due === today ? "" : ", " + showDay(next.due)) + ".");
        showCard(true);
      }

      var cardBox = h("div", { class: "flashcard" }, [face, back]);
      clear(app.mount).appendChild(h("p", { class: "flashcard-count" }, [
        "Card " + (pos + 1) + " of " + queue.length + " · " + (card ? "due for review" : "new card"),
      ]));
      app.mount.appendChild(cardBox);
      app.mount.appendChild(rate);
      app.mount.appendChild(h("p", { class: "practice-hint" }, ["Recall the definition, then turn the card (Space or Enter) and rate yourself (1 to 4)."]));
      app.mount.appendChild(logTable());
      if (moveFocus) face.focus();

      keys.current = { root: app.el, handle: function (e, t) {
        if ((e.key === " " || e.key === "Enter") && !flipped && (t === face || !onControl(t))) {
          flip();
          return true;
        }
        var n = "1234".indexOf(e.key);
        if (e.key.length === 1 && n >= 0 && flipped) {
          grade(n + 1);
          return true;
        }
        return false;
      } };
    }

    function done() {
      keys.current = null;
      var c = counts();
      var title = h("h2", { tabindex: "-1" }, ["Done for now"]);
      clear(app.mount).appendChild(title);
      app.mount.appendChild(h("p", {}, ["You reviewed " + plural(reviewed, "card") + "." +
        (c.next ? " Your next card is due " + showDay(c.next) + "." : "")]));
      app.mount.appendChild(h("p", {}, [button("Back to the summary", summary)]));
      app.mount.appendChild(logTable());
      focus(title);
    }

    summary();
  }

  // What mock-review.js draws with: the same option lists, letters and links as the quiz.
  global.Practice.ui = {
    LETTERS: LETTERS, letters: letters, optionReview: optionReview, afterReveal: afterReveal, taskLabel: taskLabel,
    chooseLabel: chooseLabel, correctOptions: correctOptions, optionOrder: optionOrder, isRight: isRight,
  };
  global.Practice.register({ quiz: Quiz, mock: Mock, flashcards: Cards }, core);
})(typeof window !== "undefined" ? window : globalThis);
