// The compose page, enhanced: the draft is saved while the user writes (and
// when the page is left), files are attached by drag and drop or the picker
// as chips with progress and a remove button, and the session's end is
// announced in time to stay signed in. Without this file the form still
// works: Send and Save draft post everything, files included.
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
  var dirty = false, saving = false, uploads = 0, ended = false;

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
    if (status === 401 && json && json.ended) { sessionEnded(json.resume); return null; }
    if (!json || !json.draft) {
      if (status === 403) { sessionEnded(null); } else { saveStatus.textContent = words("save-failed"); }
      return null;
    }
    saved(json);
    if (json.error) { sizeError.textContent = json.error; sizeError.hidden = false; }
    return json;
  }
  function save() {
    if (saving || !dirty) { return; }
    saving = true;
    dirty = false;
    fetch(target, { method: "POST", body: fields({ action: "autosave" }), credentials: "same-origin" })
      .then(function (r) { return r.text().then(function (t) { answered(r.status, t); }); })
      .catch(function () { dirty = true; saveStatus.textContent = words("save-failed"); })
      .then(function () { saving = false; });
  }
  form.addEventListener("input", function (ev) { if (ev.target !== input) { dirty = true; } });
  form.addEventListener("change", function (ev) { if (ev.target !== input) { dirty = true; } });
  window.setInterval(save, SAVE_EVERY_MS);
  // Leaving the page (closed, reloaded, another link): the last words go too.
  var submitting = false;
  form.addEventListener("submit", function () { submitting = true; });
  function leaving() {
    if (dirty && !submitting && navigator.sendBeacon) {
      dirty = !navigator.sendBeacon(target, fields({ action: "autosave" }));
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
    Array.prototype.forEach.call(files, uploadOne);
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
    var data = fields({ action: "autosave" });
    data.append("attachment", file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", target);
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
    }
    xhr.addEventListener("load", function () { finished(); answered(xhr.status, xhr.responseText); });
    xhr.addEventListener("error", function () { finished(); uploadStatus.textContent = words("send-failed"); });
    xhr.send(data);
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
      if (left <= 0) {
        dirty = true;
        save();
        sessionEnded(null);
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
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (json) { sessionLeft(json.left); })
      .catch(function () { sessionEnded(null); });
  });
})();
