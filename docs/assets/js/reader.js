/*
 * The reader's script, on every page: the learner's record in this browser (window.StudyStore), the
 * "studied" controls of notes pages and their ✓ in the navigation, "Continue where you left off" on
 * the home page, glossary definitions on tap, and the scroll cues of wide tables and formulas. The
 * glossary filter (glossary-filter.js) and the practice apps (practice.js) are fetched only on the
 * pages that have them. Plain JavaScript, no dependencies; nothing is sent anywhere.
 *
 * Material's instant navigation swaps page content without reloading scripts, so setup runs on every
 * document$ emission and touches only what the current page has.
 */
(function () {
  "use strict";

  // ------------------------------------------------------------------ the learner's record

  var KEY = "aws-ml-notes:v2";
  var OLD_KEY = "aws-ml-notes:progress:v1";
  var memory = null; // when localStorage is blocked (private mode, disabled storage)

  function empty() {
    return { version: 2, pages: {}, answers: {}, flags: {}, mocks: [], cards: {} };
  }

  function isMap(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Keep only the parts we know, each of the right shape: a record from an old version, another site
  // or a hand-edited file cannot break the pages.
  function normalize(raw) {
    var record = empty();
    if (!isMap(raw)) return record;
    ["pages", "answers", "flags", "cards"].forEach(function (part) {
      if (isMap(raw[part])) record[part] = raw[part];
    });
    if (Array.isArray(raw.mocks)) record.mocks = raw.mocks.filter(isMap);
    return record;
  }

  // Version 1 kept {pages: {id: true}, quiz: {id: {right}}, cards: {...}}.
  function fromVersion1(old) {
    var record = empty();
    if (isMap(old.pages)) {
      Object.keys(old.pages).forEach(function (id) {
        if (old.pages[id]) record.pages[id] = true;
      });
    }
    if (isMap(old.quiz)) {
      Object.keys(old.quiz).forEach(function (id) {
        var a = old.quiz[id];
        if (isMap(a)) record.answers[id] = { right: !!a.right };
      });
    }
    return record;
  }

  function read(key) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : null;
    } catch (err) {
      return null;
    }
  }

  function load() {
    if (memory) return normalize(memory);
    var current = read(KEY);
    if (current) return normalize(current);
    var old = read(OLD_KEY);
    return old ? fromVersion1(old) : empty();
  }

  function save(record) {
    var clean = normalize(record);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(clean));
      memory = null;
    } catch (err) {
      memory = clean;
    }
    document.dispatchEvent(new CustomEvent("study:changed"));
    return clean;
  }

  function update(change) {
    var record = load();
    change(record);
    return save(record);
  }

  function clear() {
    memory = null;
    try {
      window.localStorage.removeItem(KEY);
      window.localStorage.removeItem(OLD_KEY);
    } catch (err) {
      /* nothing stored */
    }
    document.dispatchEvent(new CustomEvent("study:changed"));
  }

  window.StudyStore = { KEY: KEY, load: load, save: save, update: update, clear: clear, normalize: normalize };

  // ------------------------------------------------------------------ site addresses

  // The site root, from this script's own address (…/assets/js/reader.js): it holds across instant
  // navigation and whatever path the site is served under.
  // The site's root, from this script's own address as it loaded. Reading a script element's src later
  // would resolve its relative address against whatever page instant navigation has moved to since.
  var ROOT = (document.currentScript && document.currentScript.src ||
    new URL("assets/js/reader.js", location.href).href).replace(/assets\/js\/reader(\.[^/]*)?\.js.*$/, "");

  function siteRoot() {
    return ROOT;
  }

  // The page ids (docs path without ".md") a link can point to: ".../a/b/" is a/b.md or a/b/index.md.
  function pageIdsOf(href) {
    var url, root;
    try {
      url = new URL(href, location.href);
      root = new URL(siteRoot());
    } catch (err) {
      return [];
    }
    if (url.origin !== root.origin || url.pathname.indexOf(root.pathname) !== 0) return [];
    var path = decodeURIComponent(url.pathname.slice(root.pathname.length))
      .replace(/(^|\/)index\.html$/, "$1")
      .replace(/\.html$/, "")
      .replace(/\/$/, "");
    return path ? [path, path + "/index"] : ["index"];
  }

  function isStudied(pages, href) {
    return pageIdsOf(href).some(function (id) {
      return !!pages[id];
    });
  }

  // ------------------------------------------------------------------ "studied" controls and marks

  function setupStudyControls() {
    document.querySelectorAll(".study-toggle[data-page]").forEach(function (button) {
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      button.addEventListener("click", function () {
        var id = button.getAttribute("data-page");
        update(function (r) {
          if (r.pages[id]) delete r.pages[id];
          else r.pages[id] = true;
        });
      });
    });
    document.querySelectorAll("a.study-and-next[data-page]").forEach(function (link) {
      if (link.dataset.ready) return;
      link.dataset.ready = "1";
      link.addEventListener("click", function () {
        var id = link.getAttribute("data-page");
        update(function (r) {
          r.pages[id] = true;
        });
      });
    });
  }

  function showStudyControls(record) {
    document.querySelectorAll(".study-toggle[data-page]").forEach(function (button) {
      var done = !!record.pages[button.getAttribute("data-page")];
      var pressed = done ? "true" : "false";
      var label = done ? "Studied ✓ (select to undo)" : "Mark this page as studied";
      // Unchanged buttons are left alone: a write would make the browser restyle the page.
      if (button.getAttribute("aria-pressed") !== pressed) button.setAttribute("aria-pressed", pressed);
      if (button.textContent !== label) button.textContent = label;
    });
  }

  // A ✓ after every studied page in the navigation: the sidebar, and the drawer on phones. The page
  // being read appears twice there (a link, and a label that opens its table of contents on phones).
  function markNavigation(record) {
    // Nothing studied and nothing marked yet: no need to look at every link of the navigation.
    if (!Object.keys(record.pages).length && !document.querySelector(".nav-studied")) return;
    document.querySelectorAll(".md-nav--primary .md-nav__link").forEach(function (link) {
      if (link.closest(".md-nav--secondary")) return; // the table of contents inside the drawer
      var href = link.getAttribute("href");
      if (!href && link.tagName === "LABEL" && link.nextElementSibling) {
        href = link.nextElementSibling.getAttribute("href");
      }
      if (!href) return;
      var done = isStudied(record.pages, href);
      var mark = link.querySelector(".nav-studied");
      if (done && !mark) {
        mark = document.createElement("span");
        mark.className = "nav-studied";
        mark.innerHTML = '<span aria-hidden="true">✓</span><span class="visually-hidden">(studied)</span>';
        var text = link.querySelector(".md-ellipsis");
        if (text) text.insertAdjacentElement("afterend", mark);
        else link.appendChild(mark);
      } else if (!done && mark) {
        mark.remove();
      }
    });
  }

  // ------------------------------------------------------------------ home page: continue and progress

  // The home page's panel lists the notes pages in reading order (JSON written by the build); it shows
  // once this browser has studied a page or answered a question.
  function showContinue(record) {
    var panel = document.querySelector("[data-continue]");
    if (!panel) return;
    var source = panel.querySelector(".continue-data[data-json]");
    var path = [];
    try {
      path = JSON.parse(source ? source.getAttribute("data-json") : "[]");
    } catch (err) {
      path = [];
    }
    var studied = path.filter(function (p) {
      return !!record.pages[p.id];
    }).length;
    var right = Object.keys(record.answers).filter(function (id) {
      var a = record.answers[id];
      return a && a.right;
    }).length;
    var start = document.querySelector(".start-button");
    if (!studied && !right) {
      panel.hidden = true;
      if (start) start.classList.add("md-button--primary");
      return;
    }
    var next = null;
    for (var i = 0; i < path.length; i++) {
      if (!record.pages[path[i].id]) {
        next = path[i];
        break;
      }
    }
    var link = panel.querySelector(".continue-link");
    var done = panel.querySelector(".continue-done");
    link.hidden = !next;
    done.hidden = !!next;
    if (next) {
      link.setAttribute("href", next.href);
      link.querySelector(".continue-title").textContent = next.title;
    }
    panel.querySelector(".continue-studied").textContent = String(studied);
    panel.querySelector(".continue-right").textContent = String(right);
    panel.querySelector(".continue-right-unit").textContent = right === 1 ? "question" : "questions";
    panel.hidden = false;
    if (start) start.classList.remove("md-button--primary");
  }

  function refreshRecord() {
    var record = load();
    showStudyControls(record);
    markNavigation(record);
    showContinue(record);
  }

  document.addEventListener("study:changed", function () {
    refreshRecord();
    followMovedPages();
  });

  // ------------------------------------------------------------------ pages that moved

  // A page that moved keeps its studied mark. assets/practice/moved.json maps each old page id to the
  // new one (from the redirects in mkdocs.yml); it is fetched, once, only when the record names a page
  // that the navigation does not list: a mark made before the move, or one in an imported file.
  var movedMap = null;

  function followMovedPages() {
    if (!window.fetch) return;
    var known = {};
    document.querySelectorAll(".md-nav__link[href]").forEach(function (link) {
      pageIdsOf(link.href).forEach(function (id) {
        known[id] = true;
      });
    });
    if (!Object.keys(known).length) return;
    var unknown = Object.keys(load().pages).filter(function (id) { return !known[id]; });
    if (!unknown.length) return;
    movedMap = movedMap || fetch(ROOT + "assets/practice/moved.json")
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; });
    movedMap.then(function (moved) {
      var renamed = Object.keys(load().pages).filter(function (id) {
        return Object.prototype.hasOwnProperty.call(moved, id);
      });
      if (!renamed.length) return;
      update(function (record) {
        renamed.forEach(function (id) {
          record.pages[moved[id]] = record.pages[moved[id]] || record.pages[id];
          delete record.pages[id];
        });
      });
    });
  }
  // Another tab changed the record.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) refreshRecord();
  });

  // ------------------------------------------------------------------ definitions on tap

  // Glossary links (a[title] into glossary/…) and abbreviations (abbr[title]) show their definition
  // in the theme's tooltip when pointed at or focused. A touch screen has no pointing: there the first
  // tap opens the definition in place, in a popover with a link to the full entry; a second tap on the
  // term follows it. Escape, the close button and a tap elsewhere close the popover.
  var TERMS = '.md-typeset a[href*="glossary/"][title], .md-typeset a[href*="glossary/"][data-definition], ' +
    ".md-typeset abbr[title], .md-typeset abbr[data-definition]";
  var lastPointer = "mouse";
  var popover = null;
  var popoverFor = null;

  // The theme removes a title while its own tooltip shows, so keep a copy of every definition.
  function keepDefinitions() {
    document.querySelectorAll(TERMS).forEach(function (term) {
      if (!term.hasAttribute("data-definition") && term.getAttribute("title")) {
        term.setAttribute("data-definition", term.getAttribute("title"));
      }
    });
  }

  function describe(term) {
    var text = term.getAttribute("data-definition") || term.getAttribute("title") || "";
    var shown = term.textContent.trim();
    if (term.tagName === "ABBR") {
      var split = text.indexOf(": ");
      var name = split > 0 ? text.slice(0, split) : shown;
      return {
        name: name === shown ? shown : name + " (" + shown + ")",
        definition: split > 0 ? text.slice(split + 2) : text,
        href: term.getAttribute("data-href"),
      };
    }
    return { name: shown, definition: text, href: term.getAttribute("href") };
  }

  function closePopover(returnFocus) {
    if (!popover) return;
    var term = popoverFor;
    popover.remove();
    popover = null;
    popoverFor = null;
    document.documentElement.classList.remove("has-term-popover");
    if (term) {
      term.removeAttribute("aria-describedby");
      term.removeAttribute("aria-expanded");
      if (returnFocus) term.focus();
    }
  }

  function placePopover(term) {
    var rect = term.getBoundingClientRect();
    var width = popover.offsetWidth;
    var height = popover.offsetHeight;
    var view = document.documentElement.clientWidth;
    var left = Math.min(Math.max(8, rect.left), Math.max(8, view - width - 8));
    var below = rect.bottom + 8;
    var top = below + height > window.innerHeight && rect.top - height - 8 > 56 ? rect.top - height - 8 : below;
    popover.style.left = left + window.scrollX + "px";
    popover.style.top = top + window.scrollY + "px";
  }

  function openPopover(term) {
    closePopover(false);
    var about = describe(term);
    if (!about.definition) return false;
    popover = document.createElement("div");
    popover.className = "term-popover md-typeset";
    popover.id = "term-popover";
    popover.setAttribute("role", "dialog");
    popover.setAttribute("aria-label", "Definition: " + about.name);
    var name = document.createElement("p");
    name.className = "term-popover__name";
    name.textContent = about.name;
    var text = document.createElement("p");
    text.className = "term-popover__text";
    text.textContent = about.definition;
    var actions = document.createElement("p");
    actions.className = "term-popover__actions";
    if (about.href) {
      var full = document.createElement("a");
      full.href = about.href;
      full.textContent = "Full entry";
      actions.appendChild(full);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.className = "term-popover__close";
    close.textContent = "Close";
    close.addEventListener("click", function () {
      closePopover(true);
    });
    actions.appendChild(close);
    popover.appendChild(name);
    popover.appendChild(text);
    popover.appendChild(actions);
    document.body.appendChild(popover);
    popoverFor = term;
    term.setAttribute("aria-describedby", popover.id);
    term.setAttribute("aria-expanded", "true");
    document.documentElement.classList.add("has-term-popover");
    placePopover(term);
    return true;
  }

  document.addEventListener(
    "pointerdown",
    function (event) {
      lastPointer = event.pointerType || "mouse";
    },
    true
  );

  // Capture phase: the theme's instant navigation follows links from a listener on <body>.
  document.addEventListener(
    "click",
    function (event) {
      var target = event.target instanceof Element ? event.target : null;
      if (!target || (popover && popover.contains(target))) return;
      var term = target.closest(TERMS);
      if (!term || (lastPointer !== "touch" && lastPointer !== "pen")) {
        closePopover(false);
        return;
      }
      if (term === popoverFor) {
        closePopover(false); // second tap: a link is followed, an abbreviation just closes
        return;
      }
      if (openPopover(term)) {
        event.preventDefault();
        event.stopPropagation();
      }
    },
    true
  );

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (popover) closePopover(true);
    // Escape also dismisses the theme's tooltip of the focused or pointed term (WCAG 1.4.13).
    document.documentElement.classList.add("tooltips-dismissed");
  });
  ["focusin", "pointerover"].forEach(function (type) {
    document.addEventListener(type, function () {
      document.documentElement.classList.remove("tooltips-dismissed");
    });
  });
  window.addEventListener("resize", function () {
    if (popover && popoverFor) placePopover(popoverFor);
  });

  // ------------------------------------------------------------------ scroll cues

  // A table or display formula wider than the screen scrolls sideways in its own box. A shadow at the
  // edge that hides more content says so, and follows the scrolling.
  // Reads come before writes, for all boxes at once: reading one box's widths right after changing
  // another's classes would make the browser lay out a long page once per box.
  function updateCues(boxes) {
    var state = boxes.map(function (box) {
      var more = box.scrollWidth - box.clientWidth;
      var at = Math.abs(box.scrollLeft);
      return { left: more > 1 && at > 1, right: more > 1 && at < more - 1 };
    });
    boxes.forEach(function (box, i) {
      box.parentNode.classList.toggle("scroll-cue--left", state[i].left);
      box.parentNode.classList.toggle("scroll-cue--right", state[i].right);
    });
  }

  // A ResizeObserver reports each box once it has been laid out (and again when its size changes), so
  // setting up the cues never forces a layout of its own.
  var resizeWatch =
    typeof ResizeObserver === "function"
      ? new ResizeObserver(function (entries) {
          var boxes = [];
          entries.forEach(function (entry) {
            var box = entry.target.__cueBox || entry.target;
            if (boxes.indexOf(box) < 0) boxes.push(box);
          });
          updateCues(boxes);
        })
      : null;

  function setupScrollCues() {
    var boxes = [];
    document.querySelectorAll(".md-typeset .md-typeset__scrollwrap, .md-typeset .formula").forEach(function (box) {
      if (box.__cueReady) return;
      box.__cueReady = true;
      var wrap = document.createElement("div");
      wrap.className = "scroll-cue" + (box.classList.contains("formula") ? " scroll-cue--formula" : "");
      box.parentNode.insertBefore(wrap, box);
      wrap.appendChild(box);
      box.addEventListener("scroll", function () {
        updateCues([box]);
      }, { passive: true });
      boxes.push(box);
    });
    if (resizeWatch) {
      boxes.forEach(function (box) {
        resizeWatch.observe(box);
        var table = box.querySelector("table");
        if (table) {
          table.__cueBox = box;
          resizeWatch.observe(table);
        }
      });
    } else if (boxes.length) {
      window.requestAnimationFrame(function () {
        updateCues(boxes);
      });
    }
  }

  if (!resizeWatch) {
    window.addEventListener("resize", function () {
      updateCues(Array.prototype.slice.call(document.querySelectorAll(".scroll-cue > *")));
    });
  }

  // ------------------------------------------------------------------ glossary filter, loaded on demand

  // Only the glossary's index page has the filter box: its code (glossary-filter.js) loads there.
  var filterLoading = null;

  function setupGlossaryFilter() {
    if (!document.querySelector(".glossary-filter")) return;
    if (window.GlossaryFilter) {
      window.GlossaryFilter.mount(document, siteRoot());
      return;
    }
    if (filterLoading) return;
    filterLoading = document.createElement("script");
    filterLoading.src = scriptBase() + "glossary-filter.js";
    filterLoading.onload = function () {
      if (window.GlossaryFilter) window.GlossaryFilter.mount(document, siteRoot());
    };
    document.head.appendChild(filterLoading);
  }

  // ------------------------------------------------------------------ practice apps, loaded on demand

  var practiceLoading = null;

  function scriptBase() {
    return ROOT + "assets/js/";
  }

  // The progress panel sits below the first screen (home and practice pages): its scripts load when it
  // comes near the viewport, so those pages' first view does not wait for them. The apps load at once.
  var panelWatch = null;

  function setupPractice() {
    var apps = document.querySelectorAll("[data-practice]");
    if (!apps.length) return;
    var panelsOnly = Array.prototype.every.call(apps, function (el) {
      return el.getAttribute("data-practice") === "progress";
    });
    if (panelsOnly && !window.Practice && "IntersectionObserver" in window) {
      if (panelWatch) panelWatch.disconnect();
      panelWatch = new IntersectionObserver(function (entries) {
        if (!entries.some(function (e) { return e.isIntersecting; })) return;
        panelWatch.disconnect();
        panelWatch = null;
        loadPractice();
      });
      Array.prototype.forEach.call(apps, function (el) { panelWatch.observe(el); });
      return;
    }
    loadPractice();
  }

  function loadPractice() {
    if (window.Practice) {
      window.Practice.mount(document);
      return;
    }
    if (practiceLoading) return;
    practiceLoading = document.createElement("script");
    practiceLoading.src = scriptBase() + "practice.js";
    practiceLoading.onload = function () {
      if (window.Practice) window.Practice.mount(document);
    };
    document.head.appendChild(practiceLoading);
  }

  // ------------------------------------------------------------------ old links to a moved anchor

  // A section that moved to another page leaves a map behind ({anchor: address}): each change once had
  // its anchor on the changes index and now lives on its area's page; a split glossary letter.
  function followMovedAnchor() {
    var box = document.querySelector(".moved-anchors[data-targets]");
    var id = decodeURIComponent(location.hash.slice(1));
    if (!box || !id || document.getElementById(id)) return;
    var targets = JSON.parse(box.getAttribute("data-targets"));
    if (Object.prototype.hasOwnProperty.call(targets, id)) location.replace(targets[id] + "#" + encodeURIComponent(id));
  }

  function setup() {
    followMovedAnchor();
    followMovedPages();
    // A mock exam hides search and navigation while it runs (mock.js); a new page view starts
    // with them back, and the mock exam's page hides them again if the exam is still running.
    document.documentElement.classList.remove("closed-book");
    closePopover(false);
    keepDefinitions();
    setupStudyControls();
    refreshRecord();
    setupScrollCues();
    setupGlossaryFilter();
    setupPractice();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
