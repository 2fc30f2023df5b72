/* Presentation mode of a module page (loaded by trainer.js only when a page is presented).

   The deck is the page's own `/// slide` blocks (section.ctip-slide), in order. A `##` section
   without one still gives a slide: its heading and its key points (the section's key points
   block, else its first list, else its sub-headings, else its first sentence); so does the part
   before the first `##` section (the module's title and objectives). The facilitator blocks
   inside a slide are its speaker notes; a facilitator block elsewhere in a section belongs to the
   slide before it in that section, else to the section's first slide.

   ?present[=N] shows slide N full-window; ?presenter[=N] is the presenter view, for a second
   window: current and next slide, notes, elapsed and planned time. The two windows keep in step
   through ctipStore ("present/<page slug>": {slide, started}) and the browser's `storage`
   event, which both Chromium and Firefox send between windows of file:// pages too.

   Keys: → Space PageDown next, ← Shift+Space PageUp previous, Home, End, P presenter view,
   F full screen, Esc back to the page at the section of the slide. */
(function () {
  "use strict";
  if (window.ctipPresent) return;
  var trainer = window.ctipTrainer;
  var store = window.ctipStore;
  var t = trainer.t;
  var page = trainer.page;
  var KEY = "present/" + (page.slug || location.pathname);
  var FIT_MIN = 0.4;
  var deck = null;

  var el = window.ctipPage.el;
  var button = trainer.deckButton;

  function words(node) {
    return (node.textContent || "").replace(/¶/g, "").replace(/\s+/g, " ").trim();
  }

  function shorten(text) {
    var sentence = text.split(/(?<=[.!?…])\s/)[0];
    return sentence.length > 140 ? sentence.slice(0, 137).replace(/\s+\S*$/, "") + " …" : sentence;
  }

  /* A copy without ids (no duplicates on the page), links that open in place, no permalinks. */
  function copy(node) {
    var clone = node.cloneNode(true);
    [clone].concat([].slice.call(clone.querySelectorAll("*"))).forEach(function (item) {
      item.removeAttribute("id");
      if (item.hasAttribute && item.hasAttribute("for")) item.removeAttribute("for");
    });
    clone.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
    return clone;
  }

  /* The key points of a section without slides of its own. */
  function keyPoints(nodes) {
    var points = [];
    function items(list) {
      [].forEach.call(list.children, function (item) {
        if (item.tagName !== "LI") return;
        var first = item.cloneNode(true);
        first.querySelectorAll("ul, ol").forEach(function (nested) { nested.remove(); });
        var text = words(first);
        if (text) points.push(shorten(text));
      });
    }
    var summary = null, list = null, subheadings = [], sentence = null;
    nodes.forEach(function (node) {
      if (node.matches(".ctip-quiz, .ctip-live-start")) return;
      if (!summary && node.matches(".key-points, .objectives")) summary = node.querySelector("ul, ol");
      if (!list && node.matches("ul, ol")) list = node;
      if (!list && node.matches(".admonition, details") && !node.matches(".scenario, .content-note")) {
        list = node.querySelector(":scope > ul, :scope > ol");
      }
      if (node.matches("h3")) subheadings.push(shorten(words(node)));
      if (!sentence && node.matches("p") && words(node)) sentence = shorten(words(node));
    });
    if (summary) items(summary);
    else if (list) items(list);
    else if (subheadings.length) points = subheadings;
    else if (sentence) points = [sentence];
    return points.slice(0, 6);
  }

  /* The page's content (an untranslated page's is wrapped in a <div lang>: main.html). */
  function content() {
    var inner = document.querySelector(".md-content__inner");
    return inner.querySelector(":scope > div[lang]") || inner;
  }

  /* The slides of the page, each {title, body (nodes), notes (nodes), anchor, authored}. */
  function slides() {
    var root = content();
    var found = [];
    var section = { anchor: null, heading: root.querySelector("h1"), nodes: [], slides: [], notes: [] };
    var sections = [section];
    [].forEach.call(root.children, function (node) {
      if (node.matches(".ctip-trainer-panel, .ctip-trainer-notice, .ctip-notice, h1")) return;
      if (node.matches("h2")) {
        section = { anchor: node.id || null, heading: node, nodes: [], slides: [], notes: [] };
        sections.push(section);
      } else if (node.matches("section.ctip-slide")) {
        section.slides.push({ node: node, notes: [] });
      } else if (node.matches("aside.ctip-facilitator")) {
        var last = section.slides[section.slides.length - 1];
        (last ? last.notes : section.notes).push(node);
      } else {
        section.nodes.push(node);
      }
    });
    sections.forEach(function (part) {
      var made = part.slides.map(function (slide) {
        var title = slide.node.querySelector(".ctip-slide__title");
        var body = [].filter.call(slide.node.children, function (child) {
          return !child.matches(".ctip-slide__title, aside.ctip-facilitator");
        });
        var notes = [].slice.call(slide.node.querySelectorAll("aside.ctip-facilitator")).concat(slide.notes);
        return { title: title ? words(title) : "", body: body, notes: notes, anchor: part.anchor, authored: true };
      });
      if (!made.length && part.heading) {
        var points = keyPoints(part.nodes);
        var list = el("ul");
        points.forEach(function (point) { list.appendChild(el("li", "", point)); });
        made.push({ title: words(part.heading), body: points.length ? [list] : [], notes: [],
          anchor: part.anchor, authored: false, made: true });
      }
      if (made.length) made[0].notes = part.notes.concat(made[0].notes);
      found = found.concat(made);
    });
    return found;
  }

  /* The planned time of each section, from the trainer's panel (its schedule table). */
  function plan() {
    var result = { total: null, sections: {} };
    var body = document.querySelector(".ctip-trainer-panel tbody[data-module]");
    if (!body) return result;
    result.total = parseInt(body.getAttribute("data-minutes"), 10);
    body.querySelectorAll("tr[data-anchor]").forEach(function (row) {
      var anchor = row.getAttribute("data-anchor");
      var start = parseInt(row.querySelector("[data-offset]").getAttribute("data-offset"), 10);
      var end = start + parseInt(row.getAttribute("data-minutes"), 10);
      var known = result.sections[anchor];
      result.sections[anchor] = known ? { start: Math.min(known.start, start), end: Math.max(known.end, end) } :
        { start: start, end: end };
    });
    return result;
  }

  function clock(minutes, seconds) {
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    var whole = Math.floor(minutes);
    var text = two(Math.floor(whole / 60)) + ":" + two(whole % 60);
    return seconds == null ? text : text + ":" + two(seconds);
  }

  function render(slide, frame, asHeading) {
    frame.replaceChildren();
    frame.style.setProperty("--ctip-fit", "1");
    var box = el("div", "ctip-slide-frame__slide" + (slide.made ? " ctip-slide-frame__slide--made" : ""));
    var title = el(asHeading ? "h2" : "p", "ctip-slide-frame__title", slide.title);
    box.appendChild(title);
    var body = el("div", "ctip-slide-frame__body");
    slide.body.forEach(function (node) { body.appendChild(copy(node)); });
    box.appendChild(body);
    frame.appendChild(box);
    fit(frame, box);
  }

  /* Smaller type until the slide fits its frame: nothing overflows, whatever the text. */
  function fit(frame, box) {
    var scale = 1;
    while (scale > FIT_MIN && (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1)) {
      scale = Math.max(FIT_MIN, scale - 0.05);
      frame.style.setProperty("--ctip-fit", String(scale));
    }
  }

  function languageLinks(index) {
    return [].slice.call(document.querySelectorAll("a.md-select__link[hreflang]"))
      .filter(function (link) { return link.getAttribute("hreflang") !== trainer.lang; })
      .map(function (link) {
        var url = new URL(link.href);
        url.search = "?present=" + (index + 1);
        url.hash = "";
        return { lang: link.getAttribute("hreflang"), name: words(link), href: url.href };
      });
  }

  function wanted(count, list) {
    var params = new URLSearchParams(location.search);
    var asked = parseInt(params.get("presenter") || params.get("present"), 10);
    if (asked >= 1 && asked <= count) return asked - 1;
    var anchor = decodeURIComponent(location.hash.slice(1));
    var first = list.findIndex(function (slide) { return anchor && slide.anchor === anchor; });
    return first >= 0 ? first : 0;
  }

  /* The slide of the section in view, for the Present button. */
  function inView(list) {
    var anchor = null;
    content().querySelectorAll(":scope > h2").forEach(function (heading) {
      if (heading.getBoundingClientRect().top < window.innerHeight / 3) anchor = heading.id;
    });
    var found = list.findIndex(function (slide) { return anchor && slide.anchor === anchor; });
    return found >= 0 ? found : 0;
  }

  function setParam(name, value) {
    var url = new URL(location.href);
    ["present", "presenter", "live-quiz"].forEach(function (key) { url.searchParams.delete(key); });
    if (name) url.searchParams.set(name, value);
    var search = url.searchParams.toString().replace(/=(?=&|$)/g, "");
    return url.pathname + (search ? "?" + search : "") + url.hash;
  }

  function Deck(presenter, start) {
    var self = this;
    this.presenter = presenter;
    this.list = slides();
    this.plan = plan();
    this.index = Math.max(0, Math.min(start, this.list.length - 1));
    this.state = store.get(KEY) || {};
    this.root = el("div", "ctip-deck" + (presenter ? " ctip-deck--presenter" : ""));
    this.root.setAttribute("lang", trainer.lang);
    var title = page.title || words(document.querySelector("h1"));
    var heading = el("h1", presenter ? "ctip-presenter__heading" : "ctip-visually-hidden",
      presenter ? t("present.presenter") + ": " + title : t("present.deck", { title: title }));
    var header = el("header", "ctip-deck__header");
    header.appendChild(heading);
    this.keys = el("p", "ctip-visually-hidden", t("present.keys"));
    this.keys.id = "ctip-deck-keys";
    header.appendChild(this.keys);
    this.root.appendChild(header);
    this.stage = el("main", "ctip-deck__stage");
    this.stage.tabIndex = -1;
    this.stage.setAttribute("aria-describedby", "ctip-deck-keys");
    this.root.appendChild(this.stage);
    if (presenter) this.presenterLayout();
    else {
      this.frame = el("section", "ctip-slide-frame ctip-slide-frame--full");
      this.stage.appendChild(this.frame);
    }
    this.bar = el("nav", "ctip-deck__bar");
    this.bar.setAttribute("aria-label", t("present.deck", { title: title }));
    this.bar.appendChild(button("ctip-deck__previous", t("present.previous"), "←", function () { self.go(self.index - 1); }));
    this.counter = el("span", "ctip-deck__counter");
    this.counter.setAttribute("role", "status");
    this.bar.appendChild(this.counter);
    this.bar.appendChild(button("ctip-deck__next", t("present.next"), "→", function () { self.go(self.index + 1); }));
    this.languages = el("span", "ctip-deck__languages");
    this.bar.appendChild(this.languages);
    if (!presenter) {
      this.bar.appendChild(button("ctip-deck__presenter", t("present.presenter"), t("present.presenter"), function () { self.openPresenter(); }));
      if (document.documentElement.requestFullscreen) {
        this.bar.appendChild(button("ctip-deck__fullscreen", t("present.fullscreen"), t("present.fullscreen"), function () { self.fullscreen(); }));
      }
    }
    this.bar.appendChild(button("ctip-deck__exit", t("present.exit") + " (Esc)", "✕", function () { self.exit(); }));
    this.message = el("p", "ctip-deck__message");
    this.message.setAttribute("role", "alert");
    this.bar.appendChild(this.message);
    this.root.appendChild(this.bar);
    this.onKey = function (event) { self.key(event); };
    this.onStorage = function (event) { self.follow(event); };
    this.onResize = function () { self.show(false); };
  }

  Deck.prototype.presenterLayout = function () {
    var self = this;
    function part(name, key) {
      var box = el("section", "ctip-presenter__" + name);
      var heading = el("h2", "ctip-presenter__label", t(key));
      heading.id = "ctip-presenter-" + name;
      box.setAttribute("aria-labelledby", heading.id);
      box.appendChild(heading);
      self.stage.appendChild(box);
      return box;
    }
    this.frame = el("div", "ctip-slide-frame");
    part("current", "present.current").appendChild(this.frame);
    this.nextFrame = el("div", "ctip-slide-frame");
    part("next", "present.next_up").appendChild(this.nextFrame);
    this.notes = el("div", "ctip-presenter__text");
    part("notes", "present.notes").appendChild(this.notes);
    var time = part("time", "present.elapsed");
    this.elapsed = el("p", "ctip-presenter__elapsed");
    this.elapsed.setAttribute("role", "timer");
    time.appendChild(this.elapsed);
    this.planned = el("p", "ctip-presenter__planned");
    time.appendChild(this.planned);
    if (this.plan.total) time.appendChild(el("p", "", t("present.planned_total", { total: this.plan.total })));
    var reset = el("button", "md-button", t("present.reset"));
    reset.type = "button";
    reset.addEventListener("click", function () { self.restart(); });
    time.appendChild(reset);
    if (!store.available) time.appendChild(el("p", "ctip-deck__warning", t("present.no_sync")));
  };

  Deck.prototype.open = function () {
    var self = this;
    document.documentElement.classList.add("ctip-presenting");
    document.body.appendChild(this.root);
    window.addEventListener("keydown", this.onKey, true);
    window.addEventListener("storage", this.onStorage);
    window.addEventListener("resize", this.onResize);
    if (this.presenter) {
      if (!this.state.started) this.restart();
      this.timer = setInterval(function () { self.tick(); }, 1000);
    }
    this.show(true);
    this.stage.focus();
  };

  Deck.prototype.restart = function () {
    this.state = store.get(KEY) || {};
    this.state.started = Date.now();
    this.state.slide = this.index;
    store.set(KEY, this.state);
    this.tick();
  };

  Deck.prototype.tick = function () {
    if (!this.elapsed) return;
    var state = store.get(KEY) || this.state;
    var seconds = Math.max(0, Math.floor((Date.now() - (state.started || Date.now())) / 1000));
    this.elapsed.textContent = clock(Math.floor(seconds / 60), seconds % 60);
  };

  Deck.prototype.go = function (index) {
    if (index < 0 || index >= this.list.length || index === this.index) return;
    this.index = index;
    this.show(true);
  };

  Deck.prototype.show = function (tell) {
    var slide = this.list[this.index];
    var total = this.list.length;
    this.frame.setAttribute("aria-label", t("present.counter", { number: this.index + 1, total: total }));
    this.counter.textContent = t("present.counter", { number: this.index + 1, total: total }) + " · " + slide.title;
    this.bar.querySelector(".ctip-deck__previous").disabled = this.index === 0;
    this.bar.querySelector(".ctip-deck__next").disabled = this.index === total - 1;
    this.languages.replaceChildren();
    var links = languageLinks(this.index);
    if (links.length) this.languages.appendChild(el("span", "", t("present.languages") + " "));
    links.forEach(function (link, number) {
      var a = el("a", "", link.name);
      a.href = link.href;
      a.hreflang = link.lang;
      a.lang = link.lang;
      if (number) this.languages.appendChild(document.createTextNode(" · "));
      this.languages.appendChild(a);
    }, this);
    /* After the bar: a long title can wrap it onto a second line, and the slide fits what is left. */
    render(slide, this.frame, !this.presenter);
    if (this.presenter) this.showPresenter(slide);
    history.replaceState(history.state, "", setParam(this.presenter ? "presenter" : "present", this.index + 1));
    if (tell) {
      this.state = store.get(KEY) || {};
      this.state.slide = this.index;
      store.set(KEY, this.state);
    }
  };

  Deck.prototype.showPresenter = function (slide) {
    var next = this.list[this.index + 1];
    if (next) render(next, this.nextFrame, false);
    else {
      this.nextFrame.replaceChildren(el("p", "ctip-slide-frame__end", t("present.end")));
    }
    this.notes.replaceChildren();
    if (!slide.notes.length) this.notes.appendChild(el("p", "", t("present.no_notes")));
    slide.notes.forEach(function (note) {
      var clone = copy(note);
      clone.hidden = false;
      clone.className = "ctip-presenter__note";
      this.notes.appendChild(clone);
    }, this);
    var planned = slide.anchor && this.plan.sections[slide.anchor];
    this.planned.textContent = t("present.planned") + ": " + (planned ?
      clock(planned.start) + "–" + clock(planned.end) + " (" +
      t("schedule.minutes_value", { minutes: planned.end - planned.start }) + ")" : "—");
    this.tick();
  };

  /* The other window moved: follow it. */
  Deck.prototype.follow = function (event) {
    if (event.key && event.key.slice(-KEY.length) !== KEY) return;
    var state = store.get(KEY);
    if (!state) return;
    this.state = state;
    if (typeof state.slide === "number" && state.slide !== this.index &&
        state.slide >= 0 && state.slide < this.list.length) {
      this.index = state.slide;
      this.show(false);
    }
    this.tick();
  };

  /* Listens first (window, capture): the page's own shortcuts (Material's P and N for the
     previous and next page, S and F for search) must not act behind the slides. */
  Deck.prototype.key = function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    event.stopPropagation();
    var deck = this;
    trainer.deckKey(this, event, this.list.length - 1, {
      p: function () { if (deck.presenter) return false; deck.openPresenter(); },
      f: function () { if (deck.presenter) return false; deck.fullscreen(); }
    });
  };

  Deck.prototype.openPresenter = function () {
    var url = new URL(location.href);
    url.search = "?presenter=" + (this.index + 1);
    url.hash = "";
    var opened = window.open(url.href, "ctip-presenter", "popup,width=1200,height=760");
    this.message.textContent = opened ? "" : t("present.blocked");
  };

  Deck.prototype.fullscreen = function () {
    if (document.fullscreenElement) document.exitFullscreen();
    else document.documentElement.requestFullscreen().catch(function () { /* refused: stay in the window */ });
  };

  Deck.prototype.exit = function () {
    if (this.presenter && window.opener) {
      window.close();
      return;
    }
    var slide = this.list[this.index];
    clearInterval(this.timer);
    window.removeEventListener("keydown", this.onKey, true);
    window.removeEventListener("storage", this.onStorage);
    window.removeEventListener("resize", this.onResize);
    if (document.fullscreenElement) document.exitFullscreen().catch(function () {});
    this.root.remove();
    document.documentElement.classList.remove("ctip-presenting");
    deck = null;
    var url = setParam(null).replace(/#.*$/, "") + (slide.anchor ? "#" + slide.anchor : "");
    history.replaceState(history.state, "", url);
    var target = slide.anchor ? document.getElementById(slide.anchor) : document.querySelector(".md-content__inner h1");
    if (target) {
      /* Below Material's header, which stays at the top of the window. */
      var header = document.querySelector(".md-header");
      var top = target.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, Math.max(0, top - (header ? header.offsetHeight : 0) - 8));
      target.tabIndex = -1;
      target.focus({ preventScroll: true });
    }
  };

  function start(options) {
    if (deck) return deck;
    var params = new URLSearchParams(location.search);
    var presenter = params.has("presenter") && !options.fromView;
    var list = slides();
    var first = options.fromView ? inView(list) : wanted(list.length, list);
    deck = new Deck(presenter, first);
    deck.open();
    return deck;
  }

  window.ctipPresent = { start: start, slides: slides, current: function () { return deck; } };
})();
