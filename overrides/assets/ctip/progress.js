/* The learner's progress, kept in this browser only (store.js):

   - every page visited ("visit/<slug>") and the last page and section read ("last");
   - on a module page, the module's questions ("module/<slug>"), so that badges anywhere can say
     where the reader stands from the answers quiz.js keeps ("quiz/<id>");
   - badges on the module cards and on the learning path pages; "Continue where you left off" on
     the home page; the "My progress" page (/// progress): modules, paths, export, import, clear,
     and the statement of completion.

   A module is "not started", "in progress" (visited, or some questions answered), "passed"
   (every question answered, the score at or above the pass mark, with the time of the last
   answer) or "not passed" (every question answered, the score below the pass mark). Answers to questions that have changed since are not counted. */
(function () {
  "use strict";
  var store = window.ctipStore;
  if (!store) return;
  var P = window.ctipPage;
  var data = P.data;
  var lang = P.lang;
  var page = P.page;
  var t = P.t;
  var el = P.el;
  var home = new URL(page.home || "./", location);

  /* Where the browser has no locale data for the language (Chromium has no Turkmen), a numeric
     date and a 24-hour time rather than another language's month names. */
  var native = Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0;

  function when(time) {
    var date = new Date(time);
    if (native) return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(date);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(date.getDate()) + "." + two(date.getMonth() + 1) + "." + date.getFullYear() + " " +
      two(date.getHours()) + ":" + two(date.getMinutes());
  }

  /* -- What the reader has done -------------------------------------------------------------- */

  /* A question's sign ("multiple:0110") holds its key. */
  function points(sign, selected) {
    return P.score(selected, sign.split(":")[1].split("").map(function (bit) { return bit === "1"; }));
  }

  /* {state, answered, total, percent, at} of a module, from its questions and the answers. */
  function status(slug, module) {
    module = module || store.get("module/" + slug);
    var visited = store.get("visit/" + slug);
    var result = { state: visited ? "in_progress" : "not_started", answered: 0, total: 0 };
    if (!module || !Array.isArray(module.questions)) return result;
    var score = 0, at = 0;
    result.total = module.questions.length;
    module.questions.forEach(function (question) {
      var answer = store.get("quiz/" + question.id);
      if (!answer || answer.sign !== question.sign || !Array.isArray(answer.selected)) return;
      result.answered++;
      score += answer.shown ? 0 : points(question.sign, answer.selected);
      at = Math.max(at, answer.at || 0);
    });
    if (result.answered) result.state = "in_progress";
    result.percent = result.total ? Math.round(score / result.total * 100) : 0;
    result.pass = module.pass || 80;
    if (result.total && result.answered === result.total) {
      result.state = result.percent >= result.pass ? "passed" : "not_passed";
      result.at = at;
    }
    return result;
  }

  function describe(result) {
    if (result.state === "passed") {
      return t("progress.status.passed", { percent: result.percent, date: when(result.at || Date.now()) });
    }
    if (result.state === "not_passed") {
      return t("progress.status.not_passed", { percent: result.percent, pass: result.pass });
    }
    if (result.answered) {
      return t("progress.status.in_progress") + " · " +
        t("progress.status.answered", { answered: result.answered, total: result.total });
    }
    return t("progress.status." + result.state);
  }

  function badge(node, slug, module) {
    var result = status(slug, module);
    node.textContent = describe(result);
    node.className = "ctip-badge ctip-badge--" + result.state.replace("_", "-");
    return result;
  }

  /* -- Recording where the reader is --------------------------------------------------------- */

  function relative(url) {
    var path = new URL(url, location).pathname;
    return path.indexOf(home.pathname) === 0 ? path.slice(home.pathname.length) : null;
  }

  function remember(anchor) {
    if (!page.slug) return;
    store.set("last", { slug: page.slug, path: relative(location.href), anchor: anchor || "",
      title: page.title, at: Date.now() });
  }

  function currentSection() {
    var found = "";
    document.querySelectorAll(".md-content h2[id], .md-content h3[id]").forEach(function (heading) {
      if (heading.getBoundingClientRect().top < 80) found = heading.id;
    });
    return found;
  }

  function track() {
    if (!page.slug) return;
    store.set("visit/" + page.slug, { at: Date.now() });
    if (page.kind === "module") {
      var questions = [].map.call(document.querySelectorAll(".ctip-question"), function (form) {
        var details = form.querySelector(".ctip-answer");
        var truefalse = details.querySelector("[data-answer]");
        var key = truefalse ? [truefalse.dataset.answer === "true", truefalse.dataset.answer === "false"] :
          [].map.call(details.querySelectorAll("[data-correct]"), function (item) {
            return item.dataset.correct === "true";
          });
        return { id: form.dataset.questionId, sign: form.dataset.kind + ":" + key.map(Number).join("") };
      });
      var quiz = document.querySelector(".ctip-quiz");
      store.set("module/" + page.slug, { questions: questions, title: page.title,
        pass: quiz ? parseInt(quiz.dataset.passMark, 10) || 80 : 80 });
    }
    if (page.kind !== "index" && page.kind !== "progress") remember(location.hash.slice(1));
    var timer = null;
    window.addEventListener("scroll", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { remember(currentSection()); }, 400);
    }, { passive: true });
  }

  /* -- Continue where you left off ------------------------------------------------------------ */

  function continueLink(titles) {
    var last = store.get("last");
    if (!last || typeof last.path !== "string") return null;
    var link = el("a", "ctip-continue__link");
    link.href = new URL(last.path + (last.anchor ? "#" + last.anchor : ""), home).href;
    link.textContent = t("progress.continue", { title: (titles && titles[last.slug]) || last.title || last.path });
    var box = el("p", "ctip-continue");
    box.appendChild(link);
    return box;
  }

  /* -- Badges on module cards and learning paths ---------------------------------------------- */

  function badges() {
    document.querySelectorAll("[data-badge]").forEach(function (node) {
      badge(node, node.getAttribute("data-badge"));
    });
    if (page.kind !== "paths") return;
    var done = {};
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      var path = relative(link.href);
      var match = path && path.match(/^(modules\/[^/.#]+)(?:\/|\.html)?$/);
      if (!match || match[1] === "modules/index" || done[match[1]]) return;
      done[match[1]] = true;
      var node = el("span");
      badge(node, match[1]);
      link.after(" ", node);
    });
  }

  /* -- My progress ---------------------------------------------------------------------------- */

  function progressPage(section) {
    var course = JSON.parse(section.querySelector(".ctip-progress__data").textContent);
    var titles = {};
    course.modules.forEach(function (module) { titles[module.slug] = module.title; });
    section.querySelector(".ctip-progress__no-js").hidden = true;
    var notes = el("div", "ctip-progress__notes");
    if (!store.available) notes.appendChild(el("p", "ctip-progress__storage", t("progress.no_storage")));
    var next = continueLink(titles);
    if (next) notes.appendChild(next);
    section.prepend(notes);

    var results = {};
    course.modules.forEach(function (module) {
      var item = section.querySelector('[data-module="' + module.slug + '"]');
      var node = el("span");
      results[module.slug] = badge(node, module.slug, store.get("module/" + module.slug) || module);
      item.append(" ", node);
    });
    section.querySelector(".ctip-progress__modules").before(el("h2", "", t("progress.modules_title")));
    section.querySelector(".ctip-progress__paths").before(el("h2", "", t("progress.paths_title")));
    var complete = [];
    course.paths.forEach(function (path) {
      var passed = path.modules.filter(function (slug) {
        return results[slug] && results[slug].state === "passed";
      }).length;
      var item = section.querySelector('[data-path="' + path.slug + '"]');
      var node = el("span", "ctip-badge" + (passed === path.modules.length ? " ctip-badge--passed" : ""),
        t("progress.path", { passed: passed, total: path.modules.length }));
      item.append(" ", node);
      if (path.modules.length && passed === path.modules.length) complete.push(path);
    });
    statement(section, course, results, complete);
    dataTools(section);
  }

  function statement(section, course, results, complete) {
    var box = el("div", "ctip-statement-tools");
    box.appendChild(el("h2", "", t("progress.statement")));
    if (!complete.length) {
      box.appendChild(el("p", "", t("progress.statement_hint")));
      section.appendChild(box);
      return;
    }
    var label = el("label", "", t("progress.statement_name"));
    var name = el("input", "ctip-statement-tools__name");
    name.type = "text";
    name.id = "ctip-statement-name";
    name.autocomplete = "name";
    name.value = store.get("name") || "";
    label.htmlFor = name.id;
    name.addEventListener("change", function () { store.set("name", name.value.trim()); });
    box.append(label, name);
    complete.forEach(function (path) {
      var print = el("button", "md-button", t("progress.statement_print") + ": " + path.title);
      print.type = "button";
      print.addEventListener("click", function () {
        store.set("name", name.value.trim());
        show(path);
        window.print();
      });
      box.appendChild(print);
    });
    section.appendChild(box);

    function show(path) {
      var old = document.querySelector(".ctip-statement");
      if (old) old.remove();
      var sheet = el("section", "ctip-statement");
      var edition = store.edition || {};
      sheet.appendChild(el("h2", "ctip-statement__title", t("statement.title")));
      sheet.appendChild(el("p", "ctip-statement__disclaimer", t("statement.disclaimer")));
      sheet.appendChild(el("p", "", t("statement.text", { name: name.value.trim() || "—",
        path: path.title, course: document.querySelector(".md-header__topic .md-ellipsis") ?
          document.querySelector(".md-header__topic .md-ellipsis").textContent.trim() : edition.course,
        edition: (edition.version || "") + (edition.date ? " (" + edition.date + ")" : "") })));
      var list = el("ul");
      path.modules.forEach(function (slug) {
        var result = results[slug];
        list.appendChild(el("li", "", t("statement.module", { title: titles(slug), percent: result.percent,
          date: when(result.at) })));
      });
      sheet.appendChild(list);
      sheet.appendChild(el("p", "", t("statement.date", { date: when(Date.now()) })));
      sheet.appendChild(el("p", "ctip-statement__disclaimer", t("statement.disclaimer")));
      document.body.appendChild(sheet);
      document.documentElement.classList.add("ctip-printing-statement");
    }

    function titles(slug) {
      var module = course.modules.filter(function (m) { return m.slug === slug; })[0];
      return module ? module.title : slug;
    }
  }

  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("ctip-printing-statement");
  });

  function dataTools(section) {
    var box = el("div", "ctip-data");
    box.appendChild(el("h2", "", t("progress.data_title")));
    box.appendChild(el("p", "", t("progress.data_note")));
    var message = el("p", "ctip-data__message");
    message.setAttribute("role", "status");
    message.setAttribute("aria-live", "polite");

    var exportButton = el("button", "md-button", t("progress.export"));
    exportButton.type = "button";
    exportButton.addEventListener("click", function () {
      var file = { format: "ctip-progress", course: store.course, version: 2, edition: store.edition,
        exported: new Date().toISOString(), data: store.data() };
      var link = el("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: "application/json" }));
      link.download = store.course + "-progress-" + new Date().toISOString().slice(0, 10) + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });

    var input = el("input", "ctip-data__file");
    input.type = "file";
    input.accept = "application/json,.json";
    input.id = "ctip-import";
    var importLabel = el("label", "ctip-data__label", t("progress.import"));
    importLabel.htmlFor = input.id;
    input.addEventListener("change", function () {
      var chosen = input.files[0];
      if (!chosen) return;
      var reader = new FileReader();
      reader.onload = function () {
        var file = null;
        try { file = JSON.parse(reader.result); } catch (error) { file = null; }
        var problem = !file || file.format !== "ctip-progress" || typeof file.data !== "object" ||
          file.data === null || Array.isArray(file.data) ? t("progress.import_not_json") :
          file.course !== store.course ? t("progress.import_foreign", { course: String(file.course) }) : null;
        if (problem) {
          message.textContent = t("progress.import_failed", { reason: problem });
        } else {
          var names = Object.keys(file.data).filter(function (key) { return /^[\w\/.:-]+$/.test(key); });
          var clean = {};
          names.forEach(function (key) { clean[key] = file.data[key]; });
          store.load(clean);
          message.textContent = t("progress.imported", { count: names.length });
          refresh();
        }
        input.value = "";
      };
      reader.readAsText(chosen);
    });

    var clear = el("button", "md-button", t("progress.clear"));
    clear.type = "button";
    clear.addEventListener("click", function () {
      if (!window.confirm(t("progress.clear_confirm"))) return;
      store.clear();
      message.textContent = t("progress.cleared");
      refresh();
    });
    box.append(exportButton, " ", importLabel, input, " ", clear, message);
    section.appendChild(box);
  }

  /* After an import or a clear, the page shows the new state (the message stays). */
  function refresh() {
    var section = document.querySelector(".ctip-progress");
    var keep = section.querySelector(".ctip-data__message").textContent;
    section.querySelectorAll(".ctip-progress__notes, .ctip-badge, .ctip-statement-tools, .ctip-data, h2")
      .forEach(function (node) { node.remove(); });
    progressPage(section);
    section.querySelector(".ctip-data__message").textContent = keep;
  }

  function init() {
    track();
    badges();
    var section = document.querySelector(".ctip-progress");
    if (section) progressPage(section);
    if (page.kind === "index") {
      var next = continueLink();
      var title = document.querySelector(".md-content__inner h1");
      if (next && title) title.after(next);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
