/* What the site's scripts share, loaded before them: the page's data (the JSON overrides/main.html
   writes into #__ctip: language, strings, the course edition, the page's kind and ids), strings
   with their {values} filled in, and small helpers that make elements. */
(function () {
  "use strict";
  var data = {};
  try {
    data = JSON.parse(document.getElementById("__ctip").textContent) || {};
  } catch (error) { /* no page data: strings show their keys, features take their defaults */ }
  var strings = data.t || {};

  function fill(text, values) {
    text = String(text);
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(values[name]);
    });
    return text;
  }

  function t(key, values) {
    return fill(strings[key] == null ? key : strings[key], values);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function button(className, text, action) {
    var node = el("button", className, text);
    node.type = "button";
    node.addEventListener("click", action);
    return node;
  }

  /* The points of an answer, 0 to 1: for a select-all question, right choices minus wrong ones
     over the right ones, never below zero; for the others, 1 or 0. `key` says which options are
     right, `selected` holds the authored places chosen. */
  function score(selected, key) {
    var right = 0, wrong = 0, total = 0;
    key.forEach(function (correct, index) {
      if (correct) total++;
      if (selected.indexOf(index) >= 0) correct ? right++ : wrong++;
    });
    return Math.max(0, (right - wrong) / total);
  }

  window.ctipPage = {
    data: data,
    page: data.page || {},
    lang: data.lang || document.documentElement.lang || "en",
    strings: strings,
    fill: fill,
    t: t,
    el: el,
    button: button,
    score: score
  };
})();
