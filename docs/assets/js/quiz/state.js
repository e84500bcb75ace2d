/*
 * The quiz's state: a round's filters, order and place in the page address, and the round's question list
 * and answers of this visit in sessionStorage. The first part of quiz.js.
 */
/* The address's format is practice-questions.js's quizQuery: Back, reload and a shared link restore a
 * round. The session keeps the list, so a reload or Back finds the same list even in the modes whose
 * questions change as the learner answers. */
(function (global) {
  "use strict";

  var L = global.Practice.lib, U = global.Practice.ui;
  var SESSION_KEY = "aws-ml-notes:quiz";

  // `s` made valid for the quiz's exams (`examBy`: code -> exam) and topics: an unknown exam is the first
  // one, an unknown domain, task or topic is none, a task sets its domain; a round without a seed gets one.
  function fix(s, setup, examBy) {
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
    if (!s.seed) s.seed = U.newSeed();
    return s;
  }

  // Moving between questions adds an entry to the history, so the browser's Back returns to the
  // previous question; changing a filter replaces the entry.
  function writeAddress(s, push) {
    var url = location.pathname + U.quizQuery(s);
    if (push && url !== location.pathname + location.search) history.pushState(null, "", url);
    else history.replaceState(history.state, "", url);
  }

  // Two addresses name the same round when they differ at most in the place.
  function sameRound(a, b) {
    return U.quizQuery(a, false) === U.quizQuery(b, false);
  }

  function roundKey(s) {
    return location.pathname + U.quizQuery(s, false);
  }

  // `answers`: question id -> {sel: the options chosen, done: answered}.
  function saveRound(s, list, answers) {
    L.writeKey("sessionStorage", SESSION_KEY, { key: roundKey(s), ids: list.map(function (q) {
      return q.id;
    }), answers: answers });
  }

  // The round of `s` as this visit saved it ({list, answers}), or null when it has not been saved.
  function savedRound(s, byId) {
    var saved = L.readKey("sessionStorage", SESSION_KEY);
    if (!saved || saved.key !== roundKey(s) || !Array.isArray(saved.ids)) return null;
    return {
      list: saved.ids.map(function (id) {
        return byId[id];
      }).filter(Boolean),
      answers: L.isMap(saved.answers) ? saved.answers : {},
    };
  }

  function tally(list, answers) {
    var answered = 0, right = 0;
    list.forEach(function (q) {
      var a = answers[q.id];
      if (a && a.done) {
        answered++;
        if (U.isRight(q, a.sel)) right++;
      }
    });
    return { answered: answered, right: right };
  }

  // The ids of the round's questions answered wrong, in the round's order.
  function wrongIds(list, answers) {
    return list.filter(function (q) {
      var a = answers[q.id];
      return a && a.done && !U.isRight(q, a.sel);
    }).map(function (q) {
      return q.id;
    });
  }

  global.QuizState = {
    fix: fix, writeAddress: writeAddress, sameRound: sameRound, saveRound: saveRound, savedRound: savedRound,
    tally: tally, wrongIds: wrongIds,
  };
})(window);
