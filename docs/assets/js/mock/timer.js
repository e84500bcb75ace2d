/*
 * The mock exam's timer: the time left as the exam shows it ("1:05:09", "4:59"), a tick every second
 * while an exam runs, and the spoken warnings at ten minutes and one minute left. Part of mock.js.
 */
(function (global) {
  "use strict";

  var pad = global.Practice.lib.pad;

  function clock(ms) {
    var s = Math.max(0, Math.ceil(ms / 1000));
    var hh = Math.floor(s / 3600), mm = Math.floor((s % 3600) / 60), ss = s % 60;
    return (hh ? hh + ":" + pad(mm) : String(mm)) + ":" + pad(ss);
  }

  // A warning is given once per exam (`told`, kept with the exam, so a reload does not repeat it), and
  // only in an exam longer than the time it warns about.
  var WARNINGS = [[600, "Ten minutes left."], [60, "One minute left."]];

  // The warnings due with `left` ms of `total` to go, each marked in `told` as given.
  function warningsDue(left, total, told) {
    var due = [];
    WARNINGS.forEach(function (w) {
      if (left <= w[0] * 1000 && total > w[0] * 1000 && !told[w[0]]) {
        told[w[0]] = true;
        due.push(w[1]);
      }
    });
    return due;
  }

  // Calls `tick` every second from start() until stop(); starting again while it runs changes nothing.
  function Ticker(tick) {
    var id = null;
    return {
      start: function () {
        if (!id) id = setInterval(tick, 1000);
      },
      stop: function () {
        clearInterval(id);
        id = null;
      },
    };
  }

  global.MockTimer = { clock: clock, warningsDue: warningsDue, Ticker: Ticker };
})(window);
