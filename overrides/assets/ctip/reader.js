/* Every reader, every state: what Material's pages need on a phone and with a keyboard.

   - A table wider than the screen scrolls inside its frame: the frame then takes keyboard focus
     and a name ("Table: <first header>"), so keyboard users can scroll it (WCAG 2.1.1).
   - The navigation drawer of small screens, while closed, is out of the tab order (inert), so
     Tab never lands on links the reader cannot see.
   - The search dialog closes when keyboard focus leaves it, so focus never moves behind its
     overlay.
   Runs after Material has wrapped the tables (document$), and again when the window is resized. */
(function () {
  "use strict";
  var T = {};
  try {
    T = JSON.parse(document.getElementById("__ctip").textContent).t || {};
  } catch (error) { /* the name then stays in English */ }
  var drawerScreen = matchMedia("(max-width: 76.234375em)"); /* Material's own breakpoint */

  function tables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (frame) {
      var wide = frame.scrollWidth > frame.clientWidth + 1;
      if (wide) {
        var header = frame.querySelector("th");
        var name = (T["reader.table"] || "Table: {name}")
          .replace("{name}", header ? header.textContent.trim() : "");
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
