/*
 * The search worker around Material's own: it loads Material's worker when search opens and sends each
 * query through the site's ranking (search/ranking.js, window.SearchRanking). The second part of search-core.js.
 */
/*
 * Material creates the worker from the URL in its __config block when a page loads; overrides/main.html
 * points that URL at assets/js/search-worker.js, which loads search-core.js when search opens and passes
 * Material's worker (?material=) and the term index written at build time (?terms=). Those load then too.
 * Only the latest query gets an answer.
 */
/* global importScripts */
(function () {
  "use strict";

  // The message types of Material's search worker (not a public API: tests/build/test_search_protocol.py
  // fails, naming what changed, when a Material release answers otherwise).
  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;

  var params = new URL(self.location.href).searchParams;
  var forward = self.postMessage.bind(self);
  var waiting = []; // resolvers of our own queries to Material's handler, in order
  var internal = false; // true while we dispatch our own query
  var chain = Promise.resolve();
  var latest = 0;

  // The term index (search/terms.json), or null: search still works, without the term-first order.
  function loadTerms() {
    var url = params.get("terms");
    if (!url) return null;
    try {
      var request = new XMLHttpRequest();
      request.open("GET", url, false); // the worker has nothing else to do until it knows the terms
      request.send();
      return request.status === 200 ? JSON.parse(request.responseText) : null;
    } catch (err) {
      return null;
    }
  }

  // Run one query through Material's own handler and get its result back.
  function run(query) {
    return new Promise(function (resolve) {
      waiting.push(resolve);
      internal = true;
      try {
        self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: query } }));
      } finally {
        internal = false;
      }
    }).then(function (message) {
      return message.data || { items: [] };
    });
  }

  // Material's worker, loaded when search opens rather than with every page: its handler then
  // registers behind ours and gets the setup message again from us.
  var materialLoaded = false;

  function loadMaterial() {
    if (materialLoaded) return;
    materialLoaded = true;
    importScripts(params.get("material"));
    // Material's handler answers with postMessage: our own queries' answers come back here.
    self.postMessage = function (message) {
      if (message && message.type === RESULT && waiting.length) {
        waiting.shift()(message);
        return;
      }
      forward(message);
    };
  }

  self.addEventListener("message", function (event) {
    if (internal || !event.data) return; // our own message: Material's handler takes it
    if (event.data.type === SETUP) {
      var terms = loadTerms();
      loadMaterial();
      self.SearchRanking.setup(terms, event.data.data.docs || [], run);
      event.stopImmediatePropagation();
      internal = true;
      try {
        self.dispatchEvent(new MessageEvent("message", { data: event.data }));
      } finally {
        internal = false;
      }
      return;
    }
    if (event.data.type !== QUERY) return;
    event.stopImmediatePropagation();
    var query = String(event.data.data || "");
    var ticket = ++latest;
    chain = chain
      .then(function () {
        if (ticket !== latest) return null; // a newer query is waiting: skip this one
        return self.SearchRanking.search(query);
      })
      .then(function (result) {
        if (result && ticket === latest) forward({ type: RESULT, data: result });
      })
      .catch(function () {
        forward({ type: RESULT, data: { items: [] } });
      });
  });
})();
