/* Trainer mode, on every page: one toggle button in the header, or `?trainer` in any URL
   (`?trainer=off` turns it off). The choice is kept in ctipStore ("trainer"), which every page
   of the site shares, in every language, under file:// too.

   In trainer mode the page shows its notes for trainers (aside.ctip-facilitator), the module's
   schedule (aside.ctip-trainer-panel), the discussion of each scenario (details.answer) and the
   quiz's answer key (details.ctip-answer), and says plainly that none of it is secret.

   It also loads, only when asked, the scripts of the trainer's other views, so learners' pages
   carry none of their weight: present.js (`?present`, `?presenter`, the Present button),
   live-quiz.js (`?live-quiz`, the button by the quiz) and planner.js (the session planner). */
(function () {
  "use strict";
  var store = window.ctipStore;
  if (!store) return;
  var P = window.ctipPage;
  var data = P.data;
  var T = P.strings;
  var lang = P.lang;
  var page = P.page;
  var el = P.el;
  var button = P.button;
  var params = new URLSearchParams(location.search);
  var own = document.currentScript ? document.currentScript.src : "";
  var base = own.replace(/trainer\.js(?:[?#].*)?$/, "");
  var ICON = "M20 17a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2H9.46c.35.61.54 1.3.54 2h10v11h-9v2m4-10v2H9v13H7v-6H5v6H3v-8H1.5V9a2 2 0 0 1 2-2H15M8 4a2 2 0 0 1-2 2 2 2 0 0 1-2-2 2 2 0 0 1 2-2 2 2 0 0 1 2 2Z";
  var on = false;
  var toggle, notice;
  var loaded = {};

  /* A string of the page's data, or of the views' strings (strings/<lang>.js, loaded with the
     views: pages do not carry them). */
  function raw(key) {
    if (T[key] != null) return T[key];
    var views = (window.ctipViewStrings || {})[lang] || {};
    return views[key];
  }

  function t(key, values) {
    return P.fill(raw(key) == null ? key : raw(key), values);
  }

  /* The keys the slides and the live quiz share: next, previous, first, last, back to the page.
     `own` adds the view's own keys (lower-case key -> action; an action that returns false lets
     the key pass). Space on a button or link presses it instead. */
  function deckKey(view, event, last, own) {
    var onControl = event.target.closest && event.target.closest("button, a");
    var handled = true;
    switch (event.key) {
      case "ArrowRight": case "PageDown": view.go(view.index + 1); break;
      case "ArrowLeft": case "PageUp": view.go(view.index - 1); break;
      case " ":
        if (onControl) { handled = false; break; }
        view.go(event.shiftKey ? view.index - 1 : view.index + 1);
        break;
      case "Home": view.go(0); break;
      case "End": view.go(last); break;
      case "Escape": view.exit(); break;
      default:
        var action = own[String(event.key).toLowerCase()];
        handled = action ? action() !== false : false;
    }
    if (handled) event.preventDefault();
  }

  /* A button of the slides' and the live quiz's toolbar: an icon, named for screen readers. */
  function deckButton(className, label, text, action) {
    var node = button("ctip-deck__button " + className, text, action);
    node.setAttribute("aria-label", label);
    node.title = label;
    return node;
  }

  function script(src, then) {
    var node = document.createElement("script");
    node.src = src;
    node.addEventListener("load", then);
    node.addEventListener("error", then); /* without strings, labels show their keys */
    document.body.appendChild(node);
  }

  /* A script of a trainer's view, once, after the views' strings; the full-window views also
     get present.css. */
  function load(name, then) {
    if (loaded[name]) {
      if (loaded[name] === true) { if (then) then(); } else loaded[name].push(then);
      return;
    }
    loaded[name] = [then];
    if (name !== "planner.js" && !document.querySelector("link.ctip-present-css")) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.className = "ctip-present-css";
      css.href = base + "present.css";
      document.head.appendChild(css);
    }
    var strings = (window.ctipViewStrings || {})[lang] ? function (next) { next(); } :
      function (next) { script(base + "strings/" + lang + ".js", next); };
    strings(function () {
      script(base + name, function () {
        var waiting = loaded[name];
        loaded[name] = true;
        waiting.forEach(function (run) { if (run) run(); });
      });
    });
  }

  function setOn(value, keep) {
    on = !!value;
    if (keep) store.set("trainer", on);
    document.documentElement.classList.toggle("ctip-trainer", on);
    if (toggle) toggle.setAttribute("aria-pressed", String(on));
    /* Discussions of scenarios and the quiz's answer key open; closed again when it is off. */
    document.querySelectorAll("details.answer, details.ctip-answer").forEach(function (details) {
      if (on) {
        if (!details.open) details.setAttribute("data-ctip-opened", "");
        details.open = true;
        if (details.classList.contains("ctip-answer") && details.hidden) {
          details.hidden = false;
          details.setAttribute("data-ctip-shown", "");
        }
      } else {
        if (details.hasAttribute("data-ctip-opened")) details.open = false;
        if (details.hasAttribute("data-ctip-shown")) details.hidden = true;
        details.removeAttribute("data-ctip-opened");
        details.removeAttribute("data-ctip-shown");
      }
    });
    if (notice) notice.hidden = !on;
  }

  function headerToggle() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner) return;
    var option = el("div", "md-header__option ctip-trainer-toggle");
    toggle = button("md-header__button md-icon", null, function () { setOn(!on, true); });
    toggle.setAttribute("aria-pressed", String(on));
    toggle.setAttribute("aria-label", t("trainer.mode"));
    toggle.title = t("trainer.mode");
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", ICON);
    svg.appendChild(path);
    toggle.appendChild(svg);
    option.appendChild(toggle);
    var before = inner.querySelector(".md-select") ? inner.querySelector(".md-select").parentNode :
      inner.querySelector('label[for="__search"]');
    inner.insertBefore(option, before || null);
  }

  function pageNotice() {
    var content = document.querySelector(".md-content__inner");
    if (!content) return;
    notice = el("aside", "ctip-notice ctip-trainer-notice");
    notice.setAttribute("role", "note");
    notice.setAttribute("aria-label", t("trainer.mode"));
    notice.appendChild(el("p", "", t("trainer.on")));
    notice.appendChild(el("p", "", t("trainer.not_secret")));
    if (!store.available) notice.appendChild(el("p", "", t("trainer.no_storage")));
    var actions = el("p", "ctip-trainer-notice__actions");
    actions.appendChild(button("md-button", t("trainer.turn_off"), function () {
      setOn(false, true);
      if (toggle) toggle.focus();
    }));
    notice.appendChild(actions);
    notice.hidden = !on;
    var title = content.querySelector("h1");
    if (title) title.after(notice);
    else content.prepend(notice);
  }

  function present(options) {
    load("present.js", function () { window.ctipPresent.start(options || {}); });
  }

  function liveQuiz(options) {
    load("live-quiz.js", function () { window.ctipLiveQuiz.start(options || {}); });
  }

  /* Module pages: Present and the live quiz, in the trainer's panel and by the quiz. */
  function moduleActions() {
    var actions = document.querySelector(".ctip-trainer-panel__actions");
    var quiz = document.querySelector(".ctip-quiz");
    if (!actions) return;
    actions.appendChild(button("md-button md-button--primary", t("trainer.present"), function () {
      present({ fromView: true });
    }));
    if (quiz) {
      actions.appendChild(button("md-button", t("trainer.live_quiz"), function () { liveQuiz(); }));
      var by = el("p", "ctip-trainer-only ctip-live-start");
      by.appendChild(button("md-button", t("trainer.live_quiz"), function () { liveQuiz(); }));
      quiz.before(by);
    }
  }

  function init() {
    if (params.has("trainer")) {
      var value = (params.get("trainer") || "").toLowerCase();
      setOn(["0", "off", "false", "no"].indexOf(value) < 0, true);
    } else {
      setOn(store.get("trainer") === true, false);
    }
    headerToggle();
    pageNotice();
    if (page.kind === "module") moduleActions();
    setOn(on, false);
    if (page.kind === "module" && (params.has("present") || params.has("presenter"))) present();
    else if (page.kind === "module" && params.has("live-quiz")) liveQuiz();
    if (document.querySelector(".ctip-planner")) load("planner.js", null);
    /* Another window (or tab) switched trainer mode: follow it. */
    window.addEventListener("storage", function () {
      var stored = store.get("trainer") === true;
      if (stored !== on) setOn(stored, false);
    });
  }

  window.ctipTrainer = {
    t: t, raw: raw, lang: lang, page: page, data: data, base: base, load: load,
    deckButton: deckButton, deckKey: deckKey,
    isOn: function () { return on; }, present: present, liveQuiz: liveQuiz
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
