// Progressive enhancement only: every page works without this file.
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
