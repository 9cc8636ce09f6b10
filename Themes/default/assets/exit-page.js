/* "Exit this page": leave quickly for a neutral website.
   Without JavaScript the link still works. With it, the visit is replaced in the
   browser history (location.replace), and pressing Shift 3 times within 2 seconds
   does the same from anywhere on the page. */
(function () {
  "use strict";
  var link = document.querySelector("a.exit-this-page");
  if (!link) { return; }
  var target = link.href;
  var presses = 0;
  var timer = null;

  function leave() {
    document.body.classList.add("exit-this-page-leaving");
    document.title = "Exiting page";
    window.location.replace(target);
  }

  link.addEventListener("click", function (event) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) { return; }
    event.preventDefault();
    leave();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) {
      if (event.key !== "Shift") { presses = 0; }
      return;
    }
    presses += 1;
    if (presses === 1) {
      timer = window.setTimeout(function () { presses = 0; }, 2000);
    }
    if (presses >= 3) {
      window.clearTimeout(timer);
      presses = 0;
      leave();
    }
  });

  // Coming back with the Back button must not show the page from the cache.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { document.body.classList.remove("exit-this-page-leaving"); }
  });
}());
