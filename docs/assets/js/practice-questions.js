/*
 * What the quiz and the mock exam share: the option order of an attempt, scoring a question, the quiz's
 * address and question list, and drawing a question with its explanations. practice.js fetches it
 * before quiz.js or mock.js; mock-review.js draws with it too. Options show in an
 * order shuffled for each attempt: a quiz round's seed is in its address, a mock exam's is stored with the
 * exam and its attempt, and optionOrder(question, seed) gives the same order from the same seed, so a
 * reload, Back or a review shows what the learner saw. Answers are stored as the options' places in the
 * data, whatever order they were shown in.
 *
 * The pure helpers also run under Node for the unit tests: without a document they join
 * globalThis.PracticeCore.
 */
(function (global) {
  "use strict";

  var L = global.Practice ? global.Practice.lib : global.PracticeCore;
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

  // The domains of `exam` a question tests (the build's one definition, shipped in bank.json).
  function domainsIn(q, exam) {
    return (L.domainsOf(q)[exam] || []).slice();
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

  // The quiz's questions from bank.json: chosen by the address, in the build's order for the exam
  // (bank.order, studykit/practice.py quiz_order) unless the round is shuffled.
  function selectQuestions(bank, s, record) {
    var list;
    if (s.ids) {
      var byId = {};
      bank.questions.forEach(function (q) {
        byId[q.id] = q;
      });
      list = s.ids.map(function (id) {
        return byId[id];
      }).filter(Boolean);
    } else {
      var rank = {};
      ((bank.order || {})[s.exam] || []).forEach(function (id, i) {
        rank[id] = i;
      });
      list = bank.questions.filter(function (q) {
        var answer = record.answers[q.id];
        if (!(q.id in rank)) return false;
        if (s.domain && domainsIn(q, s.exam).indexOf(s.domain) < 0) return false;
        if (s.task && ((q.tasks || {})[s.exam] || []).indexOf(s.task) < 0) return false;
        if (s.topic && q.topic !== s.topic) return false;
        if (s.mode === "new" && answer) return false;
        if (s.mode === "wrong" && !(answer && answer.right === false)) return false;
        if (s.mode === "flagged" && !record.flags[q.id]) return false;
        return true;
      });
      list.sort(function (a, b) {
        return rank[a.id] - rank[b.id];
      });
    }
    return s.order === "shuffled" ? shuffle(list, random(s.seed || 1)) : list;
  }

  var core = {
    random: random, shuffle: shuffle, newSeed: newSeed, optionOrder: optionOrder,
    isRight: isRight, domainsIn: domainsIn, readQuizState: readQuizState, quizQuery: quizQuery, selectQuestions: selectQuestions,
  };

  if (typeof document === "undefined") {
    Object.keys(core).forEach(function (k) {
      global.PracticeCore[k] = core[k];
    });
    return;
  }

  var h = L.h, siteLink = L.siteLink;

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

  global.Practice.ui = Object.assign(core, {
    correctOptions: correctOptions, LETTERS: LETTERS, letters: letters, chooseLabel: chooseLabel, index: index, optionKey: optionKey, optionReview: optionReview,
    afterReveal: afterReveal, examLabel: examLabel, taskLabel: taskLabel,
  });
})(typeof window !== "undefined" ? window : globalThis);
