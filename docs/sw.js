/* The site's service worker: after a first visit, every page, the glossary, the question bank and
 * the practice apps work with no network.
 *
 * The build (hooks/studykit/offline.py) fills in VERSION, a hash of every published file, and the two
 * file lists. CORE, the files every page needs, is cached when the worker installs; the rest is cached
 * in the background once a page asks for it, so a first visit is not slowed by the whole site.
 *
 * Each version has its own cache, and a page is answered from the network first while the network is
 * there, so a new deploy never reaches a reader as a stale mix of old and new files. Offline, every
 * answer comes from one version's cache. A new version waits until the reader reloads
 * (assets/js/reader/offline.js shows a notice); then the old cache is deleted.
 */
"use strict";

var VERSION = "__VERSION__";
var CORE = __CORE__;
var REST = __REST__;
var CACHE = "study-notes-" + VERSION;
var SCOPE = self.registration.scope;

function absolute(path) {
  return new URL(path, SCOPE).href;
}

// Material's own bundles have a content hash in their names: a cached copy is always the right one.
function hashedAsset(url) {
  return /\/assets\/(?:javascripts|stylesheets)\/.*\.[0-9a-f]{8}\.min\.(?:js|css)$/.test(url.pathname);
}

function fetchFresh(url) {
  return fetch(new Request(url, {cache: "no-cache"}));
}

function addAll(cache, paths) {
  return Promise.all(paths.map(function (path) {
    var url = absolute(path);
    return fetchFresh(url).then(function (response) {
      if (!response.ok) throw new Error(url + " answered " + response.status);
      return cache.put(url, response);
    });
  }));
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return addAll(cache, CORE); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf("study-notes-") === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

// The rest of the site, a few files at a time, skipping what is cached already. When all is in,
// every open page hears that the site is ready offline.
var caching = null;

function cacheRest() {
  if (caching) return caching;
  caching = caches.open(CACHE).then(function (cache) {
    var queue = REST.slice();
    function next() {
      var path = queue.shift();
      if (path === undefined) return Promise.resolve();
      var url = absolute(path);
      return cache.match(url).then(function (hit) {
        if (hit) return undefined;
        return fetchFresh(url).then(function (response) {
          if (response.ok) return cache.put(url, response);
          return undefined;
        });
      }).then(next);
    }
    return Promise.all([next(), next(), next(), next()]);
  }).then(function () {
    return self.clients.matchAll().then(function (clients) {
      clients.forEach(function (client) { client.postMessage({type: "offline-ready", version: VERSION}); });
    });
  }, function (error) {
    caching = null;
    throw error;
  });
  return caching;
}

self.addEventListener("message", function (event) {
  var type = event.data && event.data.type;
  if (type === "cache-rest") event.waitUntil(cacheRest());
  if (type === "skip-waiting") self.skipWaiting();
});

function fromCache(request) {
  return caches.open(CACHE).then(function (cache) {
    // Files are cached without a query; a query (?h= on a search result, the search worker's
    // settings) never changes which file is served.
    return cache.match(request, {ignoreSearch: true}).then(function (hit) {
      if (hit || request.mode !== "navigate") return hit;
      // An address without its trailing slash, or a page never cached: the cached 404 page.
      return cache.match(absolute(new URL(request.url).pathname.replace(/\/?$/, "/")))
        .then(function (page) { return page || cache.match(absolute("404.html")); });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || request.url.indexOf(SCOPE) !== 0) return;
  if (hashedAsset(url)) {
    event.respondWith(fromCache(request).then(function (hit) { return hit || fetch(request); }));
    return;
  }
  // Only install and cacheRest write to the cache, so what it holds is always one version.
  event.respondWith(fetch(request).catch(function () {
    return fromCache(request).then(function (hit) { return hit || Response.error(); });
  }));
});
