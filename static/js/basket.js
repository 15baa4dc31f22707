// The citation basket: paragraphs collected while reading, kept in this browser (localStorage) as their
// addresses ("A/RES/70/126/op5"), across pages. Adds an "Add to basket" button to each paragraph of a
// resolution page and to a paragraph's cite box; on /basket/, shows the paragraphs collected (the server
// renders them from ?p=…) and removes them. Without JavaScript nothing is added and the pages work as before.
(function () {
  "use strict";
  var STORAGE_KEY = "resolutions-basket";

  function read() {
    try {
      var items = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "[]");
      return Array.isArray(items) ? items.filter(function (item) { return typeof item === "string"; }) : [];
    } catch (error) { return []; }
  }
  function write(items) {
    try { window.localStorage.setItem(STORAGE_KEY, JSON.stringify(items)); } catch (error) { /* private mode */ }
    showCount(items);
  }
  function has(address) { return read().indexOf(address) !== -1; }
  function toggle(address) {
    var items = read();
    var at = items.indexOf(address);
    if (at === -1) { items.push(address); } else { items.splice(at, 1); }
    write(items);
    return at === -1;
  }
  function say(message) {
    var status = document.getElementById("basket-status") || document.getElementById("copy-status");
    if (status) { status.textContent = message; }
  }
  function showCount(items) {
    document.querySelectorAll("[data-basket-count]").forEach(function (element) {
      element.textContent = " (" + items.length + (items.length === 1 ? " paragraph)" : " paragraphs)");
    });
  }
  function basketUrl(items) {
    return "/basket/" + (items.length ? "?" + items.map(function (item) {
      return "p=" + encodeURIComponent(item);
    }).join("&") : "");
  }

  // An "Add to basket" button for one paragraph; its name says which paragraph.
  function addButton(container, address, name) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "basket-add";
    button.setAttribute("data-basket-toggle", address);
    var label = document.createElement("span");
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = " " + name;
    function show() {
      var inside = has(address);
      button.setAttribute("aria-pressed", inside ? "true" : "false");
      label.textContent = inside ? "In basket" : "Add to basket";
    }
    button.appendChild(label);
    button.appendChild(hidden);
    show();
    button.addEventListener("click", function () {
      var added = toggle(address);
      show();
      say(added ? name + " added to the basket." : name + " removed from the basket.");
    });
    container.appendChild(button);
  }

  // Each paragraph of a resolution page: its permalink names it.
  document.querySelectorAll(".doc-text .para[id] > a.permalink").forEach(function (link) {
    var address = link.getAttribute("href").replace(/^\/+|\/+$/g, "");
    addButton(link.parentNode, address, address.replace(/\/([^\/]+)$/, " $1"));
  });
  // A paragraph's own page: the cite box names it.
  document.querySelectorAll("[data-basket-box][data-basket-address]").forEach(function (box) {
    var address = box.getAttribute("data-basket-address");
    addButton(box, address, address.replace(/\/([^\/]+)$/, " $1"));
  });
  showCount(read());

  // The basket page: list what this browser collected, remove, empty.
  var page = document.querySelector("[data-basket-page]");
  if (!page) { return; }
  var items = read();
  if (!page.hasAttribute("data-basket-shown") && items.length) {
    window.location.replace(basketUrl(items));
    return;
  }
  document.querySelectorAll("[data-basket-remove]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var address = button.getAttribute("data-basket-remove");
      write(read().filter(function (item) { return item !== address; }));
      var shown = Array.prototype.map.call(document.querySelectorAll("[data-basket-item]"), function (element) {
        return element.getAttribute("data-basket-item");
      }).filter(function (item) { return item !== address; });
      window.location.assign(basketUrl(shown));
    });
  });
  var empty = document.querySelector("[data-basket-empty]");
  if (empty) {
    empty.hidden = false;
    empty.addEventListener("click", function () {
      write([]);
      window.location.assign("/basket/");
    });
  }
})();
