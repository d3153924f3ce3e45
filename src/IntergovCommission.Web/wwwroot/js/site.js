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
