/* Self-check quizzes (HTML from ctip/quiz/render.py). Checks answers only when asked, marks
   options with icon and text, gives feedback, partial credit and a score.

   - Options are shuffled for each reader (single, multiple and scenario questions): the order
     follows a seed kept in the browser, the question and the attempt, so it is the same after a
     reload and in every language, until the reader starts the quiz again. An option marked
     `data-pinned` (pin: last) stays last. Without JavaScript the authored order is shown.
   - Answers are kept by question id, and refer to options (their authored place, the input's
     value), not to positions on the screen: "quiz/<id>" in ctipStore (store.js). An answer to a
     question whose right options have changed since is dropped, and the reader told so.
   - Each change is announced as a "ctip:quiz" event on document (progress.js keeps the result).

   The answer key is read from each question's <details>, which readers without JavaScript open
   instead, so the page has one source of truth. */
(function () {
  "use strict";
  var store = window.ctipStore;
  var P = window.ctipPage;
  var score = P.score;
  var T = P.strings;
  var lang = P.lang;
  var page = P.page;
  var t = P.t;
  var el = P.el;

  function num(n) {
    return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
  }

  function plural(key, n) {
    var forms = T[key] || {};
    return String(forms[new Intl.PluralRules(lang).select(n)] || forms.other || "#").replace("#", num(n));
  }

  function button(parent, key, action) {
    var node = el("button", "ctip-quiz__button ctip-quiz__button--" + key.split(".")[1], t(key));
    node.type = "button";
    node.addEventListener("click", action);
    parent.appendChild(node);
    return node;
  }

  /* A number from a text (FNV-1a), then a small generator: the same shuffle everywhere. */
  function hash(text) {
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    return h >>> 0;
  }

  function shuffled(items, seed) {
    var state = hash(seed) || 1;
    var result = items.slice();
    for (var i = result.length - 1; i > 0; i--) {
      state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
      var j = (state >>> 0) % (i + 1);
      var swap = result[i]; result[i] = result[j]; result[j] = swap;
    }
    return result;
  }

  function readerSeed() {
    var seed = store.get("seed");
    if (typeof seed !== "string") {
      seed = Math.random().toString(36).slice(2) + Date.now().toString(36);
      store.set("seed", seed);
    }
    return seed;
  }

  function clone(node, className) {
    var copy = node.cloneNode(true);
    copy.className = "ctip-js " + className;
    return copy;
  }

  /* Options in the order this reader sees them, pinned options last. */
  function order(q) {
    if (q.kind === "truefalse") return;
    var items = q.items.slice();
    var moving = items.filter(function (item) { return !item.hasAttribute("data-pinned"); });
    var pinned = items.filter(function (item) { return item.hasAttribute("data-pinned"); });
    var seed = readerSeed() + "/" + q.quiz.id + "/" + (store.get("attempt/" + q.quiz.id) || 0) + "/" + q.id;
    shuffled(moving, seed).concat(pinned).forEach(function (item) { q.list.appendChild(item); });
  }

  function render(q) {
    var done = q.done;
    q.form.querySelectorAll(".ctip-js").forEach(function (node) { node.remove(); });
    q.form.classList.toggle("ctip-question--done", !!done);
    q.inputs.forEach(function (input, index) {
      input.disabled = !!done;
      if (!done) return;
      var chosen = done.selected.indexOf(index) >= 0, right = q.key[index];
      input.checked = chosen;
      if (!chosen && !right) return;
      var mark = el("span", "ctip-js ctip-mark");
      if (chosen) mark.appendChild(el("span", "ctip-mark__choice", t("quiz.your_choice")));
      mark.appendChild(el("span", right ? "ctip-mark__ok" : "ctip-mark__bad",
        t(right ? "quiz.right_option" : "quiz.wrong_option")));
      input.parentNode.appendChild(mark);
      var feedback = q.details.querySelectorAll(".ctip-answer__feedback")[index];
      if (feedback) input.parentNode.appendChild(clone(feedback, "ctip-question__feedback"));
    });
    q.check.hidden = q.show.hidden = !!done;
    q.retry.hidden = !done;
    var percent = done ? Math.round(done.score * 100) : 0;
    q.result.className = "ctip-question__result" + (done ? " ctip-question__result--" +
      (done.shown ? "shown" : percent === 100 ? "ok" : percent ? "partial" : "bad") : "");
    q.result.textContent = !done ? (q.changed ? t("quiz.changed") : "") : done.shown ? t("quiz.shown") :
      percent === 100 ? t("quiz.correct") : percent ? t("quiz.partial") + " (" + percent + "%)" : t("quiz.incorrect");
    if (done) {
      q.result.after(clone(q.details.querySelector(".ctip-answer__explanation"), "ctip-question__explanation"));
    }
  }

  function keep(q) {
    store.set("quiz/" + q.id, q.done ? {
      selected: q.done.selected, sign: q.sign, shown: !!q.done.shown, at: Date.now()
    } : null);
  }

  function answer(q, done) {
    q.done = done;
    q.changed = false;
    keep(q);
    render(q);
    summarise(q.quiz);
    if (done) q.result.focus();
  }

  function setupQuestion(form, quiz) {
    var details = form.querySelector(".ctip-answer");
    var truefalse = details.querySelector("[data-answer]");
    var inputs = [].slice.call(form.querySelectorAll("fieldset input"));
    var q = {
      form: form,
      quiz: quiz,
      id: form.getAttribute("data-question-id"),
      kind: form.getAttribute("data-kind"),
      details: details,
      list: form.querySelector(".ctip-question__options"),
      items: [].slice.call(form.querySelectorAll(".ctip-question__option")),
      /* By authored place (the input's value), whatever the order on the screen. */
      inputs: inputs.sort(function (a, b) { return a.value - b.value; }),
      result: form.querySelector(".ctip-question__result"),
      key: truefalse ? [truefalse.dataset.answer === "true", truefalse.dataset.answer === "false"] :
        [].map.call(details.querySelectorAll("[data-correct]"), function (item) {
          return item.dataset.correct === "true";
        })
    };
    q.sign = q.kind + ":" + q.key.map(Number).join("");
    var actions = el("div", "ctip-question__actions");
    q.check = button(actions, "quiz.check", function () {
      var selected = [];
      q.inputs.forEach(function (input, index) { if (input.checked) selected.push(index); });
      if (!selected.length) {
        q.result.className = "ctip-question__result";
        q.result.textContent = t("quiz.choose_first");
      } else {
        answer(q, { selected: selected, score: score(selected, q.key) });
      }
    });
    q.show = button(actions, "quiz.show", function () {
      answer(q, { selected: [], score: 0, shown: true });
    });
    q.retry = button(actions, "quiz.retry", function () {
      reset(q);
      summarise(quiz);
      q.list.querySelector("input").focus();
    });
    details.before(actions);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    details.hidden = true;
    q.result.tabIndex = -1;

    /* An answer from an earlier visit, dropped if the question has changed since. */
    var saved = store.get("quiz/" + q.id);
    var valid = saved && Array.isArray(saved.selected) && saved.selected.every(function (n) {
      return typeof n === "number" && q.key[n] !== undefined;
    });
    if (valid && saved.sign === q.sign) {
      q.done = { selected: saved.selected, shown: !!saved.shown,
        score: saved.shown ? 0 : score(saved.selected, q.key) };
    } else if (saved !== null) {
      q.changed = valid && typeof saved.sign === "string";
      store.remove("quiz/" + q.id);
    }
    order(q);
    render(q);
    return q;
  }

  function reset(q) {
    q.done = null;
    q.changed = false;
    keep(q);
    q.inputs.forEach(function (input) { input.checked = false; });
    render(q);
  }

  function summarise(quiz) {
    var total = quiz.questions.length, answered = 0, points = 0;
    quiz.questions.forEach(function (q) {
      if (q.done) { answered++; points += q.done.score; }
    });
    var percent = Math.round(points / total * 100);
    var complete = answered === total;
    var lines = [t("quiz.count", { questions: plural("quiz.questions", total) }) + " " +
      t("quiz.answered", { answered: num(answered), questions: num(total) })];
    if (answered) lines.push(t("quiz.score", { percent: percent, points: num(points), total: num(total) }));
    if (complete) lines.push(t(percent >= quiz.pass ? "quiz.passed" : "quiz.not_passed", { pass: quiz.pass }));
    quiz.summary.replaceChildren.apply(quiz.summary, lines.map(function (line) { return el("p", "", line); }));
    quiz.summary.className = "ctip-quiz__summary" + (complete ?
      (percent >= quiz.pass ? " ctip-quiz__summary--passed" : " ctip-quiz__summary--failed") : "");
    quiz.restart.hidden = !answered;
    document.dispatchEvent(new CustomEvent("ctip:quiz", { detail: {
      id: quiz.id, page: page.slug || null, answered: answered, total: total, percent: percent,
      pass: quiz.pass, passed: complete && percent >= quiz.pass, complete: complete
    } }));
  }

  function setupQuiz(section) {
    if (section.hasAttribute("data-ctip-ready")) return;
    section.setAttribute("data-ctip-ready", "");
    var pass = parseInt(section.getAttribute("data-pass-mark"), 10);
    var quiz = { id: section.getAttribute("data-quiz-id"), pass: isNaN(pass) ? 80 : pass,
      summary: el("div", "ctip-quiz__summary") };
    quiz.summary.setAttribute("role", "status");
    quiz.summary.setAttribute("aria-live", "polite");
    quiz.summary.setAttribute("aria-atomic", "true");
    if (!store.available && !document.querySelector(".ctip-quiz__storage")) {
      section.querySelector(".ctip-quiz__note").after(el("p", "ctip-quiz__storage", t("quiz.no_storage")));
    }
    quiz.questions = [].map.call(section.querySelectorAll(".ctip-question"), function (form) {
      return setupQuestion(form, quiz);
    });
    section.appendChild(quiz.summary);
    quiz.restart = button(section, "quiz.reset", function () {
      store.set("attempt/" + quiz.id, (store.get("attempt/" + quiz.id) || 0) + 1);
      quiz.questions.forEach(function (q) { reset(q); order(q); });
      summarise(quiz);
      quiz.questions[0].list.querySelector("input").focus();
    });
    summarise(quiz);
  }

  function init() {
    document.querySelectorAll(".ctip-quiz").forEach(setupQuiz);
  }

  if (!store) return; /* store.js missing: the no-JavaScript quiz stays */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
