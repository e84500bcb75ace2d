/*
 * Definitions on tap: on a touch screen, the first tap on a glossary term or an abbreviation opens its
 * definition in a popover; elsewhere the theme's tooltip shows it, and Escape dismisses that tooltip.
 */
(function () {
  "use strict";

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

  // On every page view: the old page's popover goes, and the new page's definitions are kept.
  window.StudyReader.resetTerms = function () {
    closePopover(false);
    keepDefinitions();
  };
})();
