/*
 * The glossary flashcards: a daily review of due and new cards, scheduled by FSRS (scheduler.js).
 * practice.js fetches this file and scheduler.js on the flashcards page; the scheduler's library
 * (assets/vendor/ts-fsrs) is fetched when a review starts.
 */
(function (global) {
  "use strict";

  if (typeof document === "undefined") return;
  var L = global.Practice.lib;
  var isoDay = L.isoDay, dueCount = L.dueCount, newToday = L.newToday, plural = L.plural, h = L.h, button = L.button;
  var clear = L.clear, announce = L.announce, focus = L.focus, siteLink = L.siteLink, onControl = L.onControl, store = L.store;
  var loadJSON = L.loadJSON, keys = L.keys, showDay = L.showDay, fromToday = L.fromToday, loadScript = L.loadScript;
  var S = global.Scheduler;
  var FSRS_LIBRARY = "../vendor/ts-fsrs/ts-fsrs.umd.js";

  var RATINGS = [[1, "Again"], [2, "Hard"], [3, "Good"], [4, "Easy"]];

  function hashOrder(id) {
    var x = 2166136261;
    for (var i = 0; i < id.length; i++) x = Math.imul(x ^ id.charCodeAt(i), 16777619);
    return x >>> 0;
  }

  function Cards(app) {
    var setup = app.data; // deck size, new cards a day and retention, from the build (practice_app)
    var deck = null, byId = {}, queue = [], pos = 0, reviewed = 0, log = null, today;
    S.setRetention(setup.retention);
    var saved = store().load();
    if (S.upgrade(saved.cards)) store().save(saved); // cards from the SM-2 scheduler, once

    function counts() {
      var cards = store().load().cards;
      today = isoDay(new Date());
      var known = Object.keys(cards).length;
      var fresh = Math.max(0, Math.min(setup.newPerDay - newToday(cards, today), setup.deck - known));
      var next = Object.keys(cards).map(function (id) {
        return cards[id].due;
      }).filter(function (d) {
        return d > today;
      }).sort()[0];
      return { due: dueCount(cards, today), fresh: fresh, known: known, next: next };
    }

    function summary() {
      keys.current = null;
      var c = counts();
      var nothing = !c.due && !c.fresh;
      clear(app.mount).appendChild(h("p", { class: "flashcard-summary" }, [
        h("strong", { class: "flashcard-due" }, ["Due today: " + c.due]), " · ",
        h("span", { class: "flashcard-new" }, ["New cards available today: " + c.fresh]),
        " · " + setup.deck + " cards in the deck, " + c.known + " studied so far.",
      ]));
      if (nothing) {
        app.mount.appendChild(h("p", {}, ["Nothing is due today." + (c.next ? " Your next card is due " + showDay(c.next) + "." : "")]));
        return;
      }
      app.mount.appendChild(h("p", {}, [button("Start the review", begin, { class: "practice-button practice-button--primary" })]));
      keys.current = { root: app.el, handle: function (e, t) {
        if ((e.key === "Enter" || e.key === " ") && !onControl(t)) {
          begin();
          return true;
        }
        return false;
      } };
    }

    function begin() {
      clear(app.mount).appendChild(h("p", { class: "practice-hint" }, ["Loading the deck…"]));
      Promise.all([loadJSON("glossary.json"), loadScript(FSRS_LIBRARY)]).then(function (loaded) {
        var terms = loaded[0];
        deck = terms;
        byId = {};
        deck.forEach(function (t) {
          byId[t.id] = t;
        });
        var cards = store().load().cards;
        var c = counts();
        var due = Object.keys(cards).filter(function (id) {
          return byId[id] && cards[id].due <= today;
        }).sort(function (a, b) {
          return cards[a].due < cards[b].due ? -1 : cards[a].due > cards[b].due ? 1 : 0;
        });
        var fresh = deck.filter(function (t) {
          return !cards[t.id];
        }).sort(function (a, b) {
          return hashOrder(a.id) - hashOrder(b.id);
        }).slice(0, c.fresh).map(function (t) {
          return t.id;
        });
        queue = due.concat(fresh);
        pos = 0;
        reviewed = 0;
        log = h("tbody");
        showCard(true);
      }, function () {
        clear(app.mount).appendChild(h("p", { role: "alert" }, ["The deck could not be loaded. Check your connection and reload the page."]));
      });
    }

    function logTable() {
      return h("table", { class: "flashcard-log" }, [
        h("caption", {}, ["Reviewed in this session"]),
        h("thead", {}, [h("tr", {}, ["Card", "Your rating", "Next due"].map(function (c) {
          return h("th", { scope: "col" }, [c]);
        }))]),
        log,
      ]);
    }

    function showCard(moveFocus) {
      if (pos >= queue.length) return done();
      var id = queue[pos], term = byId[id];
      var card = store().load().cards[id];
      var flipped = false;
      var backId = "flashcard-back";
      var back = h("div", { class: "flashcard-back", id: backId, hidden: true }, [
        h("p", {}, [term.definition]),
        term.names && term.names.length ? h("p", { class: "practice-hint" }, ["Also: " + term.names.join(", ")]) : null,
        h("p", {}, [h("a", { href: siteLink(term.href) }, ["Open “" + term.term + "” in the glossary"])]),
      ]);
      var face = h("button", { type: "button", class: "flashcard-face", "aria-expanded": "false", "aria-controls": backId,
        onclick: function () {
          flip();
        } }, [term.term]);
      var rate = h("div", { class: "flashcard-rate", role: "group", "aria-label": "How well did you remember it?", hidden: true },
        RATINGS.map(function (r) {
          var when = fromToday(S.review(card, r[0], today).due, today);
          return h("button", { type: "button", class: "practice-button flashcard-rating", "data-rating": r[0], onclick: function () {
            grade(r[0]);
          } }, [r[0] + " " + r[1], h("span", { class: "flashcard-when" }, [" · " + when])]);
        }));

      function flip() {
        if (flipped) return;
        flipped = true;
        back.hidden = false;
        rate.hidden = false;
        face.setAttribute("aria-expanded", "true");
        cardBox.classList.add("is-flipped");
        announce(app, term.term + ": " + term.definition);
      }

      function grade(rating) {
        var next = S.review(store().load().cards[id], rating, today);
        store().update(function (r) {
          r.cards[id] = next;
        });
        reviewed++;
        var label = RATINGS[rating - 1][1];
        log.insertBefore(h("tr", {}, [
          h("td", {}, [term.term]), h("td", {}, [label]),
          h("td", { class: "flashcard-next-due", "data-due": next.due }, [showDay(next.due) + " (" + fromToday(next.due, today) + ")"]),
        ]), log.firstChild);
        if (rating === 1) queue.push(id);
        pos++;
        announce(app, label + ". " + term.term + " is due " + fromToday(next.due, today) + (next.due === today ? "" : ", " + showDay(next.due)) + ".");
        showCard(true);
      }

      var cardBox = h("div", { class: "flashcard" }, [face, back]);
      clear(app.mount).appendChild(h("p", { class: "flashcard-count" }, [
        "Card " + (pos + 1) + " of " + queue.length + " · " + (card ? "due for review" : "new card"),
      ]));
      app.mount.appendChild(cardBox);
      app.mount.appendChild(rate);
      app.mount.appendChild(h("p", { class: "practice-hint" }, ["Recall the definition, then turn the card (Space or Enter) and rate yourself (1 to 4)."]));
      app.mount.appendChild(logTable());
      if (moveFocus) face.focus();

      keys.current = { root: app.el, handle: function (e, t) {
        if ((e.key === " " || e.key === "Enter") && !flipped && (t === face || !onControl(t))) {
          flip();
          return true;
        }
        var n = "1234".indexOf(e.key);
        if (e.key.length === 1 && n >= 0 && flipped) {
          grade(n + 1);
          return true;
        }
        return false;
      } };
    }

    function done() {
      keys.current = null;
      var c = counts();
      var title = h("h2", { tabindex: "-1" }, ["Done for now"]);
      clear(app.mount).appendChild(title);
      app.mount.appendChild(h("p", {}, ["You reviewed " + plural(reviewed, "card") + "." +
        (c.next ? " Your next card is due " + showDay(c.next) + "." : "")]));
      app.mount.appendChild(h("p", {}, [button("Back to the summary", summary)]));
      app.mount.appendChild(logTable());
      focus(title);
    }

    summary();
  }

  global.Practice.register({ flashcards: Cards });
})(typeof window !== "undefined" ? window : globalThis);
