// Sortable votes table: the headers become buttons that order the rows by Member State, code or vote.
// Without JavaScript the table reads as served: grouped by vote, states by name.
(function () {
  "use strict";
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var groups = Array.prototype.slice.call(table.tBodies);
    var rows = [];
    var homes = new Map();
    groups.forEach(function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        if (row.dataset.state) { rows.push(row); homes.set(row, body); }
      });
    });
    var flat = document.createElement("tbody");
    flat.hidden = true;
    table.appendChild(flat);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

    function value(row, key) {
      return key === "vote" ? row.dataset.vote + " " + row.dataset.state : row.dataset[key];
    }

    function sortBy(key, header) {
      var ascending = header.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (cell) { cell.setAttribute("aria-sort", "none"); });
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var grouped = key === "vote" && ascending;  // as served: a group per vote, with its heading
      groups.forEach(function (body) { body.hidden = !grouped; });
      flat.hidden = grouped;
      if (grouped) {
        rows.forEach(function (row) { homes.get(row).appendChild(row); });
        return;
      }
      rows.slice().sort(function (a, b) {
        return (ascending ? 1 : -1) * value(a, key).localeCompare(value(b, key));
      }).forEach(function (row) { flat.appendChild(row); });
    }

    headers.forEach(function (header) {
      var key = header.dataset.sort;
      if (!key) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = header.textContent;
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(key, header); });
    });
  });
})();
