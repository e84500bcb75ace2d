/*
 * Studied pages: the "studied" controls of notes pages, the ✓ after each studied page in the navigation,
 * and the home page's "Continue where you left off" panel, redrawn whenever the record changes.
 */
(function () {
  "use strict";

  var R = window.StudyReader;
  var S = window.StudyStore;

  function isStudied(pages, href) {
    return R.pageIdsOf(href).some(function (id) {
      return !!pages[id];
    });
  }

  function setupStudyControls() {
    document.querySelectorAll(".study-toggle[data-page]").forEach(function (button) {
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      button.addEventListener("click", function () {
        var id = button.getAttribute("data-page");
        S.update(function (r) {
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
        S.update(function (r) {
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
    var record = S.load();
    showStudyControls(record);
    markNavigation(record);
    showContinue(record);
  }

  document.addEventListener("study:changed", refreshRecord);
  // Another tab changed the record.
  window.addEventListener("storage", function (event) {
    if (event.key === S.KEY || event.key === null) refreshRecord();
  });

  // On every page view: wire the page's controls once, and show the record.
  R.showStudied = function () {
    setupStudyControls();
    refreshRecord();
  };
})();
