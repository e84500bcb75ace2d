/*
 * The readiness estimate: for each domain and task statement of the current exam, the share of this site's
 * questions on it the learner would likely answer right today, with a band that says how sure that is.
 */
/*
 * The rules come from the build (hooks/studykit/readiness.py, in assets/practice/readiness.json, which also
 * maps every question to its tasks, its domains and the section that teaches it); this file applies them
 * to the answers and flashcards kept in this browser. practice.js fetches it on the practice page and for
 * the readiness column of the progress panel, once the learner has answers or flashcards.
 *
 * The pure helpers also run under Node for the unit tests: without a document they join
 * globalThis.PracticeCore.
 */
(function (global) {
  "use strict";

  // ================================================================ pure helpers

  // ---- the Beta distribution: its quantiles, for the band

  function logGamma(x) {
    // Lanczos approximation (g = 7, n = 9).
    var c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
      12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
    if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    x -= 1;
    var a = c[0], t = x + 7.5;
    for (var i = 1; i < 9; i++) a += c[i] / (x + i);
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }

  // The continued fraction of the incomplete beta function (Numerical Recipes, betacf).
  function betaFraction(a, b, x) {
    var tiny = 1e-300, qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - (qab * x) / qap;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    var f = d;
    for (var m = 1; m <= 300; m++) {
      var m2 = 2 * m, aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      f *= d * c;
      aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      var del = d * c;
      f *= del;
      if (Math.abs(del - 1) < 1e-12) break;
    }
    return f;
  }

  // P(X <= x) for X ~ Beta(a, b).
  function betaCdf(x, a, b) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    var front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
  }

  function betaQuantile(p, a, b) {
    var lo = 0, hi = 1;
    for (var i = 0; i < 60; i++) {
      var mid = (lo + hi) / 2;
      if (betaCdf(mid, a, b) < p) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }

  // ---- the evidence

  var DAY = 86400000;
  var UNDATED_AGE = 90; // days: an answer saved before answers kept their time counts as an old one

  function weightOf(ageDays, halfLife) {
    return Math.pow(0.5, Math.max(0, ageDays) / halfLife);
  }

  function ageOf(at, now) {
    var t = typeof at === "string" ? Date.parse(at) : NaN;
    return isFinite(t) ? (now - t) / DAY : UNDATED_AGE;
  }

  // The chance that a flashcard is remembered today: SM-2 sets its interval so that it is due about when
  // recall drops to `cardRecall`; an "Again" (no repetitions yet) counts as not remembered.
  function cardRecall(card, now, rules) {
    if (!card || !card.reps || !card.last) return 0;
    var days = ageOf(card.last + "T00:00:00", now);
    return Math.pow(rules.cardRecall, Math.max(0, days) / Math.max(1, card.interval || 1));
  }

  function blank() {
    return { right: 0, wrong: 0, answers: 0, cards: 0, missed: {} };
  }

  function add(bucket, right, weight) {
    if (right) bucket.right += weight;
    else bucket.wrong += weight;
  }

  function summarize(bucket, rules) {
    var a = rules.prior[0] + bucket.right, b = rules.prior[1] + bucket.wrong;
    var tail = (1 - rules.band) / 2;
    return {
      mean: a / (a + b), low: betaQuantile(tail, a, b), high: betaQuantile(1 - tail, a, b),
      answers: bucket.answers, cards: bucket.cards, missed: bucket.missed,
      weak: Object.keys(bucket.missed).length > 0 && a / (a + b) < rules.weakBelow,
    };
  }

  // The estimate of every task and domain of data.exam from a learner's record (StudyStore's form): each
  // question by the latest answer to it, weighted by its age, and each flashcard of a task's terms.
  function estimate(record, data, now) {
    var rules = data.rules, tasks = {}, domains = {};
    Object.keys(data.tasks).forEach(function (code) {
      tasks[code] = blank();
    });
    Object.keys(data.domains).forEach(function (d) {
      domains[d] = blank();
    });
    var answers = record.answers || {};
    Object.keys(answers).forEach(function (id) {
      var info = data.questions[id], a = answers[id];
      if (!info || !a || typeof a.right !== "boolean") return;
      var w = weightOf(ageOf(a.at, now), rules.halfLifeDays);
      info[0].map(function (t) {
        return tasks[t];
      }).concat(info[1].map(function (d) {
        return domains[d];
      })).forEach(function (bucket) {
        if (!bucket) return;
        add(bucket, a.right, w);
        bucket.answers++;
        if (!a.right) bucket.missed[info[2]] = (bucket.missed[info[2]] || 0) + 1;
      });
    });
    var cards = record.cards || {};
    Object.keys(data.domains).forEach(function (d) {
      var counted = {};
      Object.keys(data.tasks).forEach(function (code) {
        if (data.tasks[code].domain !== d) return;
        data.tasks[code].terms.forEach(function (term) {
          if (!cards[term]) return;
          var p = cardRecall(cards[term], now, rules);
          tasks[code].right += rules.cardWeight * p;
          tasks[code].wrong += rules.cardWeight * (1 - p);
          tasks[code].cards++;
          if (counted[term]) return;
          counted[term] = true;
          domains[d].right += rules.cardWeight * p;
          domains[d].wrong += rules.cardWeight * (1 - p);
          domains[d].cards++;
        });
      });
    });
    var out = { tasks: {}, domains: {} };
    Object.keys(tasks).forEach(function (k) {
      out.tasks[k] = summarize(tasks[k], rules);
    });
    Object.keys(domains).forEach(function (k) {
      out.domains[k] = summarize(domains[k], rules);
    });
    return out;
  }

  function pct(x) {
    return Math.round(100 * x) + "%";
  }

  function bandText(e) {
    return pct(e.mean) + " (" + Math.round(100 * e.low) + "–" + pct(e.high) + ")";
  }

  var core = { betaCdf: betaCdf, betaQuantile: betaQuantile, estimate: estimate, cardRecall: cardRecall, bandText: bandText };

  if (typeof document === "undefined") {
    Object.keys(core).forEach(function (k) {
      global.PracticeCore[k] = core[k];
    });
    return;
  }

  // ================================================================ on the page

  var L = global.Practice.lib;
  var h = L.h, clear = L.clear;

  function counted(e) {
    if (!e.answers && !e.cards) return "none yet";
    return [e.answers ? L.plural(e.answers, "answer") : "", e.cards ? L.plural(e.cards, "flashcard") : ""].filter(Boolean).join(", ");
  }

  function bar(e) {
    return h("span", { class: "ready-bar", "aria-hidden": "true" }, [
      h("span", { class: "ready-band", style: "left:" + pct(e.low) + ";width:" + pct(Math.max(0.01, e.high - e.low)) }),
      h("span", { class: "ready-mean", style: "left:" + pct(e.mean) }),
    ]);
  }

  // Fill every [data-ready="EXAM:1"] (a domain) or [data-ready="EXAM:1.1"] (a task) in `root`, and its
  // [data-ready-count]. A part with no answers and no flashcards shows a dash. `bars`: draw the band too
  // (the progress panel's narrow column shows the text alone).
  function fillCells(root, est, bars) {
    root.querySelectorAll("[data-ready]").forEach(function (cell) {
      var code = cell.getAttribute("data-ready").split(":")[1];
      var e = code.indexOf(".") >= 0 ? est.tasks[code] : est.domains[code];
      if (!e) return;
      clear(cell);
      if (!e.answers && !e.cards) {
        cell.textContent = "–";
        return;
      }
      cell.appendChild(h("span", { class: "ready-text" + (e.weak ? " is-weak" : "") }, [bandText(e) + (e.weak ? ", weak" : "")]));
      if (bars !== false) cell.appendChild(bar(e));
    });
    root.querySelectorAll("[data-ready-count]").forEach(function (cell) {
      var code = cell.getAttribute("data-ready-count").split(":")[1];
      var e = code.indexOf(".") >= 0 ? est.tasks[code] : est.domains[code];
      if (e) cell.textContent = counted(e);
    });
  }

  function withData(then) {
    L.loadJSON("readiness.json").then(then, function () { /* the dashes stay */ });
  }

  function fill(root, record, bars) {
    withData(function (data) {
      fillCells(root, estimate(record, data, Date.now()), bars);
    });
  }

  // The practice page's section: the table, a sentence on what it rests on, and the weak tasks, each with
  // a link that opens the quiz on it and the sections of the questions missed on it.
  function weakList(box, est, data) {
    var weak = Object.keys(est.tasks).filter(function (code) {
      return est.tasks[code].weak;
    }).sort(function (x, y) {
      return est.tasks[x].mean - est.tasks[y].mean;
    });
    clear(box);
    box.hidden = !weak.length;
    if (!weak.length) return weak;
    box.appendChild(h("h3", { id: "readiness-weak-tasks" }, ["Tasks to work on"]));
    box.appendChild(h("ul", { class: "readiness-weak-list" }, weak.map(function (code) {
      var e = est.tasks[code], t = data.tasks[code];
      var reread = Object.keys(e.missed).sort(function (x, y) {
        return e.missed[y] - e.missed[x];
      }).slice(0, 3).map(function (i) {
        return data.sections[i];
      }).filter(Boolean);
      return h("li", { class: "readiness-weak-task", "data-task": code }, [
        h("p", {}, [h("strong", {}, [code + " " + t.title]), ": " + bandText(e) + ", from " + counted(e) + "."]),
        h("p", {}, [h("a", { class: "practice-button", href: L.siteLink(data.quiz) + t.query }, ["Practice this task"])]),
        reread.length ? h("p", {}, ["Reread: "].concat(reread.reduce(function (out, s, i) {
          if (i) out.push(", ");
          out.push(h("a", { href: L.siteLink(s[0]) }, [s[1]]));
          return out;
        }, []))) : null,
      ]);
    })));
    return weak;
  }

  function Panel(app) {
    var summary = app.el.querySelector(".readiness-summary");
    var weakBox = app.el.querySelector(".readiness-weak");
    var first = summary.textContent;

    function refresh() {
      if (!app.el.isConnected) return;
      var r = L.store().load();
      var answers = Object.keys(r.answers).length, cards = Object.keys(r.cards).length;
      if (!answers && !cards) {
        summary.textContent = first;
        weakBox.hidden = true;
        fillCells(app.el, { tasks: {}, domains: {} });
        app.el.querySelectorAll("[data-ready], [data-ready-count]").forEach(function (c) {
          c.textContent = "–";
        });
        return;
      }
      withData(function (data) {
        var est = estimate(r, data, Date.now());
        fillCells(app.el, est);
        var weak = weakList(weakBox, est, data);
        summary.textContent = "From " + L.plural(answers, "question") + " you answered (your latest answer to each, recent ones " +
          "counting more) and " + L.plural(cards, "flashcard") + ". " + (weak.length
            ? "Weak (a miss and below " + pct(data.rules.weakBelow) + "): " + weak.join(", ") + "."
            : "No task is weak: none with a miss is below " + pct(data.rules.weakBelow) + ".");
      });
    }

    document.addEventListener("study:changed", refresh);
    refresh();
  }

  global.Readiness = { fill: fill };
  global.Practice.register({ readiness: Panel });
})(typeof window !== "undefined" ? window : globalThis);
