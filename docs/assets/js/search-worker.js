/*
 * The search worker Material starts with every page (see overrides/main.html). It stays this small until
 * its first message, which comes when the reader opens search: then it loads the site's search code,
 * assets/js/search-core.js, and hands that message on.
 */
/* global importScripts */
(function () {
  "use strict";

  function start(event) {
    self.removeEventListener("message", start);
    event.stopImmediatePropagation();
    importScripts(new URL("search-core.js", self.location.href).href);
    self.dispatchEvent(new MessageEvent("message", { data: event.data }));
  }

  self.addEventListener("message", start);
})();
