/* Site-wide fixes to Material's behaviour. Runs before DOMContentLoaded (a plain script after
   Material's bundle), which is when Material first reads the document. */
(function () {
  "use strict";

  /* Material fetches sitemap.xml relative to every <link rel="alternate"> to support instant
     navigation between languages. The hreflang links point at pages, not language roots, so each
     fetch is a 404 (and a CORS error from file://). The links are for crawlers reading the HTML;
     the live document does not need them. */
  document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
    link.remove();
  });

  /* Material's search worker appends "*" to every query term for search-as-you-type, and lunr
     skips stemming for such wildcard terms, so "migrants" never met the stem "migrant" that the
     index holds. Each plain term is sent twice: "term^" (Material keeps it whole, so lunr stems
     it) and "term" (which Material turns into the prefix query). Message type 2 is Material's
     query message; under file:// the offline shim's Worker class is the one patched. */
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") {
      var terms = message.data.split(/\s+/).map(function (term) {
        return /^[\p{L}\p{N}]+$/u.test(term) ? term + "^ " + term : term;
      });
      arguments[0] = { type: 2, data: terms.join(" ") };
    }
    return post.apply(this, arguments);
  };

  /* Material's search dialog has role="dialog" but no accessible name. */
  document.addEventListener("DOMContentLoaded", function () {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
    }
  });
})();
