/*
 * When a flashcard is due again: FSRS (the Free Spaced Repetition Scheduler), through the vendored ts-fsrs
 * 5.4.2 (assets/vendor/ts-fsrs, MIT License), which flashcards.js fetches when a review starts.
 */
/*
 * Cards are scheduled in whole days, at the site's desired retention (90%). A stored card keeps the fields the rest
 * of the site reads (due, interval, reps, lapses, first, last) and FSRS's memory state (stability,
 * difficulty, state). "Again" leaves a card due today, so a forgotten card comes back in the same session.
 *
 * Cards saved by the SM-2 scheduler the site used before carry `ease` and no `stability`. upgrade() turns
 * each into an FSRS card with the same due date: its stability is its last interval (FSRS's interval at 90%
 * retention equals the stability) and its difficulty is read off its ease. No card is lost or moves.
 */
(function (global) {
  "use strict";

  var DAY = 86400000;
  // The desired retention is the build's (hooks/studykit/readiness.py CARD_RECALL, shipped in the
  // flashcards page's data), which the readiness estimate also reads cards by; 0.9 under Node's tests.
  var retention = 0.9;
  var scheduler = null;

  function setRetention(value) {
    if (value > 0 && value < 1 && value !== retention) {
      retention = value;
      scheduler = null;
    }
  }

  function library() {
    var F = global.FSRS;
    if (!F) throw new Error("ts-fsrs is not loaded");
    if (!scheduler) scheduler = F.fsrs(F.generatorParameters({ request_retention: retention, enable_fuzz: false, enable_short_term: false }));
    return F;
  }

  function noon(day) {
    return new Date(day + "T12:00:00Z");
  }

  function dayOf(date) {
    return new Date(date).toISOString().slice(0, 10);
  }

  function daysBetween(from, to) {
    return Math.round((noon(to) - noon(from)) / DAY);
  }

  function isFsrs(card) {
    return !!card && typeof card.stability === "number";
  }

  // SM-2's ease 2.5 is a card of middling difficulty; 1.3, its floor, one of the hardest; FSRS counts 1 to 10.
  function difficultyOf(ease) {
    return Math.min(10, Math.max(1, 5 + (2.5 - ease) * (5 / 1.2)));
  }

  function fromSm2(card) {
    var learned = card.reps > 0 && card.interval > 0;
    return {
      due: card.due, interval: card.interval, reps: card.reps, lapses: card.lapses, first: card.first, last: card.last,
      stability: Math.max(card.interval, 0.5), difficulty: difficultyOf(card.ease), state: learned ? 2 : 3,
    };
  }

  // Every SM-2 card of a record's `cards`, as FSRS cards; returns whether any changed.
  function upgrade(cards) {
    var changed = false;
    Object.keys(cards).forEach(function (id) {
      if (!isFsrs(cards[id])) {
        cards[id] = fromSm2(cards[id]);
        changed = true;
      }
    });
    return changed;
  }

  function toLibrary(card, F, today) {
    if (!card) return F.createEmptyCard(noon(today));
    var c = isFsrs(card) ? card : fromSm2(card);
    var last = c.last || c.due;
    return {
      due: noon(c.due), stability: c.stability, difficulty: c.difficulty, elapsed_days: 0, scheduled_days: c.interval,
      learning_steps: 0, reps: c.reps, lapses: c.lapses, state: c.state, last_review: noon(last),
    };
  }

  // The card after a rating of 1 (Again) to 4 (Easy) on `today` (YYYY-MM-DD).
  function review(card, rating, today) {
    var F = library();
    var next = scheduler.next(toLibrary(card, F, today), noon(today), rating).card;
    var due = rating === 1 ? today : dayOf(next.due);
    return {
      due: due, interval: Math.max(0, daysBetween(today, due)), reps: next.reps, lapses: next.lapses,
      first: card && card.first ? card.first : today, last: today,
      stability: Math.round(next.stability * 1000) / 1000, difficulty: Math.round(next.difficulty * 1000) / 1000, state: next.state,
    };
  }

  var api = { setRetention: setRetention, review: review, upgrade: upgrade, fromSm2: fromSm2, isFsrs: isFsrs };
  global.Scheduler = api;
})(typeof window !== "undefined" ? window : globalThis);
