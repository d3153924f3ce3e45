// The secretary's desk: "all present" and "all for" set the marks of every row at once (nothing is sent until the
// one submit); without script the buttons stay hidden and each row's marks are set by hand.
(function () {
  "use strict";
  document.querySelectorAll("[data-all-present], [data-all-hands]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var form = button.closest("form");
      var selector = button.hasAttribute("data-all-present") ? 'input[type="radio"][data-mode="InPerson"]' : 'input[type="radio"][data-choice="' + button.getAttribute("data-all-hands") + '"]';
      form.querySelectorAll(selector).forEach(function (radio) { radio.checked = true; });
    });
  });
})();
