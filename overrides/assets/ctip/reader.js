/* Every reader, every state: what Material's pages need on a phone and with a keyboard.

   - A table wider than the screen scrolls inside its frame: the frame then takes keyboard focus
     and a name (its caption, or "Table: <first header>"), so keyboard users can scroll it (WCAG 2.1.1).
   - The navigation drawer of small screens, while closed, is out of the tab order (inert), so
     Tab never lands on links the reader cannot see.
   - The search dialog closes when keyboard focus leaves it, so focus never moves behind its
     overlay.
   Runs after Material has wrapped the tables (document$), and again when the window is resized. */
(function () {
  "use strict";
  var T = window.ctipPage.strings;
  var drawerScreen = matchMedia("(max-width: 76.234375em)"); /* Material's own breakpoint */

  function tables() {
    var named = {};
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (frame) {
      var wide = frame.scrollWidth > frame.clientWidth + 1;
      if (wide) {
        // A table's caption names it; else its first header. Names stay unique on the page, as
        // each region is a landmark screen readers list by name.
        var caption = frame.querySelector("caption");
        var header = frame.querySelector("th");
        var name = caption ? caption.textContent.trim() : (T["reader.table"] || "Table: {name}")
          .replace("{name}", header ? header.textContent.trim() : "");
        named[name] = (named[name] || 0) + 1;
        if (named[name] > 1) name += " (" + named[name] + ")";
        frame.setAttribute("tabindex", "0");
        frame.setAttribute("role", "region");
        frame.setAttribute("aria-label", name);
      } else if (frame.getAttribute("role") === "region") {
        frame.removeAttribute("tabindex");
        frame.removeAttribute("role");
        frame.removeAttribute("aria-label");
      }
    });
  }

  function drawer() {
    var toggle = document.getElementById("__drawer");
    var nav = document.querySelector(".md-sidebar--primary");
    if (!toggle || !nav) return;
    nav.inert = drawerScreen.matches && !toggle.checked;
  }

  function setup() {
    tables();
    drawer();
  }

  document.addEventListener("change", function (event) {
    if (event.target.id === "__drawer") drawer();
  });
  document.addEventListener("focusin", function (event) {
    var toggle = document.getElementById("__search");
    if (toggle && toggle.checked && !event.target.closest(".md-search")) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  drawerScreen.addEventListener("change", drawer);
  window.addEventListener("resize", tables);
  if (window.document$) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
