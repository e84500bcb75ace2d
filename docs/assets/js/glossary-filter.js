/*
 * The glossary filter on the glossary's index page (docs/glossary/index.md): a box that matches the names,
 * other names and definitions of every term. reader.js loads it only on the page that has the box.
 */
/* The index of all terms (assets/practice/glossary.json, written by the build) is fetched the first time
 * the box is focused or typed in. */
(function () {
  "use strict";

  var base = "";

  var glossaryIndex = null;

  function loadGlossary() {
    if (!glossaryIndex) {
      glossaryIndex = fetch(base + "assets/practice/glossary.json")
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .catch(function (err) {
          glossaryIndex = null;
          throw err;
        });
    }
    return glossaryIndex;
  }

  function fold(text) {
    return String(text)
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[–—]/g, "-");
  }

  // Every word of the query must appear in the term, its other names or its definition. Terms whose
  // name matches come first: whole name, then start of a name, then anywhere in a name.
  function rankTerms(terms, query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var whole = fold(query).trim();
    var found = [];
    terms.forEach(function (t, order) {
      var names = [t.term].concat(t.names || []).map(fold);
      var text = names.join(" \u0000 ") + " \u0000 " + fold(t.definition);
      if (!words.every(function (w) { return text.indexOf(w) !== -1; })) return;
      var rank = 4;
      names.forEach(function (n) {
        if (n === whole) rank = Math.min(rank, 0);
        else if (n.indexOf(whole) === 0) rank = Math.min(rank, 1);
        else if (n.indexOf(whole) !== -1) rank = Math.min(rank, 2);
        else if (words.every(function (w) { return n.indexOf(w) !== -1; })) rank = Math.min(rank, 3);
      });
      found.push({ term: t, rank: rank, order: order });
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || a.order - b.order;
    });
    return found.map(function (f) {
      return f.term;
    });
  }

  var SHOWN = 50;

  function mount(root, siteRoot) {
    var box = root.querySelector(".glossary-filter");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    base = siteRoot;
    var input = box.querySelector("input");
    var status = box.querySelector(".glossary-filter-status");
    var list = box.querySelector(".glossary-filter-results");
    var pending = 0;

    function render(terms, query) {
      list.textContent = "";
      if (!query.trim()) {
        status.textContent = "";
        return;
      }
      var matches = rankTerms(terms, query);
      status.textContent =
        (matches.length === 0
          ? "No term matches “" + query.trim() + "”."
          : matches.length + (matches.length === 1 ? " term matches" : " terms match") + " “" + query.trim() + "”") +
        (matches.length > SHOWN ? ": the first " + SHOWN + " are listed. Type more to narrow the list." : matches.length ? "." : "");
      matches.slice(0, SHOWN).forEach(function (t) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = base + t.href;
        link.textContent = t.term;
        item.appendChild(link);
        var others = (t.names || []).filter(function (n) {
          return n !== t.term;
        });
        if (others.length) {
          var names = document.createElement("span");
          names.className = "glossary-filter-names";
          names.textContent = " (" + others.join(", ") + ")";
          item.appendChild(names);
        }
        var definition = document.createElement("p");
        definition.textContent = t.definition;
        item.appendChild(definition);
        list.appendChild(item);
      });
    }

    function run() {
      var query = input.value;
      var ticket = ++pending;
      loadGlossary().then(
        function (terms) {
          if (ticket === pending) render(terms, query);
        },
        function () {
          status.textContent = "The list of terms could not be loaded. Use the letters below instead.";
        }
      );
    }

    input.addEventListener("focus", function () {
      loadGlossary().catch(function () {});
    });
    input.addEventListener("input", run);
    if (input.value) run(); // the browser restored a query (Back)
  }

  window.GlossaryFilter = { mount: mount };
})();
