// Progressive enhancement only: every page works without script.
(function () {
  "use strict";
  // Tie each field's error message to the field, so a screen reader reads it on focus.
  Array.prototype.forEach.call(document.querySelectorAll(".input-validation-error"), function (input) {
    input.setAttribute("aria-invalid", "true");
    var message = input.name ? document.querySelector('[data-valmsg-for="' + CSS.escape(input.name) + '"]') : null;
    if (message && message.textContent.trim() !== "") {
      message.id = message.id || (input.id || input.name) + "-error";
      input.setAttribute("aria-describedby", message.id);
    }
  });
  // Focus the first field with an error so keyboard and screen-reader users land on it.
  var firstError = document.querySelector(".input-validation-error");
  if (firstError && typeof firstError.focus === "function") {
    firstError.focus();
  }
})();

// An irreversible one-click action asks first (a form with data-confirm: closing a vote with members present who
// have not voted, removing an agenda item, making someone an administrator). When the person agrees, the form's
// confirmation field (data-confirm-field) says so to the server, which otherwise shows its own confirmation step.
document.addEventListener("submit", function (e) {
  "use strict";
  var form = e.target;
  var message = form && form.getAttribute ? form.getAttribute("data-confirm") : null;
  if (!message) { return; }
  var field = form.querySelector("[data-confirm-field]");
  if (field && field.value === "true") { return; }
  if (!window.confirm(message)) {
    e.preventDefault();
    e.stopImmediatePropagation();
    return;
  }
  if (field) { field.value = "true"; }
}, true);

// Long lists (issue #15, item 10): a filter box ([data-table-filter], hidden without script) narrows the rows of the
// tables in its [data-filter-scope] to those holding every typed word, and opens the folded groups that hold a match;
// on a phone, groups marked data-fold-on-phone start folded so 28 people are a few lines, not 4,000 px.
(function () {
  "use strict";
  function norm(s) { return String(s || "").toLocaleLowerCase().replace(/\s+/g, " ").trim(); }
  function apply(input) {
    var scope = input.closest("[data-filter-scope]") || document;
    var words = norm(input.value).split(" ").filter(function (w) { return w.length > 0; });
    var shown = 0;
    scope.querySelectorAll("tbody tr").forEach(function (row) {
      var text = norm(row.textContent);
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !match;
      if (match) { shown++; }
    });
    if (words.length > 0) {
      scope.querySelectorAll("details").forEach(function (d) {
        if (d.querySelector("tbody tr:not([hidden])")) { d.open = true; }
      });
    }
    var none = input.closest("[data-table-filter]").querySelector("[data-filter-none]");
    if (none) { none.hidden = !(words.length > 0 && shown === 0); }
  }
  function wake() {
    document.querySelectorAll("[data-table-filter]").forEach(function (box) {
      box.hidden = false;
      var input = box.querySelector("input");
      if (input && input.value) { apply(input); }
    });
  }
  document.addEventListener("input", function (e) {
    if (e.target && e.target.closest && e.target.closest("[data-table-filter]")) { apply(e.target); }
  });
  document.addEventListener("panel:refreshed", wake);
  if (window.matchMedia && window.matchMedia("(max-width: 640px)").matches) {
    document.querySelectorAll("details[data-fold-on-phone]").forEach(function (d) { d.open = false; });
  }
  wake();
})();

// Long actions show that they are under way (issue #15, item 12). A form marked data-busy="Signing…" disables its
// buttons once sent and its button says the word, so a second tap does not sign twice. A file form marked
// data-upload-progress is sent by XMLHttpRequest with a progress bar (its antiforgery field goes with the form data);
// the answer (the page again with its message, or the page the server redirects to) replaces this one. Without
// script both are plain forms.
(function () {
  "use strict";
  function format(template, args) {
    return String(template || "").replace(/\{(\d+)\}/g, function (_, i) { return args[+i] !== undefined ? String(args[+i]) : ""; });
  }
  function buttons(form) { return form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]"); }
  function busy(form, submitter, word) {
    form.setAttribute("data-sending", "true");
    form.setAttribute("aria-busy", "true");
    // Later than the submit event, so the pressed button's own name and value still go with the form.
    setTimeout(function () {
      buttons(form).forEach(function (b) { b.disabled = true; });
      if (submitter && word) {
        submitter.setAttribute("data-idle-text", submitter.textContent);
        submitter.textContent = word;
      }
    }, 0);
  }
  function idle(form) {
    form.removeAttribute("data-sending");
    form.removeAttribute("aria-busy");
    buttons(form).forEach(function (b) {
      b.disabled = false;
      if (b.hasAttribute("data-idle-text")) { b.textContent = b.getAttribute("data-idle-text"); b.removeAttribute("data-idle-text"); }
    });
  }

  function upload(form, submitter) {
    var bar = form.querySelector("[data-upload-bar]");
    var status = form.querySelector("[data-upload-status]");
    var data = new FormData(form);
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action || location.href);
    xhr.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) { return; }
      var percent = Math.floor(e.loaded * 100 / e.total);
      if (bar) { bar.hidden = false; bar.value = percent; }
      if (status) { status.textContent = format(status.getAttribute("data-l-progress"), [percent]); }
    });
    xhr.addEventListener("load", function () {
      var type = xhr.getResponseHeader("Content-Type") || "";
      if (type.indexOf("text/html") === 0 && xhr.responseText) {
        // The server's answer is a whole page: show it as if the form had been sent the plain way.
        var url = xhr.responseURL || location.href;
        document.open();
        document.write(xhr.responseText);
        document.close();
        if (url !== location.href) { history.replaceState(null, "", url); }
        return;
      }
      failed();
    });
    xhr.addEventListener("error", failed);
    xhr.addEventListener("abort", failed);
    function failed() {
      idle(form);
      if (bar) { bar.hidden = true; }
      if (status) { status.textContent = status.getAttribute("data-l-failed") || ""; status.classList.add("field-error"); }
    }
    if (bar) { bar.hidden = false; bar.value = 0; }
    if (status) { status.classList.remove("field-error"); status.textContent = format(status.getAttribute("data-l-progress"), [0]); }
    xhr.send(data);
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (e.defaultPrevented || !form || !form.hasAttribute) { return; }
    var uploads = form.hasAttribute("data-upload-progress");
    var word = form.getAttribute("data-busy");
    if (!uploads && word === null) { return; }
    if (form.getAttribute("data-sending") === "true") { e.preventDefault(); return; }
    var submitter = e.submitter || null;
    busy(form, submitter, uploads ? null : word);
    if (uploads && window.FormData && window.XMLHttpRequest) {
      e.preventDefault();
      upload(form, submitter);
    }
  });
  // Back to a page kept by the browser: its forms can be sent again.
  window.addEventListener("pageshow", function (e) {
    if (e.persisted) { document.querySelectorAll("form[data-sending]").forEach(idle); }
  });
})();
