// Progressive enhancement only: every page works without script.
(function () {
  "use strict";
  // Focus the first field with an error so keyboard and screen-reader users land on it.
  var firstError = document.querySelector(".input-validation-error");
  if (firstError && typeof firstError.focus === "function") {
    firstError.focus();
  }
})();
