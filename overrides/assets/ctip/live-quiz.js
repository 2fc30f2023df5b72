/* The module's quiz, run live with a group (loaded by trainer.js only when asked: `?live-quiz`,
   or the button by the quiz in trainer mode).

   One question per screen with big letters A, B, C, D in the AUTHORED order (the input's value;
   quiz.js shuffles the options for self-study), so every participant's voting card or chat
   message means the same option. R reveals the right answer, R again the feedback on every
   option and the explanation. The trainer may type how many chose each letter: the screen then
   shows a bar chart with letters and numbers, and the share who chose right.

   Nothing is stored about participants: the votes live in this script's memory and are gone
   when the trainer leaves the screen. Everything is read from the quiz's own HTML (the
   answer key in details.ctip-answer), so the live quiz and the page cannot disagree. */
(function () {
  "use strict";
  if (window.ctipLiveQuiz) return;
  var trainer = window.ctipTrainer;
  var t = trainer.t;
  var LETTERS = "ABCDEFGHIJKL";
  var FIT_MIN = 0.5;
  var view = null;

  var el = window.ctipPage.el;
  var button = trainer.deckButton;

  /* The children of `node`, copied without ids. */
  function copyInto(target, node) {
    if (!node) return target;
    [].forEach.call(node.childNodes, function (child) {
      var clone = child.cloneNode(true);
      if (clone.querySelectorAll) {
        [clone].concat([].slice.call(clone.querySelectorAll("[id], [for]"))).forEach(function (item) {
          if (item.removeAttribute) { item.removeAttribute("id"); item.removeAttribute("for"); }
        });
      }
      target.appendChild(clone);
    });
    return target;
  }

  function percent(part, whole) {
    return whole ? Math.round(part / whole * 100) : 0;
  }

  function read(form) {
    var details = form.querySelector(".ctip-answer");
    var truefalse = details.querySelector("[data-answer]");
    var key = [].slice.call(details.querySelectorAll(".ctip-answer__option"));
    var options = [].slice.call(form.querySelectorAll(".ctip-question__option")).sort(function (a, b) {
      return a.querySelector("input").value - b.querySelector("input").value;
    });
    return {
      kind: form.getAttribute("data-kind"),
      context: form.querySelector(".ctip-question__case"),
      stem: form.querySelector(".ctip-question__text"),
      options: options.map(function (item) { return item.querySelector("label"); }),
      right: truefalse ? [truefalse.dataset.answer === "true", truefalse.dataset.answer === "false"] :
        key.map(function (item) { return item.dataset.correct === "true"; }),
      feedback: key.map(function (item) { return item.querySelector(".ctip-answer__feedback"); }),
      explanation: details.querySelector(".ctip-answer__explanation"),
      stage: 0, /* 0 question, 1 answer shown, 2 feedback and explanation shown */
      votes: []
    };
  }

  function View(section, start) {
    var self = this;
    this.section = section;
    this.questions = [].map.call(section.querySelectorAll(".ctip-question"), read);
    this.index = Math.max(0, Math.min(start, this.questions.length - 1));
    this.root = el("div", "ctip-deck ctip-live");
    this.root.setAttribute("lang", trainer.lang);
    var title = trainer.page.title || (document.querySelector("h1") || {}).textContent || "";
    var header = el("header", "ctip-deck__header");
    header.appendChild(el("h1", "ctip-live__heading", t("live.title", { title: title.replace(/¶/g, "").trim() })));
    var keys = el("p", "ctip-visually-hidden", t("live.keys"));
    keys.id = "ctip-live-keys";
    header.appendChild(keys);
    this.root.appendChild(header);
    this.stage = el("main", "ctip-deck__stage ctip-live__stage");
    this.stage.tabIndex = -1;
    this.stage.setAttribute("aria-describedby", "ctip-live-keys");
    this.question = el("section", "ctip-live__question");
    this.votes = el("aside", "ctip-live__votes");
    this.stage.appendChild(this.question);
    this.stage.appendChild(this.votes);
    this.root.appendChild(this.stage);
    var bar = this.bar = el("nav", "ctip-deck__bar");
    bar.setAttribute("aria-label", t("live.title", { title: "" }).replace(/[:\s]+$/, ""));
    bar.appendChild(button("ctip-live__previous", t("live.previous"), "←", function () { self.go(self.index - 1); }));
    this.counter = el("span", "ctip-deck__counter");
    bar.appendChild(this.counter);
    bar.appendChild(button("ctip-live__next", t("live.next"), "→", function () { self.go(self.index + 1); }));
    this.reveal = el("button", "ctip-deck__button ctip-live__reveal");
    this.reveal.type = "button";
    this.reveal.addEventListener("click", function () { self.advance(); });
    bar.appendChild(this.reveal);
    bar.appendChild(button("ctip-live__exit", t("present.exit") + " (Esc)", "✕", function () { self.exit(); }));
    this.status = el("p", "ctip-deck__message");
    this.status.setAttribute("role", "status");
    bar.appendChild(this.status);
    bar.appendChild(el("p", "ctip-live__private", t("live.private")));
    this.root.appendChild(bar);
    this.onKey = function (event) { self.key(event); };
    this.onResize = function () { self.fit(); };
  }

  View.prototype.open = function () {
    document.documentElement.classList.add("ctip-presenting");
    document.body.appendChild(this.root);
    window.addEventListener("keydown", this.onKey, true);
    window.addEventListener("resize", this.onResize);
    this.show();
    this.stage.focus();
  };

  View.prototype.go = function (index) {
    if (index < 0 || index >= this.questions.length || index === this.index) return;
    this.index = index;
    this.show();
    this.stage.focus();
  };

  View.prototype.advance = function () {
    var q = this.questions[this.index];
    if (q.stage >= 2) return;
    q.stage++;
    this.show();
    this.status.textContent = t("quiz.correct_answer") + " " + this.rightLetters(q).join(", ");
  };

  View.prototype.rightLetters = function (q) {
    return q.right.map(function (right, index) { return right ? LETTERS[index] : null; })
      .filter(Boolean);
  };

  View.prototype.show = function () {
    var q = this.questions[this.index];
    var total = this.questions.length;
    var question = this.question;
    question.replaceChildren();
    this.question.style.setProperty("--ctip-fit", "1");
    question.setAttribute("aria-label", t("live.counter", { number: this.index + 1, total: total }));
    if (q.context) {
      var context = copyInto(el("div", "ctip-live__case"), q.context);
      question.appendChild(context);
    }
    question.appendChild(copyInto(el("h2", "ctip-live__stem"), q.stem));
    question.appendChild(el("p", "ctip-live__hint", t(q.kind === "multiple" ? "quiz.choose_all" : "quiz.choose_one")));
    var list = el("ul", "ctip-live__options");
    q.options.forEach(function (label, index) {
      var right = q.right[index];
      var item = el("li", "ctip-live__option" + (q.stage && right ? " ctip-live__option--right" : "") +
        (q.stage && !right ? " ctip-live__option--wrong" : ""));
      item.appendChild(el("span", "ctip-live__letter", LETTERS[index]));
      var text = copyInto(el("span", "ctip-live__text"), label);
      item.appendChild(text);
      if (q.stage) {
        item.appendChild(el("span", "ctip-live__verdict", right ? "✓ " + t("quiz.right_option") :
          "✗ " + t("quiz.wrong_option")));
      }
      if (q.stage >= 2 && q.feedback[index]) {
        item.appendChild(copyInto(el("div", "ctip-live__feedback"), q.feedback[index]));
      }
      list.appendChild(item);
    });
    question.appendChild(list);
    if (q.stage >= 2 && q.explanation) {
      question.appendChild(copyInto(el("div", "ctip-live__explanation"), q.explanation));
    }
    this.counter.textContent = t("live.counter", { number: this.index + 1, total: total });
    this.bar.querySelector(".ctip-live__previous").disabled = this.index === 0;
    this.bar.querySelector(".ctip-live__next").disabled = this.index === total - 1;
    this.reveal.textContent = (q.stage ? t("live.explain") : t("live.reveal")) + " (R)";
    this.reveal.disabled = q.stage >= 2;
    this.status.textContent = "";
    this.showVotes(q);
    var url = new URL(location.href);
    url.searchParams.set("live-quiz", String(this.index + 1));
    history.replaceState(history.state, "", url.pathname + "?" + url.searchParams.toString() + url.hash);
    this.fit();
  };

  View.prototype.showVotes = function (q) {
    var self = this;
    this.votes.replaceChildren();
    var fields = el("fieldset", "ctip-live__tally");
    fields.appendChild(el("legend", "", t("live.votes") + " (V)"));
    q.options.forEach(function (label, index) {
      var line = el("p", "ctip-live__field");
      var name = el("label", "", LETTERS[index]);
      var input = el("input");
      input.type = "number";
      input.min = "0";
      input.step = "1";
      input.inputMode = "numeric";
      input.id = "ctip-live-votes-" + index;
      name.htmlFor = input.id;
      input.setAttribute("aria-label", t("live.votes_for", { letter: LETTERS[index] }));
      if (q.votes[index] != null) input.value = String(q.votes[index]);
      input.addEventListener("input", function () {
        var value = parseInt(input.value, 10);
        q.votes[index] = isNaN(value) || value < 0 ? null : value;
        self.chart(q);
      });
      line.appendChild(name);
      line.appendChild(input);
      fields.appendChild(line);
    });
    this.votes.appendChild(fields);
    this.chartBox = el("div", "ctip-live__results");
    this.votes.appendChild(this.chartBox);
    this.chart(q);
  };

  /* Bars with letters and numbers; which option is right only once the answer is shown. */
  View.prototype.chart = function (q) {
    var box = this.chartBox;
    box.replaceChildren();
    var counts = q.options.map(function (label, index) { return q.votes[index] || 0; });
    var total = counts.reduce(function (sum, n) { return sum + n; }, 0);
    if (!total) return;
    var most = Math.max.apply(null, counts);
    var figure = el("figure", "ctip-live__chart");
    var caption = el("figcaption", "", t("live.chart"));
    figure.appendChild(caption);
    var list = el("ul");
    counts.forEach(function (count, index) {
      var right = q.stage && q.right[index];
      var item = el("li", right ? "ctip-live__bar--right" : "");
      item.appendChild(el("span", "ctip-live__letter", LETTERS[index]));
      var track = el("span", "ctip-live__track");
      var fill = el("span", "ctip-live__fill");
      fill.style.width = (most ? count / most * 100 : 0) + "%";
      track.appendChild(fill);
      item.appendChild(track);
      item.appendChild(el("span", "ctip-live__count", count + " (" + percent(count, total) + "%)" +
        (right ? " ✓" : "")));
      list.appendChild(item);
    });
    figure.appendChild(list);
    box.appendChild(figure);
    if (q.stage) {
      var right = counts.reduce(function (sum, n, index) { return sum + (q.right[index] ? n : 0); }, 0);
      var key = q.kind === "multiple" ? "live.share_multiple" : "live.share";
      box.appendChild(el("p", "ctip-live__share", t(key, { right: right, total: total, percent: percent(right, total) })));
    }
  };

  /* Smaller type until the question fits the screen. */
  View.prototype.fit = function () {
    var box = this.question;
    var scale = 1;
    box.style.setProperty("--ctip-fit", "1");
    while (scale > FIT_MIN && box.scrollHeight > box.clientHeight + 1) {
      scale = Math.max(FIT_MIN, scale - 0.05);
      box.style.setProperty("--ctip-fit", String(scale));
    }
  };

  /* Listens first (window, capture), so the page's own shortcuts (Material's P and N, S and F)
     do not act behind the quiz; typing votes reaches the fields. */
  View.prototype.key = function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    var inField = event.target.closest && event.target.closest("input");
    if (inField) {
      if (event.key === "Escape" || event.key === "Enter") {
        event.preventDefault();
        event.stopPropagation();
        this.stage.focus();
      }
      return;
    }
    event.stopPropagation();
    var view = this;
    trainer.deckKey(this, event, this.questions.length - 1, {
      r: function () { view.advance(); },
      v: function () { view.votes.querySelector("input").focus(); }
    });
  };

  View.prototype.exit = function () {
    window.removeEventListener("keydown", this.onKey, true);
    window.removeEventListener("resize", this.onResize);
    this.root.remove();
    document.documentElement.classList.remove("ctip-presenting");
    view = null;
    var url = new URL(location.href);
    url.searchParams.delete("live-quiz");
    var search = url.searchParams.toString();
    history.replaceState(history.state, "", url.pathname + (search ? "?" + search : "") + url.hash);
    var target = this.section.querySelector(".ctip-question") || this.section;
    var header = document.querySelector(".md-header");
    var top = this.section.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, Math.max(0, top - (header ? header.offsetHeight : 0) - 8));
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
  };

  function start(options) {
    if (view) return view;
    var section = document.querySelector(".ctip-quiz");
    if (!section) return null;
    var asked = parseInt(new URLSearchParams(location.search).get("live-quiz"), 10);
    view = new View(section, (options && options.question) || (asked >= 1 ? asked - 1 : 0));
    view.open();
    return view;
  }

  window.ctipLiveQuiz = { start: start, current: function () { return view; } };
})();
