/* Search on the A to Z page, in a family's own words. Typing in the box (or opening the page
   with ?q=words, which the offer page's search box does) lists the best matches first, each
   as its card with its own contact; the A to Z comes back when the box is cleared.

   What each item is found by is in the page itself (data-search on each letter's list: for
   each item its name, the words families use for it, its topics, its summary and the words of
   its text), so nothing is fetched: it works from any web host, a sub-folder and straight
   from the disk, with no script in the page. Without JavaScript the whole A to Z shows.

   How a query is answered:
   - words are folded (lower case, no accents or apostrophes) and common words ("my", "is",
     "the", "help", "child") are dropped, unless the query has nothing else;
   - each word is reduced to its stem with the Snowball English ("Porter2") stemmer, written
     here from the published algorithm (snowballstem.org), so "bullied" finds "bullying";
   - a word of five letters or more that the offer never uses is matched to words one typing
     mistake away (a letter added, left out, changed, or two swapped); in a word of four
     letters, only two swapped letters are forgiven;
   - the last word, while it is being typed, also matches words it begins ("anx" finds
     "anxiety"), only when it is not a word of the offer already;
   - each item scores for every word it has, more for a rare word than a common one and more
     where it counts more: its name, then the words families use, then its topics, its summary
     and its text; items with every word of the query, or one of its phrases, come first. */
(function () {
  "use strict";

  // ---------------------------------------------------------------------------------------
  // The Snowball English stemmer (Porter2), from the algorithm as published.

  var stem = (function () {
    var EXCEPTIONS = {
      skis: "ski", skies: "sky", idly: "idl", gently: "gentl", ugly: "ugli", early: "earli",
      only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe", atlas: "atlas",
      cosmos: "cosmos", bias: "bias", andes: "andes", dying: "die", lying: "lie", tying: "tie"
    };
    var AFTER_1A = { inning: 1, outing: 1, canning: 1, herring: 1, earring: 1, evening: 1, proceed: 1, exceed: 1, succeed: 1 };
    var STEP2 = [
      ["ization", "ize"], ["ational", "ate"], ["fulness", "ful"], ["ousness", "ous"], ["iveness", "ive"],
      ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["ogist", "og"], ["entli", "ent"], ["ation", "ate"],
      ["alism", "al"], ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"], ["fulli", "ful"], ["enci", "ence"],
      ["anci", "ance"], ["abli", "able"], ["izer", "ize"], ["ator", "ate"], ["alli", "al"], ["bli", "ble"],
      ["ogi", "og"], ["li", ""]
    ];
    var STEP3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
      ["ative", ""], ["ical", "ic"], ["ness", ""], ["ful", ""]];
    var STEP4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
      "ive", "ize", "ion", "al", "er", "ic"];

    function isVowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; }
    function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
    function hasVowel(w, end) {
      for (var i = 0; i < end; i += 1) { if (isVowel(w.charAt(i))) { return true; } }
      return false;
    }
    // A short syllable ends the text: non-vowel, vowel, non-vowel other than w, x or Y; or the
    // text is just a vowel and a non-vowel; or it is "past" (so "pasted" is "paste").
    function endsShort(w) {
      var n = w.length;
      if (w === "past") { return true; }
      if (n >= 3) {
        var last = w.charAt(n - 1);
        return !isVowel(w.charAt(n - 3)) && isVowel(w.charAt(n - 2)) && !isVowel(last) && last !== "w" && last !== "x" && last !== "Y";
      }
      return n === 2 && isVowel(w.charAt(0)) && !isVowel(w.charAt(1));
    }
    // The longest of the suffixes the word ends with, or null.
    function longest(w, list) {
      for (var i = 0; i < list.length; i += 1) {
        var s = typeof list[i] === "string" ? list[i] : list[i][0];
        if (ends(w, s)) { return list[i]; }
      }
      return null;
    }

    return function (word) {
      if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) { return EXCEPTIONS[word]; }
      if (word.length < 3) { return word; }
      var w = word.charAt(0) === "'" ? word.slice(1) : word;
      // y at the start or after a vowel is a consonant: written Y until the end.
      var marked = "";
      for (var k = 0; k < w.length; k += 1) {
        var c = w.charAt(k);
        marked += c === "y" && (k === 0 || isVowel(marked.charAt(k - 1))) ? "Y" : c;
      }
      w = marked;

      // R1 starts after the first non-vowel that follows a vowel; R2 is R1 of R1.
      var r1 = w.length, r2 = w.length, i;
      var prefix = /^(gener|commun|arsen|past|univers|later|emerg|organ|inter)/.exec(w);
      if (prefix) { r1 = prefix[0].length; } else {
        for (i = 1; i < w.length; i += 1) { if (!isVowel(w.charAt(i)) && isVowel(w.charAt(i - 1))) { r1 = i + 1; break; } }
      }
      for (i = r1 + 1; i < w.length; i += 1) { if (!isVowel(w.charAt(i)) && isVowel(w.charAt(i - 1))) { r2 = i + 1; break; } }

      // Step 0: possessive endings.
      var s0 = longest(w, ["'s'", "'s", "'"]);
      if (s0) { w = w.slice(0, w.length - s0.length); }

      // Step 1a: plurals.
      if (ends(w, "sses")) { w = w.slice(0, -2); }
      else if (ends(w, "ied") || ends(w, "ies")) { w = w.slice(0, -3) + (w.length > 4 ? "i" : "ie"); }
      else if (ends(w, "us") || ends(w, "ss")) { /* kept */ }
      else if (ends(w, "s") && hasVowel(w, w.length - 2)) { w = w.slice(0, -1); }

      if (Object.prototype.hasOwnProperty.call(AFTER_1A, w)) { return w; }

      // Step 1b: -eed, -ed, -ing.
      var s1 = longest(w, ["eedly", "ingly", "edly", "eed", "ing", "ed"]);
      if (s1 === "eed" || s1 === "eedly") {
        var stemPart = w.slice(0, w.length - s1.length);
        if (w.length - s1.length >= r1 && stemPart !== "proc" && stemPart !== "exc" && stemPart !== "succ") { w = stemPart + "ee"; }
      } else if (s1 === "ing" && /^[^aeiouy]ying$/.test(w)) {
        w = w.charAt(0) + "ie";
      } else if (s1 && hasVowel(w, w.length - s1.length)) {
        w = w.slice(0, w.length - s1.length);
        if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) { w += "e"; }
        else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) {
          // A double letter is undone, but not after a first a, e or o ("added" is "add").
          if (!/^[aeo]..$/.test(w)) { w = w.slice(0, -1); }
        }
        else if (r1 >= w.length && endsShort(w)) { w += "e"; }
      }

      // Step 1c: a final y after a non-vowel that is not the first letter becomes i.
      var n = w.length;
      if (n > 2 && (w.charAt(n - 1) === "y" || w.charAt(n - 1) === "Y") && !isVowel(w.charAt(n - 2))) {
        w = w.slice(0, -1) + "i";
      }

      // Step 2, in R1.
      var s2 = longest(w, STEP2);
      if (s2 && w.length - s2[0].length >= r1) {
        var before2 = w.charAt(w.length - s2[0].length - 1);
        if (s2[0] === "ogi" ? before2 === "l" : s2[0] === "li" ? "cdeghkmnrt".indexOf(before2) >= 0 && before2 !== "" : true) {
          w = w.slice(0, w.length - s2[0].length) + s2[1];
        }
      }

      // Step 3, in R1 (-ative in R2).
      var s3 = longest(w, STEP3);
      if (s3 && w.length - s3[0].length >= r1 && (s3[0] !== "ative" || w.length - s3[0].length >= r2)) {
        w = w.slice(0, w.length - s3[0].length) + s3[1];
      }

      // Step 4, in R2.
      var s4 = longest(w, STEP4);
      if (s4 && w.length - s4.length >= r2) {
        var before4 = w.charAt(w.length - s4.length - 1);
        if (s4 !== "ion" || before4 === "s" || before4 === "t") { w = w.slice(0, w.length - s4.length); }
      }

      // Step 5: a final e or ll.
      n = w.length;
      if (w.charAt(n - 1) === "e") {
        if (n - 1 >= r2 || (n - 1 >= r1 && !endsShort(w.slice(0, -1)))) { w = w.slice(0, -1); }
      } else if (w.charAt(n - 1) === "l" && n - 1 >= r2 && w.charAt(n - 2) === "l") {
        w = w.slice(0, -1);
      }
      return w.replace(/Y/g, "y");
    };
  }());

  // ---------------------------------------------------------------------------------------
  // Words.

  // Lower case, no accents or apostrophes ("can't" is "cant"), words split on anything else.
  function words(text) {
    var plain = String(text).toLowerCase();
    if (plain.normalize) { plain = plain.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
    return plain.replace(/['\u2019\u2018]/g, "").split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
  }

  // Words that say little about what a family needs: common English words, and the ones a
  // parent or child puts around their worry ("I need help with my son").
  // Maps have no prototype, so a word such as "constructor" is only ever a word.
  function map() { return Object.create(null); }

  var STOP = map();
  ("a about above after again against all am an and any are arent as at be because been before being below " +
   "between both but by can cant could couldnt did didnt do does doesnt doing dont down during each few for from " +
   "further had hadnt has hasnt have havent having he hed hes her here heres hers herself him himself his how i id " +
   "ill im ive if in into is isnt it its itself lets me more most mustnt my myself nor of off on once only or other " +
   "ought our ours ourselves out over own same shant she shed shes should shouldnt so some such than that thats the " +
   "their theirs them themselves then there theres these they theyd theyll theyre theyve this those through to too " +
   "under until up very was wasnt we wed were weve werent what whats when where wheres which while who whos whom why " +
   "with wont would wouldnt you youd youll youre youve your yours yourself yourselves " +
   "help helps helping need needs needed want wants please someone somebody anyone anybody something anything get gets " +
   "got getting really just also like know think find looking look info information child children childs kid kids " +
   "son sons daughter daughters year years old yr yrs lot lots bit thing things ok okay sure " +
   "problem problems issue issues trouble troubles " +
   "should must might may will shall going")
    .split(" ").forEach(function (w) { STOP[w] = true; });

  // Words the stemmer would join to others they have nothing to do with for a family
  // ("housing" and "house", so a search for housing would find Hope House): kept whole.
  var WHOLE = map();
  WHOLE.housing = true;

  var stems = map();
  function stemOf(word) {
    var s = stems[word];
    if (s === undefined) { s = stems[word] = WHOLE[word] ? word : stem(word); }
    return s;
  }

  // One typing mistake apart: a letter added, left out or changed, or two next to each other
  // swapped (the Damerau–Levenshtein distance is 1).
  function oneEdit(a, b) {
    if (a === b) { return false; }
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) { return false; }
    var i = 0;
    while (i < la && i < lb && a.charAt(i) === b.charAt(i)) { i += 1; }
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) { return true; }
      return a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // ---------------------------------------------------------------------------------------
  // The index, built from the page when it loads.

  // Name, the words families use, topics, summary, text.
  var WEIGHTS = [10, 8, 4, 3, 1];
  var PHRASE_FIELDS = 3;

  function Index(records) {
    var self = this;
    self.items = records;
    self.postings = map();   // stem -> [{item, fields: {field: " surface surface "}}]
    self.df = map();         // stem -> how many items have it in their own words (worked out when asked)
    self.vocabulary = map(); // surface word -> its stem
    self.byLength = map();   // word length -> surface words, for the typing-mistake search
    self.stemsByLength = map(); // stem length -> stems, for the same
    records.forEach(function (record, n) {
      var mine = map();
      record.phrases = [];
      record.wholePhrases = [];
      record.fields.forEach(function (text, field) {
        if (!text) { return; }
        if (field < PHRASE_FIELDS) {
          text.split(/[,;]/).forEach(function (part) {
            var whole = words(part);
            var phrase = whole.filter(function (w) { return !STOP[w]; }).map(stemOf);
            if (phrase.length > 1) { record.phrases.push(" " + phrase.join(" ") + " "); }
            if (whole.length > 1 && phrase.length < 2) { record.wholePhrases.push([" " + whole.map(stemOf).join(" ") + " ", WEIGHTS[field]]); }
          });
        }
        words(text).forEach(function (w) {
          var s = stemOf(w);
          if (self.vocabulary[w] === undefined) {
            self.vocabulary[w] = s;
            (self.byLength[w.length] = self.byLength[w.length] || []).push(w);
          }
          var posting = mine[s];
          if (!posting) {
            posting = mine[s] = { item: n, fields: {} };
            if (!self.postings[s]) {
              self.postings[s] = [];
              (self.stemsByLength[s.length] = self.stemsByLength[s.length] || []).push(s);
            }
            self.postings[s].push(posting);
          }
          var seen = posting.fields[field] || " ";
          if (seen.indexOf(" " + w + " ") < 0) { posting.fields[field] = seen + w + " "; }
        });
      });
    });
  }

  // How rare a stem is: counted over the items that have it in their own words, not only
  // through a topic, so the words families use for a big topic do not turn common with it.
  Index.prototype.idf = function (s) {
    var list = this.postings[s];
    if (!list) { return 0; }
    var df = this.df[s];
    if (df === undefined) {
      df = 0;
      list.forEach(function (posting) {
        for (var field in posting.fields) { if (field !== "2") { df += 1; break; } }
      });
      df = this.df[s] = Math.max(1, df);
    }
    return Math.log(1 + this.items.length / df);
  };

  // The stems one query word stands for, each with how sure the match is.
  Index.prototype.candidates = function (word, last) {
    var self = this;
    var s = stemOf(word);
    if (self.postings[s]) { return [{ stem: s, surface: word, quality: 1, corrected: null }]; }
    var found = [];
    var seen = map();
    function add(w, quality, corrected, t) {
      t = t || self.vocabulary[w];
      // A mistyped common word ("probelms") is still a common word: it finds nothing.
      if (STOP[w]) { seen[t] = true; return; }
      if (t && !seen[t]) { seen[t] = true; found.push({ stem: t, surface: w, quality: quality, corrected: corrected }); }
    }
    function near(lists, length, wanted, each) {
      [length - 1, length, length + 1].forEach(function (l) {
        (lists[l] || []).forEach(function (w) { if (oneEdit(wanted, w)) { each(w); } });
      });
    }
    if (word.length >= 5) {
      // One mistake in the word as typed ("bulying"), or in a stem of five letters or more
      // ("eivcted" and "evict"; a shorter one is too near other words: "vape" and "rape").
      near(self.byLength, word.length, word, function (w) { add(w, 0.6, w); });
      if (s.length >= 5) { near(self.stemsByLength, s.length, s, function (t) { add(t, 0.6, t, t); }); }
    }
    if (word.length === 4) {
      // In a shorter word only two letters swapped ("adhd" typed "addh"): any other mistake
      // leaves too many words it could have been.
      (self.byLength[4] || []).forEach(function (w) {
        if (oneEdit(word, w) && w.split("").sort().join("") === word.split("").sort().join("")) { add(w, 0.6, w); }
      });
    }
    if (last && word.length >= 3) {
      for (var length in self.byLength) {
        if (+length > word.length) {
          self.byLength[length].forEach(function (w) { if (w.indexOf(word) === 0) { add(w, 0.5, null); } });
        }
      }
    }
    if (!found.length && word.length >= 7) {
      // A longer form of a word the offer uses ("paediatrician" and "paediatric").
      for (var end = word.length - 1; end >= Math.max(5, word.length - 4) && !found.length; end -= 1) {
        if (self.vocabulary[word.slice(0, end)]) { add(word.slice(0, end), 0.5, null); }
      }
    }
    return found;
  };

  Index.prototype.search = function (text) {
    var answer = this.ranked(text);
    if (answer.results.length) { return answer; }
    // Nothing for the words that say most: a phrase of common words the families' words
    // have ("don't want to be here") still finds its topic.
    var said = " " + words(text).map(stemOf).join(" ") + " ";
    answer.results = [];
    this.items.forEach(function (record, order) {
      var score = 0;
      record.wholePhrases.forEach(function (p) { if (said.indexOf(p[0]) >= 0) { score = Math.max(score, p[1]); } });
      if (score) { answer.results.push({ record: record, score: score, strong: true, order: order }); }
    });
    answer.results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    if (answer.results.length) { answer.unmatched = []; }
    return answer;
  };

  Index.prototype.ranked = function (text) {
    var self = this;
    var all = words(text);
    var wanted = all.filter(function (w) { return !STOP[w]; });
    if (wanted.length === 0) { wanted = all; }
    var typing = /[a-z0-9]$/i.test(String(text));
    var terms = wanted.map(function (w, n) { return self.candidates(w, typing && n === wanted.length - 1); });
    var queryStems = " " + terms.map(function (c) { return c.length ? c[0].stem : "-"; }).join(" ") + " ";
    var corrections = [];
    terms.forEach(function (c, n) {
      var fix = c.filter(function (x) { return x.corrected; })[0];
      if (fix && c.length && c[0].corrected) { corrections.push([wanted[n], fix.corrected]); }
    });

    // How much each word of the query says: a word most items have ("problems", "school")
    // missing from an item counts against it less than a rare one.
    var worth = terms.map(function (c) {
      return c.length ? Math.max.apply(null, c.map(function (x) { return self.idf(x.stem); })) : Math.log(1 + self.items.length);
    });
    var total = worth.reduce(function (a, b) { return a + b; }, 0);
    var scores = map();
    terms.forEach(function (candidates, term) {
      var best = map();
      candidates.forEach(function (candidate) {
        var idf = self.idf(candidate.stem);
        self.postings[candidate.stem].forEach(function (posting) {
          var top = 0, rest = 0, strength = 0;
          for (var field in posting.fields) {
            var exact = posting.fields[field].indexOf(" " + candidate.surface + " ") >= 0;
            var value = WEIGHTS[field] * candidate.quality * (exact ? 1 : 0.75);
            if (value > top) { rest += top; top = value; } else { rest += value; }
            strength = Math.max(strength, value);
          }
          var score = (top + Math.min(rest, top) * 0.2) * idf;
          var now = best[posting.item];
          if (!now || score > now.score) { best[posting.item] = { score: score, strength: strength }; }
        });
      });
      for (var item in best) {
        var sum = scores[item] || (scores[item] = { score: 0, matched: 0, strength: 0 });
        sum.score += best[item].score;
        sum.matched += worth[term];
        sum.strength = Math.max(sum.strength, best[item].strength);
      }
    });

    var results = [];
    for (var key in scores) {
      var record = self.items[key];
      var found = scores[key];
      var cover = total > 0 ? found.matched / total : 1;
      var score = found.score * (0.3 + 0.7 * cover * cover);
      var phrase = record.phrases.some(function (p) { return queryStems.indexOf(p) >= 0; });
      if (phrase) { score *= 1.6; }
      results.push({ record: record, score: score, strong: phrase || found.strength >= 2, order: +key });
    }
    results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    // Far weaker matches than the best say little: leave them to the A to Z.
    if (results.length) {
      var floor = results[0].score * 0.15;
      results = results.filter(function (r) { return r.score >= floor; }).slice(0, 30);
    }
    return {
      results: results,
      weak: results.length > 0 && !results.some(function (r) { return r.strong; }),
      corrections: corrections,
      // Words of the query that nothing has, even with a typing mistake forgiven.
      unmatched: wanted.filter(function (w, n) { return !terms[n].length; })
    };
  };

  // ---------------------------------------------------------------------------------------
  // The page.

  var form = document.querySelector("[data-search-form]");
  var status = document.getElementById("search-status");
  var letters = document.querySelector("[data-search-letters]");
  var resultsBox = document.querySelector("[data-search-results]");
  var helpBox = document.querySelector("[data-search-help]");
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-search-group]"));
  if (!form || !status || !resultsBox || !groups.length || !window.JSON) { return; }
  var input = form.querySelector("input[name=q]");
  var list = resultsBox.querySelector("ol");
  if (!input || !list) { return; }

  var records = [];
  groups.forEach(function (group) {
    var items = group.querySelector("[data-search]");
    if (!items) { return; }
    var fields;
    try { fields = JSON.parse(items.getAttribute("data-search")); } catch (e) { fields = []; }
    var children = items.children;
    for (var i = 0; i < children.length; i += 1) {
      var own = fields[i];
      records.push({ element: children[i], fields: Array.isArray(own) ? own : [children[i].textContent] });
    }
  });
  var index = new Index(records);

  function quoted(text) { return "\u2018" + text + "\u2019"; }

  var announced = null;
  var shown = null;
  function show(text, announce) {
    var said = text.trim();
    var message = "";
    if (!said) {
      groups.forEach(function (group) { group.hidden = false; });
      if (letters) { letters.hidden = false; }
      resultsBox.hidden = true;
      if (helpBox) { helpBox.hidden = true; }
      list.textContent = "";
      shown = null;
    } else {
      var answer = index.search(text);
      var results = answer.results;
      var count = results.length;
      var key = results.map(function (r) { return r.order; }).join(",");
      if (key !== shown) {
        shown = key;
        var fragment = document.createDocumentFragment();
        results.forEach(function (r) { fragment.appendChild(r.record.element.cloneNode(true)); });
        list.textContent = "";
        list.appendChild(fragment);
      }
      groups.forEach(function (group) { group.hidden = true; });
      if (letters) { letters.hidden = true; }
      resultsBox.hidden = count === 0;
      if (helpBox) { helpBox.hidden = count > 0 && !answer.weak; }
      var fixed = answer.corrections.map(function (c) { return quoted(c[1]); }).join(", ");
      if (count === 0) {
        message = "No results for " + quoted(said) + ". Try other words, or use the other ways to find help below.";
      } else if (answer.weak) {
        message = "No close matches for " + quoted(said) + ". " + count + (count === 1 ? " result" : " results") +
          " mention some of its words; the other ways to find help are below them.";
      } else {
        message = count + (count === 1 ? " result" : " results") + " for " + quoted(said) +
          (fixed ? " (including " + fixed + ")" : "") + ", best match first";
        if (answer.unmatched.length) {
          message += ". Nothing was found for " + answer.unmatched.map(quoted).join(" or ") + ".";
        }
      }
    }
    if (announce && message !== announced) {
      announced = message;
      status.textContent = message;
    }
  }

  function remember(text) {
    // Keeps the search in the address, so Back and Reload show the same results.
    try {
      var url = window.location.pathname + (text.trim() ? "?q=" + encodeURIComponent(text.trim()) : "") + window.location.hash;
      window.history.replaceState(null, "", url);
    } catch (e) { /* some browsers refuse this for pages opened from the disk */ }
  }

  var timer = null;
  input.addEventListener("input", function () {
    show(input.value, false);
    window.clearTimeout(timer);
    // Screen readers hear the count once the typing pauses, not at every key.
    timer = window.setTimeout(function () { show(input.value, true); remember(input.value); }, 400);
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    show(input.value, true);
    remember(input.value);
  });

  // For the browser tests: the stemmer, and a query answered as the box answers it.
  window.signpostSearch = {
    stem: stem,
    run: function (text) { show(text, true); return index.search(text); }
  };

  var query = "";
  var match = /[?&]q=([^&#]*)/.exec(window.location.search);
  if (match) {
    try { query = decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e) { query = ""; }
  }
  if (query) {
    input.value = query;
    show(query, false);
    // Said a moment after the page loads, so screen readers announce it.
    window.setTimeout(function () { show(query, true); }, 300);
  }
}());
