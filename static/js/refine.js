// The search facets: on a phone they stand first, folded behind "Refine" so the hits come into view;
// on a wide screen (the CSS puts them beside the hits) they stay open. Without JavaScript they stay open.
(function () {
  "use strict";
  var refine = document.getElementById("refine");
  if (refine && !window.matchMedia("(min-width: 62em)").matches) { refine.open = false; }
})();
