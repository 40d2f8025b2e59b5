// Progressive enhancement only: every page works without this file.

// On a phone the header's menu folds behind a Menu button (without script
// it stays open, as a list).
(function () {
  "use strict";
  var button = document.querySelector(".top .menu-toggle");
  if (!button) { return; }
  var header = button.closest(".top");
  header.classList.add("foldable");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    header.classList.toggle("open", open);
  });
})();

// The password checklist turns ✓/✗ as the user types; the server checks the same rules.
(function () {
  "use strict";
  var list = document.getElementById("password-rules");
  var input = document.getElementById("new_password");
  if (!list || !input) { return; }
  var address = (list.getAttribute("data-address") || "").trim().toLowerCase();
  var min = parseInt(list.getAttribute("data-min"), 10) || 0;
  var max = parseInt(list.getAttribute("data-max"), 10) || 256;
  var tests = {
    length: function (p) { var n = Array.from(p).length; return n >= min && n <= max; },
    lowercase: function (p) { return /\p{Ll}/u.test(p); },
    uppercase: function (p) { return /\p{Lu}/u.test(p); },
    digit: function (p) { return /[0-9]/.test(p); },
    symbol: function (p) { return /[^\p{L}\p{N}\s]/u.test(p); },
    not_address: function (p) { return p.trim().toLowerCase() !== address; }
  };
  function update() {
    var p = input.value;
    list.querySelectorAll("li[data-rule]").forEach(function (li) {
      var test = tests[li.getAttribute("data-rule")];
      if (!test) { return; } // not_current: only the server can tell
      var ok = p.length > 0 && test(p);
      li.classList.toggle("ok", ok);
      li.classList.toggle("bad", !ok);
    });
  }
  input.addEventListener("input", update);
})();

// The print view's button: shown only when script runs, prints the page.
(function () {
  "use strict";
  var button = document.getElementById("print-now");
  if (!button) { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();

// The monitor: a message's story opens in a dialog over the list, which
// closes with its X, Escape or a click outside it. Without script (or if the
// page cannot be fetched) the link opens the story as a page.
(function () {
  "use strict";
  var dialog = document.getElementById("story-dialog");
  var body = document.getElementById("story-body");
  if (!dialog || !body || typeof dialog.showModal !== "function" || !window.fetch || !window.DOMParser) { return; }
  var opener = null;
  function open(link) {
    fetch(link.href, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.text(); })
      .then(function (html) {
        var story = new DOMParser().parseFromString(html, "text/html").querySelector("main section.card");
        if (!story) { throw new Error("no story"); }
        var back = story.querySelector("p.back");
        if (back) { back.remove(); }
        body.replaceChildren(document.importNode(story, true));
        opener = link;
        dialog.showModal();
      })
      .catch(function () { window.location.assign(link.href); });
  }
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a[data-story]") : null;
    if (!link || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) { return; }
    ev.preventDefault();
    open(link);
  });
  // A click on the backdrop lands on the dialog itself (its content fills it).
  dialog.addEventListener("click", function (ev) { if (ev.target === dialog) { dialog.close(); } });
  dialog.addEventListener("close", function () {
    body.replaceChildren();
    if (opener) { opener.focus(); }
  });
})();

// Preferences never saved: the time zone starts at the browser's own.
(function () {
  "use strict";
  var select = document.getElementById("time_zone");
  if (!select || select.getAttribute("data-saved") !== "no" || !window.Intl) { return; }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === select.value) { return; }
  var known = Array.prototype.some.call(select.options, function (o) { return o.value === zone; });
  if (!known) { return; }
  select.value = zone;
  var hint = document.getElementById("zone-suggested");
  if (hint) { hint.hidden = false; }
})();
