// Suggestions under the search box, for browsers that run JavaScript. Without it, the form
// works as it is. The suggestions are plain links: Tab or the down arrow reaches them, Escape
// closes them; a status message says how many there are.
(function () {
  "use strict";
  var input = document.querySelector("input[data-autocomplete-url]");
  if (!input || !window.fetch) return;

  var list = document.createElement("ul");
  list.id = "search-suggestions";
  list.className = "search-suggestions";
  list.hidden = true;
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.parentNode.insertBefore(list, input.nextSibling);
  input.parentNode.appendChild(status);
  input.setAttribute("aria-controls", list.id);

  var timer = null;
  var latest = 0;

  function close() {
    list.hidden = true;
    list.textContent = "";
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.title;
      var detail = document.createElement("small");
      detail.textContent = " — " + [result.type, result.territory].filter(Boolean).join(", ");
      link.appendChild(detail);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
    var label = input.form.dataset.suggestionsStatus || "";
    status.textContent = results.length ? label + " " + results.length : "";
  }

  function lookup() {
    var query = input.value.trim();
    if (query.length < 2) return close();
    var ticket = ++latest;
    var url = input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(query);
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (ticket === latest) show(data.results); })
      .catch(close);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookup, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && !list.hidden) {
      event.preventDefault();
      list.querySelector("a").focus();
    } else if (event.key === "Escape") {
      close();
    }
  });
  list.addEventListener("keydown", function (event) {
    var current = document.activeElement.closest("li");
    if (event.key === "ArrowDown" && current.nextElementSibling) {
      event.preventDefault();
      current.nextElementSibling.querySelector("a").focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      var previous = current.previousElementSibling;
      (previous ? previous.querySelector("a") : input).focus();
    } else if (event.key === "Escape") {
      close();
      input.focus();
    }
  });
})();
