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
