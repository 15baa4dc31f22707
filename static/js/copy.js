// Copy buttons: <button data-copy="ID" hidden> copies the text of #ID.
// Without JavaScript the buttons stay hidden and the texts stay selectable.
(function () {
  "use strict";
  var status = document.getElementById("copy-status");
  function say(message) { if (status) { status.textContent = message; } }
  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.textContent.trim();
      selectText(source);
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { say("Copied: " + text); },
          function () { say("Selected. Press Ctrl+C (⌘C) to copy."); }
        );
      } else {
        say("Selected. Press Ctrl+C (⌘C) to copy.");
      }
    });
  });
})();
