/*
 * Scroll cues: a table or display formula wider than the screen scrolls sideways in its own box, and a
 * shadow at each edge that hides more of it says so, following the scrolling. The build puts each such
 * box inside a .scroll-cue (hooks/studykit/html_fixes.py), so nothing here moves the page's content.
 */
(function () {
  "use strict";

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

  // The scrolling box is the theme's wrapper of a table (or, before the theme runs, the table) or the
  // formula itself.
  function cueBoxes() {
    return Array.prototype.map.call(document.querySelectorAll(".md-typeset .scroll-cue"), function (cue) {
      return cue.firstElementChild;
    }).filter(Boolean);
  }

  function setupScrollCues() {
    var boxes = cueBoxes().filter(function (box) {
      if (box.__cueReady) return false;
      box.__cueReady = true;
      box.addEventListener("scroll", function () {
        updateCues([box]);
      }, { passive: true });
      return true;
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
      updateCues(cueBoxes());
    });
  }

  window.StudyReader.addScrollCues = setupScrollCues;
})();
