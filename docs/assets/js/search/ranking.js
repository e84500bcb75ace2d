/*
 * How the site's search chooses and orders results, on top of Material's own search (its lunr index, query
 * syntax and result format). The first part of search-core.js; search/relay.js passes it the queries.
 */
/*
 * 1. A glossary name, alias or former name typed in full puts that term's own entry first, under its
 *    glossary page, followed by the notes pages that use the term ("used on").
 * 2. A query of several words lists the pages that match every word before those that match some, and
 *    only those when they fill the first screen of results.
 * 3. A query that finds nothing is tried again with typo tolerance (lunr's edit distance); the result
 *    then names the words it found instead ("Showing results for kinesis"), highlights those, and lists
 *    no typed word as missing.
 * 4. For several words that are not a glossary name, pages that teach them come before the digests that
 *    only gather them (the glossary, the changes, exam-tip and coverage pages: terms.json's `digests`).
 * Every row of a result, the page's own row included, carries the words to highlight on the page.
 */
(function () {
  "use strict";

  var terms = null; // {terms: [{entry: location, pages: [locations]}], names: {normalized name: index}, digests}
  var docs = {}; // location -> search document, from Material's setup message
  var run = null; // runs one query through Material's own search: query -> promise of its result

  // How a query meets a glossary name: the build's rule (studykit/practice.py search_key), shipped with
  // the names in terms.json.
  function normalize(query) {
    return query.toLowerCase().replace(new RegExp(terms.keyJoin, "g"), " ").trim();
  }

  function hasSyntax(query) {
    return /(^|\s)[+\-]|["~^*:]/.test(query);
  }

  function words(query) {
    return query.split(/[\s\-,:;!?()[\]"/]+/).filter(Boolean);
  }

  function groupKey(group) {
    return group[0].location.split("#")[0];
  }

  // Groups of `first`, then the groups of `rest` whose page is not in `first`.
  function merge(first, rest) {
    var seen = {};
    first.forEach(function (g) {
      seen[groupKey(g)] = true;
    });
    return first.concat(
      rest.filter(function (g) {
        return !seen[groupKey(g)];
      })
    );
  }

  function copy(doc, score) {
    var out = {};
    Object.keys(doc).forEach(function (k) {
      out[k] = doc[k];
    });
    out.score = score;
    out.terms = out.terms || {};
    return out;
  }

  // The glossary term that a query names in full, or null.
  function termOf(query) {
    var index = terms ? terms.names[normalize(query)] : undefined;
    return index === undefined ? null : terms.terms[index];
  }

  // Put a glossary entry first: its page's group leads, and the entry outscores its page's other sections.
  function termFirst(items, query) {
    var found = termOf(query);
    if (!found) return items;
    var entryPage = found.entry.split("#")[0];
    var top = 0;
    items.forEach(function (g) {
      g.forEach(function (d) {
        if (d.score > top) top = d.score;
      });
    });
    var group = null;
    var others = [];
    items.forEach(function (g) {
      if (groupKey(g) === entryPage) group = g;
      else others.push(g);
    });
    var entry = null;
    var rest = [];
    (group || []).forEach(function (d) {
      if (d.location === found.entry) entry = d;
      else rest.push(d);
    });
    if (!entry && docs[found.entry]) entry = copy(docs[found.entry], 0);
    if (!entry) return items;
    entry = copy(entry, top + 2);
    var article = null;
    rest = rest.filter(function (d) {
      if (d.location === entryPage) {
        article = d;
        return false;
      }
      return true;
    });
    if (!article && docs[entryPage]) article = copy(docs[entryPage], top + 1);
    var lead = [entry].concat(article ? [copy(article, top + 1)] : [], rest);
    var usedOn = {};
    found.pages.forEach(function (p, i) {
      usedOn[p] = i + 1;
    });
    var used = others.filter(function (g) {
      return usedOn[groupKey(g)];
    });
    used.sort(function (a, b) {
      return usedOn[groupKey(a)] - usedOn[groupKey(b)];
    });
    return [lead].concat(
      used,
      others.filter(function (g) {
        return !usedOn[groupKey(g)];
      })
    );
  }

  function fuzzy(query, distance) {
    return words(query)
      .map(function (w) {
        return w.length >= 4 ? w + "~" + distance : w;
      })
      .join(" ");
  }

  // Pages that match every word come first. When there are enough of them to fill the first screen of
  // results, or the words are a glossary name (its entry and the pages that use it lead), the pages that
  // match only some words are left out: they are the noise a reader who typed several words does not
  // want (and the search that finds them is the slowest one).
  var ENOUGH = 10;

  function search(query) {
    var plain = !hasSyntax(query);
    var list = words(query);
    var found;
    if (plain && list.length > 1) {
      var all = list
        .map(function (w) {
          return "+" + w;
        })
        .join(" ");
      found = run(all).then(function (strict) {
        if ((strict.items || []).length >= ENOUGH || termOf(query)) return strict;
        return run(query).then(function (some) {
          return { items: merge(strict.items || [], some.items || []), suggest: some.suggest };
        });
      });
    } else {
      found = run(query);
    }
    return found
      .then(function (result) {
        if (!plain || (result.items && result.items.length)) return result;
        return run(fuzzy(query, 1)).then(function (loose) {
          if (loose.items && loose.items.length) return loose;
          return run(fuzzy(query, 2));
        }).then(function (loose) {
          return corrected(loose, query);
        });
      })
      .then(function (result) {
        result.items = termFirst(result.items || [], query);
        if (plain && list.length > 1 && !termOf(query)) result.items = teachersFirst(result.items);
        result.items.forEach(shareTerms);
        return result;
      });
  }

  // ------------------------------------------------------------------ what a typo was taken to mean

  function distance(a, b) {
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var diagonal = row[0];
      row[0] = i;
      for (var k = 1; k <= b.length; k++) {
        var above = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, diagonal + (a[i - 1] === b[k - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  }

  // The word of the best result nearest to a typed word (lunr found the result through it).
  function nearestWord(typed, group) {
    var best = null;
    var bestDistance = 3;
    group.forEach(function (doc) {
      var text = ((doc.title || "") + " " + (doc.text || "")).replace(/<[^>]*>/g, " ").toLowerCase();
      text.split(/[^a-z0-9]+/).forEach(function (word) {
        if (!word || Math.abs(word.length - typed.length) > 2) return;
        var d = distance(typed, word);
        if (d < bestDistance) {
          bestDistance = d;
          best = word;
        }
      });
    });
    return best;
  }

  // A result found with typo tolerance: each typed word is replaced by the word it matched.
  function corrected(result, query) {
    var groups = result.items || [];
    if (!groups.length) return result;
    var fixes = {};
    words(query).forEach(function (w) {
      var typed = w.toLowerCase();
      var near = nearestWord(typed, groups[0]);
      if (near && near !== typed) fixes[typed] = near;
    });
    if (!Object.keys(fixes).length) return result;
    groups.forEach(function (group) {
      group.forEach(function (doc) {
        var terms = {};
        Object.keys(doc.terms || {}).forEach(function (term) {
          if (fixes[term]) terms[fixes[term]] = true;
          else terms[term] = doc.terms[term];
        });
        doc.terms = terms;
      });
    });
    result.corrected = words(query).map(function (w) {
      return fixes[w.toLowerCase()] || w;
    }).join(" ");
    return result;
  }

  // ------------------------------------------------------------------ order and highlight of groups

  function isDigest(group) {
    var prefixes = (terms && terms.digests) || [];
    var page = groupKey(group);
    return prefixes.some(function (prefix) {
      return page.indexOf(prefix) === 0;
    });
  }

  // Pages that teach the words first; digests after them, each side in its own order.
  function teachersFirst(groups) {
    return groups.filter(function (g) { return !isDigest(g); }).concat(groups.filter(isDigest));
  }

  // A row with no matched word of its own (the page row over matching sections, an entry put first)
  // takes the words its group matched, so the page it opens highlights them.
  function shareTerms(group) {
    var matched = {};
    group.forEach(function (doc) {
      Object.keys(doc.terms || {}).forEach(function (term) {
        if (doc.terms[term]) matched[term] = true;
      });
    });
    group.forEach(function (doc) {
      var own = Object.keys(doc.terms || {}).some(function (term) { return doc.terms[term]; });
      if (!own) doc.terms = Object.assign({}, matched, doc.terms || {});
    });
  }

  self.SearchRanking = {
    // What ranking needs, once Material's worker is set up: the term index (null without one), the
    // search documents and the way to ask Material's own search.
    setup: function (termIndex, documents, ask) {
      terms = termIndex;
      documents.forEach(function (doc) {
        docs[doc.location] = doc;
      });
      run = ask;
    },
    search: search,
  };
})();
