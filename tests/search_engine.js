/*
 * The site's search worker (docs/assets/js/search-worker.js and search-core.js, with Material's own
 * worker inside) run in Node, for tests that send it many queries. It gets the same messages the
 * page sends it; only the worker's surroundings (self, importScripts, messages) are stood in for.
 *
 * Usage: node tests/search_engine.js SITE_DIR < queries.json > results.json
 * For each query it prints what Material shows first: the first result group's page, the sections
 * above its "N more on this page" fold, and the pages of the first five groups.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = path.resolve(process.argv[2]);
const ORIGIN = "http://site.test/";

function read(url) {
  const local = path.join(site, decodeURIComponent(new URL(url, ORIGIN).pathname));
  return fs.readFileSync(local, "utf-8");
}

function findFile(dir, pattern) {
  return fs.readdirSync(path.join(site, dir)).find((name) => pattern.test(name));
}

class MessageEvent {
  constructor(type, init) {
    this.type = type;
    this.data = init && init.data;
    this.stopped = false;
  }
  stopImmediatePropagation() {
    this.stopped = true;
  }
}

const listeners = [];
let answer = null;
const worker = {
  console, URL, Promise, setTimeout, clearTimeout, MessageEvent,
  location: { href: "" },
  addEventListener: (type, fn) => listeners.push(fn),
  removeEventListener: (type, fn) => listeners.splice(listeners.indexOf(fn), 1),
  dispatchEvent: (event) => {
    for (const fn of [...listeners]) {
      fn(event);
      if (event.stopped) break;
    }
  },
  postMessage: (message) => answer && answer(message),
  importScripts: (...urls) => urls.forEach((url) => vm.runInContext(read(url), worker, { filename: url })),
  XMLHttpRequest: class {
    open(method, url) {
      this.url = url;
    }
    send() {
      this.responseText = read(this.url);
      this.status = 200;
    }
  },
};
worker.self = worker;
worker.globalThis = worker;
vm.createContext(worker);

const material = ORIGIN + "assets/javascripts/workers/" + findFile("assets/javascripts/workers", /^search\..*\.min\.js$/);
const stub = new URL("assets/js/search-worker.js", ORIGIN);
stub.searchParams.set("material", material);
stub.searchParams.set("terms", ORIGIN + "search/terms.json");
worker.location.href = stub.href;
vm.runInContext(read(stub.href), worker, { filename: "search-worker.js" });

function ask(message) {
  return new Promise((resolve) => {
    answer = (reply) => {
      answer = null;
      resolve(reply);
    };
    worker.dispatchEvent(new MessageEvent("message", { data: message }));
  });
}

// What Material renders first for a result (src/templates/assets/javascripts/templates/search).
function shown(result) {
  const groups = result.items || [];
  if (!groups.length) return null;
  const group = groups[0];
  const threshold = group[0].score;
  const page = group.find((doc) => !doc.location.includes("#")) || group[0];
  const sections = group.filter((doc) => doc !== page);
  const cut = sections.findIndex((doc) => doc.score < threshold);
  const highlighted = (doc) => Object.keys(doc.terms || {}).filter((term) => doc.terms[term]);
  return {
    page: page.location.split("#")[0],
    sections: (cut < 0 ? sections : sections.slice(0, cut)).map((doc) => doc.location),
    pages: groups.slice(0, 5).map((g) => g[0].location.split("#")[0]),
    // The words each row of the first group highlights (?h=) and lists as missing.
    highlights: group.map(highlighted),
    missing: group.map((doc) => Object.keys(doc.terms || {}).filter((term) => !doc.terms[term])).flat(),
    corrected: result.corrected || null,
  };
}

(async () => {
  const queries = JSON.parse(fs.readFileSync(0, "utf-8"));
  const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf-8"));
  await ask({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  const out = {};
  for (const query of queries) out[query] = shown((await ask({ type: 2, data: query })).data);
  process.stdout.write(JSON.stringify(out));
})().catch((err) => {
  process.stderr.write(String(err && err.stack || err));
  process.exit(1);
});
