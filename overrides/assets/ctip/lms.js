/* A module page inside an LMS: the SCORM 1.2 runtime of the LMS package (ctip export-scorm).

   Loaded first, before store.js, and only in the package's pages. It looks for the LMS's API in
   the frames above the page, then in the window that opened it (the standard search). Without
   one (the package unpacked and opened in a browser) it does nothing, and the page behaves as on
   the website. With one:

   - LMSInitialize(""); cmi.core.lesson_status "incomplete" once opened (a page without a quiz
     is "completed"), unless the module was already passed or failed;
   - the learner's quiz state (ctipStore's seed, attempt/<quiz>, quiz/<question>) lives in
     cmi.suspend_data, not in the browser's storage; any other name lasts for the page only, so
     nothing is written under the website's keys;
   - when every question is answered (quiz.js's ctip:quiz event): cmi.core.score.raw 0-100, with
     score.min 0 and score.max 100, and "passed" or "failed" against the module's pass mark.
     Starting the quiz again keeps the last result in the LMS until the quiz is complete again;
   - LMSCommit("") after each change; on leaving the page cmi.core.exit ("suspend" while the
     quiz is incomplete), cmi.core.session_time, LMSCommit("") and LMSFinish("");
   - answers to questions the page no longer has (a new edition) are dropped;
   - in the LMS's review or browse mode nothing is written;
   - links: one to another module says that module is another activity of the course, one to a
     page of the site that the package does not carry says so, and links to other sites open a
     new window (the module's frame stays where it is).

   cmi.suspend_data, version 1 (ctip/scorm/suspend.py mirrors it and computes the worst case):
     1|<seed>|<quiz id>.<attempt>,...|<question id>.<chosen>.<sign>,...
   <attempt> and <chosen> are base 36; <chosen> is the bitmask of the chosen options by their
   authored place (bit 0: the first option written, whatever the order on the screen), "!" when
   the answer was shown; <sign> is the kind's letter and the answer key, 0/1 per option, which
   quiz.js compares with the question to drop an answer to a question that has changed. */
(function () {
  "use strict";
  var LIMIT = 4096;
  var KINDS = { s: "single", m: "multiple", t: "truefalse", c: "scenario" };
  var LETTERS = { single: "s", multiple: "m", truefalse: "t", scenario: "c" };
  var KNOWN = /^(seed|attempt\/[a-z0-9-]+|quiz\/[a-z0-9-]+)$/;
  var MAX_ATTEMPT = Math.pow(36, 4) - 1;

  function search(win) {
    for (var depth = 0; win && depth < 10; depth++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
      } catch (error) { /* another origin: look further up */ }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  var api = search(window);
  if (!api) {
    try {
      if (window.top.opener) api = search(window.top.opener);
    } catch (error) { api = null; }
  }
  if (!api || String(api.LMSInitialize("")) !== "true") return;

  var page = {};
  try {
    page = JSON.parse(document.getElementById("__ctip").textContent);
  } catch (error) { /* defaults below */ }
  var T = page.t || {};
  /* store.js's keys: "ctip/<course>/<format>/<name>", format 2. */
  var PREFIX = "ctip/" + ((page.edition && page.edition.course) || "ctip-training") + "/2/";
  var started = Date.now();
  var mode = String(api.LMSGetValue("cmi.core.lesson_mode"));
  var writable = mode !== "browse" && mode !== "review";

  function has(map, key) { return Object.prototype.hasOwnProperty.call(map, key); }

  function set(name, value) {
    if (writable) api.LMSSetValue(name, value);
  }

  /* -- the learner's state, to and from cmi.suspend_data -------------------------------------- */

  function decode(text) {
    var names = {};
    var parts = String(text || "").split("|");
    if (parts.length !== 4 || parts[0] !== "1") return names;
    if (/^[0-9a-z]{1,24}$/.test(parts[1])) names.seed = JSON.stringify(parts[1]);
    parts[2].split(",").forEach(function (entry) {
      var found = /^([a-z0-9-]+)\.([0-9a-z]{1,4})$/.exec(entry);
      if (found) names["attempt/" + found[1]] = JSON.stringify(parseInt(found[2], 36));
    });
    parts[3].split(",").forEach(function (entry) {
      var found = /^([a-z0-9-]+)\.(!|[0-9a-z]{1,6})\.([smtc])([01]{1,30})$/.exec(entry);
      if (!found) return;
      var selected = [];
      if (found[2] !== "!") {
        var bits = parseInt(found[2], 36);
        for (var place = 0; place < found[4].length; place++) {
          if (Math.floor(bits / Math.pow(2, place)) % 2) selected.push(place);
        }
      }
      names["quiz/" + found[1]] = JSON.stringify({
        selected: selected, sign: KINDS[found[3]] + ":" + found[4], shown: found[2] === "!"
      });
    });
    return names;
  }

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (error) {
      return null;
    }
  }

  function answer(value) {
    var sign = value && /^(single|multiple|truefalse|scenario):([01]{1,30})$/.exec(value.sign);
    if (!sign || !Array.isArray(value.selected)) return null;
    var bits = 0;
    value.selected.forEach(function (place, index) {
      if (place === Math.floor(place) && place >= 0 && place < sign[2].length &&
          value.selected.indexOf(place) === index) bits += Math.pow(2, place);
    });
    if (!value.shown && !bits) return null;
    return (value.shown ? "!" : bits.toString(36)) + "." + LETTERS[sign[1]] + sign[2];
  }

  function encode(names) {
    var seed = parse(names.seed);
    var attempts = [], answers = [];
    Object.keys(names).sort().forEach(function (name) {
      var value = parse(names[name]);
      if (name.indexOf("attempt/") === 0 && typeof value === "number" && value >= 1) {
        attempts.push(name.slice(8) + "." + Math.min(Math.floor(value), MAX_ATTEMPT).toString(36));
      } else if (name.indexOf("quiz/") === 0) {
        var text = answer(value);
        if (text) answers.push(name.slice(5) + "." + text);
      }
    });
    seed = typeof seed === "string" && /^[0-9a-z]{1,24}$/.test(seed) ? seed : "";
    return ["1", seed, attempts.join(","), answers.join(",")].join("|");
  }

  var names = decode(api.LMSGetValue("cmi.suspend_data"));
  var others = {};
  var saved = encode(names);

  function save() {
    var text = encode(names);
    if (text === saved || text.length > LIMIT) return;
    saved = text;
    set("cmi.suspend_data", text);
  }

  function nameOf(key) {
    var name = String(key).indexOf(PREFIX) === 0 ? String(key).slice(PREFIX.length) : null;
    return name !== null && KNOWN.test(name) ? name : null;
  }

  function keys() {
    return Object.keys(names).map(function (name) { return PREFIX + name; })
      .concat(Object.keys(others));
  }

  var backing = {
    getItem: function (key) {
      var name = nameOf(key);
      if (name !== null) return has(names, name) ? names[name] : null;
      return has(others, key) ? others[key] : null;
    },
    setItem: function (key, text) {
      var name = nameOf(key);
      if (name === null) {
        others[key] = String(text);
        return;
      }
      names[name] = String(text);
      save();
    },
    removeItem: function (key) {
      var name = nameOf(key);
      if (name === null) {
        delete others[key];
        return;
      }
      delete names[name];
      save();
    },
    key: function (index) {
      var all = keys();
      return index < all.length ? all[index] : null;
    }
  };
  Object.defineProperty(backing, "length", { get: function () { return keys().length; } });
  window.ctipStoreBacking = backing;

  /* -- status and score ---------------------------------------------------------------------- */

  var expected = document.querySelectorAll(".ctip-quiz").length;
  var quizzes = {};
  var complete = false;
  var status = String(api.LMSGetValue("cmi.core.lesson_status"));
  var finished = status === "passed" || status === "failed" || status === "completed";
  if (!expected) {
    set("cmi.core.lesson_status", "completed");
  } else if (!finished) {
    set("cmi.core.lesson_status", "incomplete");
  }
  if (writable) api.LMSCommit("");

  document.addEventListener("ctip:quiz", function (event) {
    var detail = event.detail || {};
    quizzes[detail.id] = detail;
    var ids = Object.keys(quizzes), total = 0, points = 0, pass = 0;
    complete = ids.length >= expected;
    ids.forEach(function (id) {
      var quiz = quizzes[id];
      total += quiz.total;
      points += quiz.percent * quiz.total;
      pass = Math.max(pass, quiz.pass);
      if (!quiz.complete) complete = false;
    });
    if (complete && total) {
      var score = Math.round(points / total);
      set("cmi.core.score.min", "0");
      set("cmi.core.score.max", "100");
      set("cmi.core.score.raw", String(score));
      set("cmi.core.lesson_status", score >= pass ? "passed" : "failed");
    }
    if (writable) api.LMSCommit("");
  });

  function timespan(milliseconds) {
    var seconds = Math.min(Math.floor(milliseconds / 1000), 9999 * 3600 + 3599);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(Math.floor(seconds / 3600)) + ":" + two(Math.floor(seconds / 60) % 60) + ":" +
      two(seconds % 60);
  }

  var left = false;
  window.addEventListener("pagehide", function () {
    if (left) return;
    left = true;
    if (writable) {
      set("cmi.core.exit", complete || !expected ? "" : "suspend");
      set("cmi.core.session_time", timespan(Date.now() - started));
      api.LMSCommit("");
    }
    api.LMSFinish("");
  });
  /* Back from the browser's page cache after LMSFinish: start a new session. */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && left) location.reload();
  });

  /* -- the page in the frame ------------------------------------------------------------------ */

  function note(link, key) {
    var span = document.createElement("span");
    span.className = "ctip-lms-elsewhere";
    while (link.firstChild) span.appendChild(link.firstChild);
    var text = document.createElement("span");
    text.className = "ctip-lms-elsewhere__note";
    text.textContent = " " + (T[key] || "");
    span.appendChild(text);
    link.replaceWith(span);
  }

  function adapt() {
    var root = new URL((page.page && page.page.home) || "./", location.href).href;
    var here = location.href.split("#")[0];
    document.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#") return;
      var url;
      try {
        url = new URL(href, location.href);
      } catch (error) {
        return;
      }
      var target = url.href.split("#")[0];
      if (target === here) return;
      if (target.indexOf(root) !== 0) {
        if (url.protocol === "https:" || url.protocol === "http:") {
          link.target = "_blank";
          link.rel = "noopener noreferrer";
        }
        return;
      }
      var path = target.slice(root.length);
      if (/\.html$/.test(path) || /\/$/.test(path) || !path) {
        note(link, /^modules\/(?!index\.html$)[^/]+\.html$/.test(path) ? "lms.other_module" :
          "lms.not_in_package");
      }
    });
    document.querySelectorAll(".ctip-quiz__note").forEach(function (node) {
      if (T["lms.quiz_note"]) node.textContent = T["lms.quiz_note"];
    });
    /* Answers to questions this edition no longer has are dropped, so that the state never
       outgrows what the page can produce (the worst case computed for the package). */
    var present = { seed: true };
    document.querySelectorAll("[data-question-id]").forEach(function (node) {
      present["quiz/" + node.getAttribute("data-question-id")] = true;
    });
    document.querySelectorAll("[data-quiz-id]").forEach(function (node) {
      present["attempt/" + node.getAttribute("data-quiz-id")] = true;
    });
    Object.keys(names).forEach(function (name) {
      if (!present[name]) delete names[name];
    });
    save();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", adapt);
  else adapt();
})();
