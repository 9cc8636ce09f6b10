/* Search on the A to Z page: the list is filtered as you type, or when the page is opened
   with ?q=words (the offer page's search box sends you here). The words each item is found
   by are in the page itself (data-search on each list, one entry per item, in order), so
   nothing is fetched: it works from any web host and straight from the disk. Without
   JavaScript the whole A to Z list shows. */
(function () {
  "use strict";
  var form = document.querySelector("[data-search-form]");
  var status = document.getElementById("search-status");
  var letters = document.querySelector("[data-search-letters]");
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-search-group]"));
  if (!form || !status || !groups.length || !window.JSON) { return; }
  var input = form.querySelector("input[name=q]");
  if (!input) { return; }

  // Lower case, no accents or apostrophes, words split on anything else.
  function words(text) {
    var plain = String(text).toLowerCase();
    if (plain.normalize) { plain = plain.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
    return plain.replace(/['\u2019]/g, "").split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
  }

  // "bullied" finds "bullying", "worries" finds "worry": a word's stem is matched against
  // the start of each word of an item.
  function stem(word) {
    var endings = ["ies", "ied", "ing", "ed", "es", "s", "y"];
    for (var i = 0; i < endings.length; i += 1) {
      var ending = endings[i];
      if (word.length - ending.length >= 3 && word.slice(-ending.length) === ending) {
        return word.slice(0, -ending.length);
      }
    }
    return word;
  }

  var items = [];
  groups.forEach(function (group) {
    var list = group.querySelector("[data-search]");
    if (!list) { return; }
    var texts;
    try { texts = JSON.parse(list.getAttribute("data-search")); } catch (e) { texts = []; }
    var children = list.children;
    for (var i = 0; i < children.length; i += 1) {
      items.push({ element: children[i], group: group, words: words(texts[i] || children[i].textContent) });
    }
  });

  function matches(item, query) {
    return query.every(function (wanted) {
      return item.words.some(function (word) { return word.indexOf(wanted) === 0; });
    });
  }

  var announced = null;
  function filter(text, announce) {
    var query = words(text).map(stem);
    var shown = 0;
    items.forEach(function (item) {
      var show = query.length === 0 || matches(item, query);
      item.element.hidden = !show;
      if (show) { shown += 1; }
    });
    groups.forEach(function (group) {
      var visible = Array.prototype.some.call(group.querySelectorAll("[data-search] > li"), function (li) { return !li.hidden; });
      group.hidden = !visible;
    });
    if (letters) { letters.hidden = query.length > 0; }
    var message = "";
    var said = text.trim();
    if (query.length > 0) {
      message = shown === 0
        ? "No results for \u2018" + said + "\u2019. Check the spelling, try another word, or clear the search to see everything."
        : shown + (shown === 1 ? " result" : " results") + " for \u2018" + said + "\u2019";
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
    filter(input.value, false);
    window.clearTimeout(timer);
    // Screen readers hear the count once the typing pauses, not at every key.
    timer = window.setTimeout(function () { filter(input.value, true); remember(input.value); }, 400);
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    filter(input.value, true);
    remember(input.value);
  });

  var query = "";
  var match = /[?&]q=([^&#]*)/.exec(window.location.search);
  if (match) {
    try { query = decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e) { query = ""; }
  }
  if (query) {
    input.value = query;
    filter(query, false);
    // Said a moment after the page loads, so screen readers announce it.
    window.setTimeout(function () { filter(query, true); }, 300);
  }
}());
