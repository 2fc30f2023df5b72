/* Site-wide fixes to Material's behaviour. Loaded in the head (overrides/main.html), before
   Material's bundle, which starts its requests as it runs and first reads the document on
   DOMContentLoaded. */
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

  /* Material downloads the search index on every first visit, searched or not: tens of KB,
     more for Russian and Turkmen, on connections that are often slow. The request is held back
     until the reader reaches for search (focus, the search button, a shortcut key, or a ?q=
     link). Under file:// the offline edition loads the index with a script, not this request. */
  var held = [];
  var wanted = new URLSearchParams(location.search).has("q");
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.ctipIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.ctipIndex && !wanted) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };
  function wantSearch() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (request) {
      send.apply(request[0], request[1]);
    });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) wantSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") wantSearch();
  });
  document.addEventListener("keydown", function (event) {
    if (["/", "s", "f", "S", "F"].indexOf(event.key) >= 0) wantSearch();
  });

  /* Material's search dialog has role="dialog" but no accessible name. */
  document.addEventListener("DOMContentLoaded", function () {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
    }
  });
})();
