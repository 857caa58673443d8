// wagtail-localize's translation editor heads its segments with
// `${sourceLocale.displayName} to ${locale.displayName} translation`, English written into its
// React bundle, which no catalogue reaches. Its template
// (home/templates/wagtail_localize/admin/edit_translation.html) gives this script that heading
// in the active language (data-heading); the script puts it in place of the English one once
// React has rendered the editor (one heading per tab, all rendered at once), then stops
// watching. React leaves the text alone afterwards: the heading's props never change.
(function () {
  "use strict";

  // Read now: document.currentScript is only set while the script first runs.
  var script = document.currentScript;
  var heading = script && script.getAttribute("data-heading");

  function setUp() {
    // The admin loads its scripts before the page's content: the editor is there from
    // DOMContentLoaded, when the bundle renders into it.
    var editor = document.querySelector(".js-translation-editor");
    if (!heading || !editor) {
      return;
    }

    // The English heading, from the names the bundle is given (the editor's props).
    var english;
    try {
      var props = JSON.parse(editor.getAttribute("data-props"));
      english = props.sourceLocale.displayName + " to " + props.locale.displayName + " translation";
    } catch (error) {
      return;
    }

    function replace() {
      var replaced = 0;
      var titles = editor.querySelectorAll("h3");
      for (var i = 0; i < titles.length; i++) {
        var title = titles[i];
        if (title.textContent.trim() !== english) {
          continue;
        }
        // React's own text node keeps its place: only its text changes.
        if (title.childNodes.length === 1 && title.firstChild.nodeType === Node.TEXT_NODE) {
          title.firstChild.nodeValue = heading;
        } else {
          title.textContent = heading;
        }
        replaced++;
      }
      return replaced;
    }

    // Rendered already, or later (the bundle's own DOMContentLoaded handler may render
    // asynchronously).
    if (replace()) {
      return;
    }
    var observer = new MutationObserver(function () {
      if (replace()) {
        observer.disconnect();
      }
    });
    observer.observe(editor, { childList: true, subtree: true, characterData: true });
    // Should the bundle word its heading otherwise one day, stop watching all the same.
    setTimeout(function () {
      observer.disconnect();
    }, 10000);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
