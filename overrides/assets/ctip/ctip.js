/* Site-wide fixes to Material's behaviour. Loaded in the head (overrides/main.html), before
   Material's bundle, which starts its requests as it runs and first reads the document on
   DOMContentLoaded. */
(function () {
  "use strict";

  /* Storage that throws or holds garbage must not break Material: its inline scripts and bundle
     read localStorage without a guard (the palette, search, the sidebar), and a reader whose
     browser blocks cookies, or whose palette key is corrupt, would lose search, the palette
     toggle and more. This runs before Material's scripts: blocked storage is replaced by one in
     memory for the page (window.ctipStorageBlocked tells store.js), and values of Material's keys
     that Material could not read are removed. Remove this when Material guards its own access
     (see README, "Storage that fails"). */
  function memoryStorage() {
    var items = {};
    return {
      getItem: function (key) { return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null; },
      setItem: function (key, value) { items[key] = String(value); },
      removeItem: function (key) { delete items[key]; },
      clear: function () { items = {}; },
      key: function (index) { return Object.keys(items)[index] || null; },
      get length() { return Object.keys(items).length; }
    };
  }
  function usable(name) {
    try {
      var storage = window[name];
      storage.setItem("ctip-probe", "1");
      storage.removeItem("ctip-probe");
      return storage;
    } catch (error) {
      return null;
    }
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    var storage = usable(name);
    if (!storage) {
      window.ctipStorageBlocked = true;
      try {
        Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
      } catch (error) { /* not replaceable: Material may still fail */ }
      return;
    }
    for (var i = storage.length - 1; i >= 0; i--) {
      var key = storage.key(i);
      if (!/\.__[\w-]+$/.test(key)) continue;
      try {
        var value = JSON.parse(storage.getItem(key));
        if (/\.__palette$/.test(key) && value !== null && !(typeof value === "object" &&
            typeof value.index === "number" && value.color && typeof value.color === "object")) {
          throw new TypeError("not a palette");
        }
      } catch (error) {
        storage.removeItem(key);
      }
    }
  });

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
