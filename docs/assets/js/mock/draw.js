/*
 * Which questions a mock exam asks, drawn by the exam's domain weights with at most one question on each
 * decision, and its score per domain. Part of mock.js; also runs under Node for the unit tests, where it
 * joins globalThis.PracticeCore.
 */
(function (global) {
  "use strict";

  // The shared question helpers: practice-questions.js (window.Practice.ui), or under Node PracticeCore.
  var U = global.Practice ? global.Practice.ui : global.PracticeCore;
  var shuffle = U.shuffle, isRight = U.isRight, domainsIn = U.domainsIn;

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

  if (typeof document === "undefined") {
    global.PracticeCore.apportion = apportion;
    global.PracticeCore.drawMock = drawMock;
    global.PracticeCore.scoreMock = scoreMock;
    return;
  }

  global.MockDraw = { drawMock: drawMock, scoreMock: scoreMock };
})(typeof window !== "undefined" ? window : globalThis);
