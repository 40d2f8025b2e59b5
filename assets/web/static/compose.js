// The compose page, enhanced: the draft is saved while the user writes (and
// when the page is left), files are attached by drag and drop or the picker
// as chips with progress and a remove button, and the session's end is
// announced in time to stay signed in. Without this file the form still
// works: Send and Save draft post everything, files included.
// The formatting editor: a contenteditable area in the textarea's place, a
// toolbar (bold, italic, lists, quote, link) with keyboard shortcuts. What
// it holds goes to the server as body_html (sanitised there like incoming
// mail, and made into the plain-text part); the textarea keeps a plain copy.
(function () {
  "use strict";
  var area = document.getElementById("body");
  var toolbar = document.getElementById("editor-toolbar");
  var htmlField = document.getElementById("body_html");
  if (!area || !toolbar || !htmlField || typeof document.execCommand !== "function") { return; }
  var editor = document.createElement("div");
  editor.id = "editor";
  editor.className = "editor";
  editor.contentEditable = "true";
  editor.setAttribute("role", "textbox");
  editor.setAttribute("aria-multiline", "true");
  editor.setAttribute("aria-labelledby", "body-label");
  editor.spellcheck = true;
  // A saved draft's HTML was sanitised by the server; plain text is put in line by line.
  var saved = area.getAttribute("data-html") || "";
  if (saved) {
    editor.innerHTML = saved;
  } else {
    area.value.split("\n").forEach(function (line) {
      var div = document.createElement("div");
      if (line) { div.textContent = line; } else { div.appendChild(document.createElement("br")); }
      editor.appendChild(div);
    });
  }
  area.hidden = true;
  area.insertAdjacentElement("afterend", editor);
  toolbar.hidden = false;
  document.getElementById("body-label").addEventListener("click", function () { editor.focus(); });
  document.execCommand("defaultParagraphSeparator", false, "div");

  function sync() {
    htmlField.value = editor.innerHTML;
    area.value = editor.innerText;
  }
  function states() {
    toolbar.querySelectorAll("button[aria-pressed]").forEach(function (b) {
      var on = false;
      try { on = document.queryCommandState(b.getAttribute("data-command")); } catch (e) { on = false; }
      b.setAttribute("aria-pressed", String(on));
    });
  }
  sync();
  editor.addEventListener("input", function () { sync(); states(); });
  document.addEventListener("selectionchange", function () { if (document.activeElement === editor) { states(); } });

  // Links: a small row asks for the address (the selection is kept meanwhile).
  var linkRow = document.getElementById("editor-link-row");
  var linkInput = document.getElementById("editor-link-address");
  var range = null;
  function askLink() {
    var sel = window.getSelection();
    range = sel.rangeCount ? sel.getRangeAt(0).cloneRange() : null;
    linkRow.hidden = false;
    linkInput.value = "";
    linkInput.focus();
  }
  function closeLink() {
    linkRow.hidden = true;
    editor.focus();
    if (range) { var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range); }
  }
  function applyLink() {
    var href = linkInput.value.trim();
    linkInput.value = "";
    closeLink();
    if (!href) { return; }
    if (!/^(https?:|mailto:)/i.test(href)) { href = (href.indexOf("@") > 0 ? "mailto:" : "https://") + href; }
    if (range && range.collapsed) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = href.replace(/^mailto:/i, "");
      range.insertNode(a);
    } else {
      document.execCommand("createLink", false, href);
    }
    sync();
    editor.dispatchEvent(new Event("input", { bubbles: true }));
  }
  document.getElementById("editor-link-apply").addEventListener("click", applyLink);
  document.getElementById("editor-link-cancel").addEventListener("click", closeLink);
  linkInput.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); applyLink(); }
    if (ev.key === "Escape") { ev.preventDefault(); closeLink(); }
  });

  function run(command) {
    editor.focus();
    if (command === "link") { askLink(); return; }
    if (command === "blockquote") {
      var inQuote = window.getSelection().anchorNode && window.getSelection().anchorNode.parentElement &&
        window.getSelection().anchorNode.parentElement.closest("blockquote");
      document.execCommand("formatBlock", false, inQuote ? "div" : "blockquote");
    } else {
      document.execCommand(command, false, null);
    }
    sync();
    states();
    editor.dispatchEvent(new Event("input", { bubbles: true }));
  }
  toolbar.addEventListener("click", function (ev) {
    var button = ev.target.closest ? ev.target.closest("button[data-command]") : null;
    if (button) { run(button.getAttribute("data-command")); }
  });
  // Shortcuts: Ctrl/Cmd+B and +I (the browser's own), +K link, +Shift+7/8/9 numbers, bullets, quote.
  editor.addEventListener("keydown", function (ev) {
    if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) { return; }
    var key = ev.key.toLowerCase();
    var command = null;
    if (!ev.shiftKey && key === "k") { command = "link"; }
    if (ev.shiftKey && (ev.code === "Digit7" || key === "7")) { command = "insertOrderedList"; }
    if (ev.shiftKey && (ev.code === "Digit8" || key === "8")) { command = "insertUnorderedList"; }
    if (ev.shiftKey && (ev.code === "Digit9" || key === "9")) { command = "blockquote"; }
    if (command) { ev.preventDefault(); run(command); }
  });
  // Pasted text arrives as text: formatting from elsewhere (and its styles) stays out.
  editor.addEventListener("paste", function (ev) {
    if (!ev.clipboardData) { return; }
    ev.preventDefault();
    document.execCommand("insertText", false, ev.clipboardData.getData("text/plain"));
  });
})();

(function () {
  "use strict";
  var form = document.getElementById("compose");
  if (!form || !window.FormData || !window.fetch || !window.XMLHttpRequest) { return; }
  var SAVE_EVERY_MS = 5000;
  // Not target: the buttons named "action" shadow that property.
  var target = form.getAttribute("action");
  var input = document.getElementById("attachment");
  var chips = document.getElementById("chips");
  var dropzone = document.getElementById("dropzone");
  var sizeError = document.getElementById("size-error");
  var bar = document.getElementById("upload-progress");
  var uploadStatus = document.getElementById("upload-status");
  var saveStatus = document.getElementById("autosave-status");
  var sendButton = document.getElementById("send");
  var limit = parseInt(form.getAttribute("data-limit"), 10) || 0;
  var attached = parseInt(form.getAttribute("data-attached"), 10) || 0;
  var dirty = false, saving = false, uploads = 0, ended = false, submitting = false;
  // The page's own name and the count of its saves: the server keeps the
  // latest, whichever of two saves (a fetch, a beacon) arrives last.
  var seq = 0;
  form.elements.page.value = Array.prototype.map.call(
    window.crypto.getRandomValues(new Uint8Array(12)),
    function (b) { return (b + 256).toString(16).slice(1); }
  ).join("");
  function nextSeq() { seq += 1; form.elements.seq.value = String(seq); }

  // The words come from the page, in the reader's language (compose.html).
  function words(name, fill) {
    var text = form.getAttribute("data-" + name) || "";
    Object.keys(fill || {}).forEach(function (key) {
      text = text.replace("{" + key + "}", function () { return String(fill[key]); });
    });
    return text;
  }
  // The server's size words (src/model/units.rs): decimal units, rounded up.
  function sizeText(bytes) {
    if (bytes < 1e3) { return words("size-bytes", { n: bytes }); }
    if (bytes < 1e6) { return words("size-kb", { n: Math.ceil(bytes / 1e3) }); }
    var unit = bytes < 1e9 ? 1e6 : 1e9;
    var n = (Math.ceil(bytes / (unit / 10)) / 10).toLocaleString(document.documentElement.lang || "en");
    return words(unit === 1e6 ? "size-mb" : "size-gb", { n: n });
  }

  // The form's fields for a save by script (never the file picker's files).
  function fields(extra) {
    nextSeq();
    var data = new FormData(form);
    data.delete("attachment");
    data.delete("action");
    data.set("format", "json");
    Object.keys(extra || {}).forEach(function (k) { data.set(k, extra[k]); });
    return data;
  }

  // ---- the draft's files as chips -------------------------------------
  function chip(file) {
    var li = document.createElement("li");
    li.className = "chip";
    li.setAttribute("data-file", file.id);
    var name = document.createElement("span");
    name.className = "chip-name";
    name.textContent = file.name;
    var size = document.createElement("span");
    size.className = "chip-size";
    size.textContent = sizeText(file.size);
    var remove = document.createElement("button");
    remove.type = "submit";
    remove.name = "remove";
    remove.value = file.id;
    remove.formNoValidate = true;
    remove.className = "chip-remove";
    remove.setAttribute("aria-label", words("remove", { name: file.name }));
    remove.textContent = "×";
    li.append(name, " ", size, " ", remove);
    return li;
  }
  function showFiles(files) {
    chips.querySelectorAll("li.chip:not(.uploading)").forEach(function (li) { li.remove(); });
    attached = 0;
    var uploadingFirst = chips.querySelector("li.uploading");
    files.forEach(function (f) {
      attached += f.size;
      chips.insertBefore(chip(f), uploadingFirst);
    });
    uploadStatus.textContent = files.length ? words("total", { size: sizeText(attached) }) : "";
  }

  // ---- saving ---------------------------------------------------------
  var resumeUrl = null;
  function sessionEnded(resume) {
    ended = true;
    resumeUrl = resume || resumeUrl;
    var link = document.getElementById("sign-in-again");
    var next = resumeUrl || window.location.pathname;
    link.href = "/login?notice=draft-kept&next=" + encodeURIComponent(next);
    document.getElementById("session-warning").hidden = true;
    document.getElementById("session-ended").hidden = false;
  }
  function saved(json) {
    form.elements.draft.value = json.draft;
    var path = "/drafts/" + json.draft;
    if (window.location.pathname !== path) { window.history.replaceState(null, "", path); }
    if (typeof json.left === "number") { sessionLeft(json.left); }
    if (json.files) { showFiles(json.files); }
    // The time as the user's preferences show dates (the server formats it).
    saveStatus.textContent = words("saved", { time: json.saved_at || "" });
  }
  // Reads an answer to a save: the JSON, or the session's end.
  function answered(status, text) {
    var json = null;
    try { json = JSON.parse(text); } catch (e) { json = null; }
    if (json && json.ended) { sessionEnded(json.resume); return null; }
    // Sent or deleted from another window: what is typed next makes a new draft.
    if (status === 410 && json && json.gone) {
      form.elements.draft.value = "";
      saveStatus.textContent = words("draft-gone");
      return null;
    }
    if (!json || !json.draft || json.unsaved) {
      // Nothing was stored: the text is saved again at the next turn.
      dirty = true;
      if (status === 403) { sessionEnded(null); } else { saveStatus.textContent = words("save-failed"); }
      if (json && json.error) { sizeError.textContent = json.error; sizeError.hidden = false; }
      return null;
    }
    saved(json);
    if (json.error) { sizeError.textContent = json.error; sizeError.hidden = false; }
    return json;
  }
  function save() {
    if (saving || !dirty || submitting) { return; }
    saving = true;
    dirty = false;
    fetch(target, { method: "POST", body: fields({ action: "autosave" }), credentials: "same-origin" })
      .then(function (r) { return r.text().then(function (t) { answered(r.status, t); }); })
      .catch(function () { dirty = true; saveStatus.textContent = words("save-failed"); })
      .then(function () { saving = false; });
  }
  // A page answered to a post (a refused send) takes its draft's address, so
  // Back and reload fetch the draft instead of posting the form again.
  if (form.getAttribute("data-stored") === "yes") {
    var own = "/drafts/" + form.elements.draft.value;
    if (window.location.pathname !== own) { window.history.replaceState(null, "", own); }
  }
  // Typing again long after a submit whose answer never came (Stop): the page writes again.
  var submittedAt = 0;
  form.addEventListener("input", function (ev) {
    if (submitting && Date.now() - submittedAt > 30000) { submitting = false; }
    if (ev.target !== input) { dirty = true; }
  });
  form.addEventListener("change", function (ev) { if (ev.target !== input) { dirty = true; } });
  window.setInterval(save, SAVE_EVERY_MS);
  // Leaving the page (closed, reloaded, another link): the last words go too.
  // Submitted, the page saves no more (a late save must not bring back a
  // draft just sent); the post itself carries the next count.
  form.addEventListener("submit", function (ev) {
    // Enter in a field: the words are saved, and the page stays.
    if (ev.submitter && ev.submitter.id === "enter-key") { ev.preventDefault(); dirty = true; save(); return; }
    // One post per click: a second submit while the first is on its way is dropped.
    if (submitting && Date.now() - submittedAt < 30000) { ev.preventDefault(); return; }
    submitting = true;
    submittedAt = Date.now();
    nextSeq();
  });
  // A page come back from the browser's history cache writes again.
  window.addEventListener("pageshow", function (ev) { if (ev.persisted) { submitting = false; } });
  function leaving() {
    if (!dirty || submitting) { return; }
    // A beacon carries at most 64 KB; a longer text goes as an ordinary save
    // (it completes when the tab is only hidden).
    if (navigator.sendBeacon && navigator.sendBeacon(target, fields({ action: "autosave" }))) {
      dirty = false;
    } else {
      save();
    }
  }
  window.addEventListener("pagehide", leaving);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") { leaving(); } });

  // ---- attaching ------------------------------------------------------
  function refuse(size) {
    sizeError.textContent = words("size-error", { size: sizeText(size) });
    sizeError.hidden = false;
  }
  function upload(files) {
    var adding = 0;
    for (var i = 0; i < files.length; i++) { adding += files[i].size; }
    sizeError.hidden = true;
    if (limit > 0 && attached + adding > limit) { refuse(attached + adding); return; }
    Array.prototype.forEach.call(files, function (file) { queue.push(uploadOne(file)); });
    pump();
  }
  // One file goes at a time (the server takes few posts at once from one
  // account); the others wait as chips at 0 %.
  var queue = [], sending = false;
  function pump() {
    if (sending || !queue.length) { return; }
    sending = true;
    queue.shift()();
  }
  var loaded = {}, totals = {}, next = 0;
  function progress() {
    var sum = 0, done = 0;
    Object.keys(totals).forEach(function (k) { sum += totals[k]; done += loaded[k]; });
    bar.hidden = sum === 0;
    bar.value = sum ? Math.round(100 * done / sum) : 0;
    if (sum) { uploadStatus.textContent = words("uploading", { percent: bar.value }); }
  }
  function uploadOne(file) {
    var key = String(next++);
    var li = document.createElement("li");
    li.className = "chip uploading";
    var name = document.createElement("span");
    name.className = "chip-name";
    name.textContent = file.name;
    var own = document.createElement("progress");
    own.max = 100;
    own.value = 0;
    own.setAttribute("aria-label", file.name);
    li.append(name, " ", own);
    chips.appendChild(li);
    loaded[key] = 0;
    totals[key] = file.size;
    uploads++;
    sendButton.disabled = true;
    var xhr = new XMLHttpRequest();
    xhr.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) { return; }
      own.value = Math.round(100 * e.loaded / e.total);
      loaded[key] = file.size * e.loaded / e.total;
      progress();
    });
    function finished() {
      li.remove();
      delete loaded[key];
      delete totals[key];
      uploads--;
      sendButton.disabled = uploads > 0;
      progress();
      sending = false;
      pump();
    }
    // Too many posts at once from this account (a 429, or the connection
    // closed on the file): it waits and goes again, a few times.
    function again() {
      if (tries >= 5) { return false; }
      tries += 1;
      own.value = 0;
      loaded[key] = 0;
      progress();
      window.setTimeout(start, 2000 * tries);
      return true;
    }
    xhr.addEventListener("load", function () {
      if (xhr.status === 429 && again()) { return; }
      answered(xhr.status, xhr.responseText);
      if (xhr.status === 429) { uploadStatus.textContent = words("send-failed"); }
      dirty = true;
      finished();
    });
    xhr.addEventListener("error", function () {
      if (again()) { return; }
      finished();
      uploadStatus.textContent = words("send-failed");
    });
    // Sent when its turn comes. Only the file is added to a saved draft: the
    // fields it carries would be older than what is typed while it uploads.
    var tries = 0;
    function start() {
      xhr.open("POST", target);
      var data = fields({ action: "attach" });
      data.append("attachment", file, file.name);
      xhr.send(data);
    }
    return start;
  }
  input.addEventListener("change", function () {
    if (input.files.length) { upload(input.files); }
    input.value = "";
  });
  document.getElementById("drop-hint").hidden = false;
  dropzone.classList.add("enhanced");
  ["dragenter", "dragover"].forEach(function (type) {
    dropzone.addEventListener(type, function (ev) { ev.preventDefault(); dropzone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    dropzone.addEventListener(type, function () { dropzone.classList.remove("over"); });
  });
  dropzone.addEventListener("drop", function (ev) {
    ev.preventDefault();
    if (ev.dataTransfer && ev.dataTransfer.files.length) { upload(ev.dataTransfer.files); }
  });
  chips.addEventListener("click", function (ev) {
    var button = ev.target.closest ? ev.target.closest("button.chip-remove") : null;
    if (!button) { return; }
    ev.preventDefault();
    button.disabled = true;
    fetch(target, { method: "POST", body: fields({ remove: button.value }), credentials: "same-origin" })
      .then(function (r) { return r.text().then(function (t) { answered(r.status, t); }); })
      .catch(function () { button.disabled = false; saveStatus.textContent = words("save-failed"); });
  });

  // ---- the session's end ----------------------------------------------
  var deadline = 0, warnAt = 120;
  function sessionLeft(seconds) {
    deadline = Date.now() + seconds * 1000;
    document.getElementById("session-warning").hidden = true;
  }
  var first = parseInt(form.getAttribute("data-session-left"), 10);
  if (!isNaN(first)) {
    warnAt = Math.min(120, Math.floor(first / 3));
    sessionLeft(first);
    window.setInterval(function () {
      if (ended) { return; }
      var left = Math.round((deadline - Date.now()) / 1000);
      var warning = document.getElementById("session-warning");
      if (left <= -2) {
        if (form.elements.draft.value === "" && !dirty) {
          // Its draft sent or deleted elsewhere and nothing new typed: nothing to keep.
          sessionEnded(null);
          return;
        }
        // Out of time by the page's clock: a save asks the server, whose
        // answer says ("ended") whether the session really ended.
        deadline = Date.now() + 15000;
        dirty = true;
        save();
      } else if (left <= warnAt && warning.hidden) {
        document.getElementById("session-warning-text").textContent = words("ending", { minutes: Math.max(1, Math.ceil(left / 60)) });
        warning.hidden = false;
      }
    }, 1000);
  }
  document.getElementById("stay-signed-in").addEventListener("click", function () {
    var data = new URLSearchParams();
    data.set("csrf", form.elements.csrf.value);
    fetch("/session/keep", { method: "POST", body: data, credentials: "same-origin" })
      .then(function (r) {
        if (r.status === 401 || r.status === 403) { sessionEnded(null); return; }
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.json().then(function (json) { sessionLeft(json.left); });
      })
      .catch(function () { saveStatus.textContent = words("save-failed"); });
  });
})();

// Address suggestions after a comma: the page's list of correspondents is
// offered for the address being typed, the ones before it kept.
(function () {
  "use strict";
  var list = document.getElementById("correspondents");
  if (!list) { return; }
  var people = Array.prototype.map.call(list.options, function (o) { return o.value; });
  // A suggestion's address (`"Doe, Jane" <jane@…>` or a bare address), to
  // tell whether it is in the field already.
  function address(p) {
    var m = /<([^<>]*)>$/.exec(p);
    return (m ? m[1] : p).toLowerCase();
  }
  // Where the last address typed starts: after the last comma or semicolon
  // outside quotes and angle brackets (as the server splits the field).
  function lastSeparator(value) {
    var cut = -1, quoted = false, angle = false, escaped = false;
    for (var i = 0; i < value.length; i++) {
      var c = value.charAt(i);
      if (escaped) { escaped = false; }
      else if (c === "\\" && quoted) { escaped = true; }
      else if (c === "\"") { quoted = !quoted; }
      else if (c === "<" && !quoted) { angle = true; }
      else if (c === ">" && !quoted) { angle = false; }
      else if ((c === "," || c === ";") && !quoted && !angle) { cut = i; }
    }
    return cut;
  }
  // The addresses already in a field, as a set (lower case).
  function typedAddresses(value) {
    var set = {}, rest = value;
    for (;;) {
      var cut = lastSeparator(rest);
      var item = rest.slice(cut + 1).trim();
      if (item) { set[address(item)] = true; }
      if (cut < 0) { return set; }
      rest = rest.slice(0, cut);
    }
  }
  function offer(input) {
    var value = input.value;
    var cut = lastSeparator(value);
    var before = cut < 0 ? "" : value.slice(0, cut + 1).replace(/\s*$/, " ");
    var typed = value.slice(cut + 1).trim().toLowerCase();
    var chosen = typedAddresses(value);
    var options = people
      .filter(function (p) { return !chosen[address(p)] && (!typed || p.toLowerCase().indexOf(typed) >= 0); })
      .slice(0, 20)
      .map(function (p) { var o = document.createElement("option"); o.value = before + p; return o; });
    list.replaceChildren.apply(list, options);
  }
  ["to", "cc", "bcc"].forEach(function (id) {
    var input = document.getElementById(id);
    if (!input) { return; }
    input.addEventListener("input", function () { offer(input); });
    input.addEventListener("focus", function () { offer(input); });
  });
})();
