// "Ajouter un territoire": suggests the slug and the host name from the name as one types.
// A field the person edits is theirs: it is no longer filled. The host name follows the
// slug: <slug>.<the hub's host name>.
(function () {
  "use strict";

  // The kind of local government opening the name says nothing a host name needs:
  // "Département de la Gironde" gives gironde, "Région Grand Est" grand-est.
  var KIND_PREFIX = new RegExp(
    "^(?:departement|region|metropole|ville|commune|collectivite(?: territoriale| europeenne)?|" +
      "communaute (?:d'agglomeration|de communes|urbaine))\\s+(?:(?:du|des|de la|de l'|d'|de)\\s*)?"
  );

  function slugify(text) {
    var plain = text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/’/g, "'")
      .trim();
    return (plain.replace(KIND_PREFIX, "") || plain)
      .replace(/'/g, "-")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50)
      .replace(/-+$/g, "");
  }

  function setUp() {
    var name = document.querySelector("[data-territory-name]");
    var slug = document.querySelector("[data-territory-slug]");
    var hostname = document.querySelector("[data-territory-hostname]");
    if (!name || !slug || !hostname) {
      return;
    }
    var hub = hostname.getAttribute("data-hub-hostname") || "";

    function suggestedHostname(slugValue) {
      if (!slugValue) {
        return "";
      }
      return hub ? slugValue + "." + hub : slugValue;
    }

    // A value already there that is not what we would suggest was typed by the person
    // (a form shown again with its errors).
    var slugOwned = slug.value !== "" && slug.value !== slugify(name.value);
    var hostnameOwned =
      hostname.value !== "" && hostname.value !== suggestedHostname(slug.value);

    function fill() {
      if (!slugOwned) {
        slug.value = slugify(name.value);
      }
      if (!hostnameOwned) {
        hostname.value = suggestedHostname(slug.value);
      }
    }

    name.addEventListener("input", fill);
    slug.addEventListener("input", function () {
      slugOwned = true;
      fill();
    });
    hostname.addEventListener("input", function () {
      hostnameOwned = true;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
