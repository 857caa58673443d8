// Suggestions under every search box that names its suggestions' address (the header's box
// on every page, and the search page's own), for browsers that run JavaScript. Without it,
// the forms work as they are. Each box gets its own list and status, their ids made from the
// box's. The suggestions are plain links: Tab or the down arrow reaches them, the arrows move
// among them, Escape closes them and returns to the box; a status message says how many
// there are.
(function () {
  "use strict";
  if (!window.fetch) return;

  function enhance(input) {
    var list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "search-suggestions";
    list.hidden = true;
    var status = document.createElement("p");
    status.id = input.id + "-suggestions-status";
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.insertBefore(list, input.nextSibling);
    input.parentNode.appendChild(status);
    input.setAttribute("aria-controls", list.id);
    // The browser's own list of past entries would cover ours.
    input.setAttribute("autocomplete", "off");

    var timer = null;
    var latest = 0;

    function close() {
      clearTimeout(timer);
      latest++; // an answer still on its way is not shown
      list.hidden = true;
      list.textContent = "";
      status.textContent = "";
    }

    // Text in another language than the page's is marked as such (an English page lists
    // the French title of a page not translated yet).
    function text(value, language) {
      var span = document.createElement("span");
      span.textContent = value;
      if (language && language !== document.documentElement.lang) span.lang = language;
      return span;
    }

    function show(results) {
      // An answer that comes after the visitor moved on opens nothing over the page.
      if (document.activeElement !== input && !list.contains(document.activeElement)) {
        return close();
      }
      list.textContent = "";
      results.forEach(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = result.url;
        link.appendChild(text(result.title, result.language));
        var detail = document.createElement("small");
        detail.appendChild(document.createTextNode(" — " + result.type));
        if (result.territory) {
          detail.appendChild(document.createTextNode(", "));
          detail.appendChild(text(result.territory, result.territory_language));
        }
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
        .catch(function () { if (ticket === latest) close(); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        // A lookup still pending would rebuild the list under the focus.
        clearTimeout(timer);
        latest++;
        list.querySelector("a").focus();
      } else if (event.key === "Escape" && !list.hidden) {
        // Closes the list and keeps what was typed (a search box's Escape would clear it).
        event.preventDefault();
        close();
      }
    });
    list.addEventListener("keydown", function (event) {
      var current = document.activeElement.closest("li");
      if (!current) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (current.nextElementSibling) current.nextElementSibling.querySelector("a").focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        var previous = current.previousElementSibling;
        (previous ? previous.querySelector("a") : input).focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
        input.focus();
      }
    });
    // The list covers what is below it: it closes when the focus or a click goes elsewhere.
    // (A click on a suggestion may take the focus nowhere first: that case waits for the click.)
    function outside(node) {
      return !node || (node !== input && !list.contains(node));
    }
    function leave(event) {
      if (event.relatedTarget && outside(event.relatedTarget)) close();
    }
    input.addEventListener("focusout", leave);
    list.addEventListener("focusout", leave);
    document.addEventListener("click", function (event) {
      // Even with the list hidden: a lookup still on its way must not open it afterwards.
      if (outside(event.target)) close();
    });
    // Back on the page from the browser's history: the list of before is gone.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) close();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-autocomplete-url]"), enhance);
})();
