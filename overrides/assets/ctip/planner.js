/* The session planner (`/// session-planner`; loaded by trainer.js on that page only).

   The page already holds every module's schedule, counted from 00:00 (what readers without
   JavaScript get). The trainer picks a learning path or modules, a date and a start time; this
   script copies the chosen modules' rows into one agenda, in the path's order, with clock times
   from the start time in the page's language (Intl), ready to print. Nothing is stored. */
(function () {
  "use strict";
  var trainer = window.ctipTrainer;
  var t = trainer.t;
  var lang = trainer.lang;
  var planner = document.querySelector(".ctip-planner");
  if (!planner || planner.hasAttribute("data-ctip-ready")) return;
  planner.setAttribute("data-ctip-ready", "");
  var form = planner.querySelector(".ctip-planner__form");
  var preset = form.querySelector("#ctip-planner-preset");
  var boxes = [].slice.call(form.querySelectorAll(".ctip-planner__modules input[type=checkbox]"));
  var start = form.querySelector("#ctip-planner-start");
  var date = form.querySelector("#ctip-planner-date");
  var agenda = planner.querySelector(".ctip-agenda");
  var status = planner.querySelector(".ctip-planner__status");
  /* Intl where the browser knows the language; else the patterns of ui_strings.yml (Chromium
     has no Turkmen locale data: it would write Turkmen times the American way). */
  var native = Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0;
  var timeFormat = new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "2-digit" });
  var dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: "full" });

  var el = window.ctipPage.el;

  function plural(key, n) {
    var forms = trainer.raw(key) || {};
    return String(forms[new Intl.PluralRules(lang).select(n)] || forms.other || "#").replace("#", n);
  }

  function presetModules() {
    var option = preset.options[preset.selectedIndex];
    return (option.getAttribute("data-modules") || "").split(/\s+/).filter(Boolean);
  }

  /* The chosen modules: the preset's order, then other ticked modules in the course's order. */
  function chosen() {
    var ticked = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    var order = presetModules().filter(function (slug) { return ticked.indexOf(slug) >= 0; });
    return order.concat(ticked.filter(function (slug) { return order.indexOf(slug) < 0; }));
  }

  function startMinutes() {
    var match = /^(\d{1,2}):(\d{2})/.exec(start.value || "");
    return match ? parseInt(match[1], 10) * 60 + parseInt(match[2], 10) : 9 * 60;
  }

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function names(key) {
    return t(key).split(/,\s*/);
  }

  function clock(minutes) {
    var at = new Date(2000, 0, 1, 0, 0, 0);
    at.setMinutes(minutes);
    if (native) return timeFormat.format(at);
    return t("date.time", { HH: two(at.getHours()), H: at.getHours(), mm: two(at.getMinutes()) });
  }

  function day() {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.value || "");
    if (!match) return "";
    var when = new Date(+match[1], +match[2] - 1, +match[3], 12);
    if (native) return dateFormat.format(when);
    return t("date.full", {
      weekday: names("date.weekdays")[(when.getDay() + 6) % 7], day: when.getDate(),
      month: names("date.months")[when.getMonth()], year: when.getFullYear()
    });
  }

  function title(modules) {
    var option = preset.options[preset.selectedIndex];
    return modules.join(" ") === presetModules().join(" ") ? option.textContent : t("planner.modules");
  }

  function render() {
    var modules = chosen();
    agenda.replaceChildren();
    if (!modules.length) {
      agenda.hidden = true;
      status.textContent = t("planner.none");
      return;
    }
    var source = planner.querySelector(".ctip-schedule--module table");
    var name = t("planner.agenda", { title: title(modules) });
    var heading = el("h2", "ctip-agenda__title", name);
    heading.id = "agenda";
    agenda.appendChild(heading);
    agenda.setAttribute("aria-labelledby", "agenda");
    var when = el("p", "ctip-agenda__when");
    agenda.appendChild(when);
    var wrap = el("div", "ctip-schedule ctip-agenda__schedule");
    var table = el("table");
    table.appendChild(el("caption", "", name));
    table.appendChild(source.querySelector("thead").cloneNode(true));
    var at = startMinutes();
    var first = at;
    var sums = { teaching: 0, exercises: 0, "break": 0 };
    modules.forEach(function (slug) {
      var body = planner.querySelector('.ctip-schedule--module tbody[data-module="' + slug + '"]');
      if (!body) return;
      var copy = body.cloneNode(true);
      copy.querySelectorAll("tr").forEach(function (row) {
        var cell = row.querySelector(".ctip-schedule__time");
        cell.textContent = clock(at);
        if (row.classList.contains("ctip-schedule__module")) return;
        var minutes = parseInt(row.getAttribute("data-minutes"), 10) || 0;
        sums[row.getAttribute("data-kind")] += minutes;
        at += minutes;
      });
      table.appendChild(copy);
    });
    var foot = source.querySelector("tfoot").cloneNode(true);
    foot.querySelector(".ctip-schedule__time").textContent = clock(at);
    foot.querySelector(".ctip-schedule__minutes").textContent = String(at - first);
    table.appendChild(foot);
    wrap.appendChild(table);
    var key = sums["break"] ? "schedule.totals_break" : "schedule.totals";
    wrap.appendChild(el("p", "ctip-schedule__totals", t(key, {
      total: at - first, teaching: sums.teaching, exercises: sums.exercises, pause: sums["break"]
    })));
    agenda.appendChild(wrap);
    var times = clock(first) + "–" + clock(at);
    when.textContent = day() ? day() + ", " + times : times;
    agenda.hidden = false;
    status.textContent = t("planner.ready", {
      count: plural("planner.module_count", modules.length), start: clock(first), end: clock(at)
    });
  }

  preset.addEventListener("change", function () {
    var wanted = presetModules();
    boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    render();
  });
  boxes.forEach(function (box) { box.addEventListener("change", render); });
  start.addEventListener("input", render);
  date.addEventListener("input", render);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector(".ctip-planner__print").addEventListener("click", function () { window.print(); });
  if (!date.value) {
    var today = new Date();
    date.value = today.getFullYear() + "-" + two(today.getMonth() + 1) + "-" + two(today.getDate());
  }
  form.hidden = false;
  render();
})();
