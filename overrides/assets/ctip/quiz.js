/* Self-check quizzes (HTML from ctip/quiz/render.py). Checks answers only when asked, marks
   options with icon and text, gives feedback, partial credit and a score, and keeps progress in
   localStorage per question id, so it carries over between the languages of the site. The answer
   key is read from each question's <details>, which readers without JavaScript open instead. */
(function () {
  "use strict";
  var PREFIX = "ctip.quiz.v1.";
  var T = {};
  var lang = "en";

  function t(key, values) {
    var text = String(T[key] == null ? key : T[key]);
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(values[name]);
    });
    return text;
  }

  function num(n) {
    return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
  }

  function plural(key, n) {
    var forms = T[key] || {};
    return String(forms[new Intl.PluralRules(lang).select(n)] || forms.other || "#").replace("#", num(n));
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function button(parent, key, action) {
    var node = el("button", "ctip-quiz__button ctip-quiz__button--" + key.split(".")[1], t(key));
    node.type = "button";
    node.addEventListener("click", action);
    parent.appendChild(node);
    return node;
  }

  /* Storage may be missing or throw (privacy settings); answers then last as long as the page. */
  function store(id, value, read) {
    try {
      var storage = window.localStorage;
      if (read) return storage.getItem(PREFIX + id);
      if (value) storage.setItem(PREFIX + id, JSON.stringify(value));
      else storage.removeItem(PREFIX + id);
    } catch (error) {
      var note = document.querySelector(".ctip-quiz__note");
      if (note && !document.querySelector(".ctip-quiz__storage")) {
        note.after(el("p", "ctip-quiz__storage", t("quiz.no_storage")));
      }
    }
    return null;
  }

  function score(selected, key) {
    var right = 0, wrong = 0, total = 0;
    key.forEach(function (correct, index) {
      if (correct) total++;
      if (selected.indexOf(index) >= 0) correct ? right++ : wrong++;
    });
    return Math.max(0, (right - wrong) / total);
  }

  function clone(node, className) {
    var copy = node.cloneNode(true);
    copy.className = "ctip-js " + className;
    return copy;
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
    q.result.textContent = !done ? "" : done.shown ? t("quiz.shown") : percent === 100 ?
      t("quiz.correct") : percent ? t("quiz.partial") + " (" + percent + "%)" : t("quiz.incorrect");
    if (done) {
      q.result.after(clone(q.details.querySelector(".ctip-answer__explanation"), "ctip-question__explanation"));
    }
  }

  function answer(q, done) {
    q.done = done;
    store(q.id, done);
    render(q);
    summarise(q.quiz);
    if (done) q.result.focus();
  }

  function setupQuestion(form, quiz) {
    var details = form.querySelector(".ctip-answer");
    var truefalse = details.querySelector("[data-answer]");
    var q = {
      form: form,
      quiz: quiz,
      id: form.getAttribute("data-question-id"),
      details: details,
      inputs: [].slice.call(form.querySelectorAll("fieldset input")),
      result: form.querySelector(".ctip-question__result"),
      key: truefalse ? [truefalse.dataset.answer === "true", truefalse.dataset.answer === "false"] :
        [].map.call(details.querySelectorAll("[data-correct]"), function (item) {
          return item.dataset.correct === "true";
        })
    };
    var sign = form.getAttribute("data-kind") + ":" + q.key.map(Number).join("");
    var actions = el("div", "ctip-question__actions");
    q.check = button(actions, "quiz.check", function () {
      var selected = [];
      q.inputs.forEach(function (input, index) { if (input.checked) selected.push(index); });
      if (!selected.length) {
        q.result.className = "ctip-question__result";
        q.result.textContent = t("quiz.choose_first");
      } else {
        answer(q, { selected: selected, score: score(selected, q.key), key: sign });
      }
    });
    q.show = button(actions, "quiz.show", function () {
      answer(q, { selected: [], score: 0, key: sign, shown: true });
    });
    q.retry = button(actions, "quiz.retry", function () {
      reset(q);
      summarise(quiz);
      (q.inputs[0] || q.form).focus();
    });
    details.before(actions);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    details.hidden = true;
    q.result.tabIndex = -1;

    /* Progress from an earlier visit, dropped if the question's answer key has changed. */
    var raw = store(q.id, null, true), saved = null;
    try {
      saved = JSON.parse(raw);
    } catch (error) { /* corrupt: dropped below */ }
    if (saved && saved.key === sign && Array.isArray(saved.selected) &&
        saved.selected.every(function (n) { return typeof n === "number" && q.key[n] !== undefined; })) {
      q.done = { selected: saved.selected, key: sign, shown: !!saved.shown,
        score: saved.shown ? 0 : score(saved.selected, q.key) };
    } else if (raw !== null) {
      store(q.id, null);
    }
    render(q);
    return q;
  }

  function reset(q) {
    q.done = null;
    store(q.id, null);
    q.inputs.forEach(function (input) { input.checked = false; });
    render(q);
  }

  function summarise(quiz) {
    var total = quiz.questions.length, answered = 0, points = 0;
    quiz.questions.forEach(function (q) {
      if (q.done) { answered++; points += q.done.score; }
    });
    var percent = Math.round(points / total * 100);
    var lines = [t("quiz.count", { questions: plural("quiz.questions", total) }) + " " +
      t("quiz.answered", { answered: num(answered), questions: num(total) })];
    if (answered) lines.push(t("quiz.score", { percent: percent, points: num(points), total: num(total) }));
    if (answered === total) lines.push(t(percent >= quiz.pass ? "quiz.passed" : "quiz.not_passed", { pass: quiz.pass }));
    quiz.summary.replaceChildren.apply(quiz.summary, lines.map(function (line) { return el("p", "", line); }));
    quiz.summary.className = "ctip-quiz__summary" + (answered === total ?
      (percent >= quiz.pass ? " ctip-quiz__summary--passed" : " ctip-quiz__summary--failed") : "");
    quiz.restart.hidden = !answered;
  }

  function setupQuiz(section) {
    if (section.hasAttribute("data-ctip-ready")) return;
    section.setAttribute("data-ctip-ready", "");
    var pass = parseInt(section.getAttribute("data-pass-mark"), 10);
    var quiz = { pass: isNaN(pass) ? 80 : pass, summary: el("div", "ctip-quiz__summary") };
    quiz.summary.setAttribute("role", "status");
    quiz.summary.setAttribute("aria-live", "polite");
    quiz.summary.setAttribute("aria-atomic", "true");
    quiz.questions = [].map.call(section.querySelectorAll(".ctip-question"), function (form) {
      return setupQuestion(form, quiz);
    });
    section.appendChild(quiz.summary);
    quiz.restart = button(section, "quiz.reset", function () {
      quiz.questions.forEach(reset);
      summarise(quiz);
      quiz.questions[0].inputs[0].focus();
    });
    summarise(quiz);
  }

  function init() {
    var data = {};
    try {
      data = JSON.parse(document.getElementById("__ctip").textContent);
    } catch (error) { /* labels then show their keys; the quiz still works */ }
    T = data.t || {};
    lang = data.lang || document.documentElement.lang || "en";
    document.querySelectorAll(".ctip-quiz").forEach(setupQuiz);
  }

  /* Material's document$ emits on load and after every instant navigation. */
  if (window.document$) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
