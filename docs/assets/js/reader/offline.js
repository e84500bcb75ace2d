/* Offline reading: registers the service worker (sw.js at the site's root) once the page has settled,
 * asks it to cache the rest of the site in the background, and tells the reader when a new version of
 * the site is ready ("Updated: reload"), instead of changing the page under them. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.fetch) return;

  var root = window.StudyReader.root;
  var reloading = false;

  function notice(worker) {
    if (document.querySelector(".update-notice")) return;
    var box = document.createElement("div");
    box.className = "update-notice";
    box.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "The notes were updated. ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = "Reload";
    button.addEventListener("click", function () {
      button.disabled = true;
      worker.postMessage({type: "skip-waiting"});
    });
    box.appendChild(text);
    box.appendChild(button);
    document.body.appendChild(box);
  }

  function watch(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) notice(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && navigator.serviceWorker.controller) notice(worker);
      });
    });
  }

  function cacheRest() {
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({type: "cache-rest"});
    });
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // The first install takes control without a reload; a later version reloads once, on request.
    if (!reloading && document.querySelector(".update-notice")) {
      reloading = true;
      location.reload();
    }
  });

  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "offline-ready") document.documentElement.dataset.offline = "ready";
  });

  function start() {
    navigator.serviceWorker.register(root + "sw.js", {scope: root}).then(function (registration) {
      if (!registration) return; // a browser that blocks service workers may answer with nothing
      watch(registration);
      cacheRest();
    }, function () { /* no offline copy, as before: nothing to tell the reader */ });
  }

  // Not while the first page loads: the worker and its first downloads wait until the reader acts on
  // the page, or for SETTLE ms after it has loaded, so they never compete with what the reader came for.
  var SETTLE = 8000;
  var started = false;

  function soon() {
    if (started) return;
    started = true;
    ["pointerdown", "keydown", "scroll"].forEach(function (type) {
      window.removeEventListener(type, soon, true);
    });
    start();
  }

  function settle() {
    ["pointerdown", "keydown", "scroll"].forEach(function (type) {
      window.addEventListener(type, soon, { capture: true, passive: true });
    });
    setTimeout(soon, SETTLE);
  }

  if (document.readyState === "complete") settle();
  else window.addEventListener("load", settle);
})();
