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

  window.ctipPage = {
    data: data,
    page: data.page || {},
    lang: data.lang || document.documentElement.lang || "en",
    strings: strings,
    fill: fill,
    t: t,
    el: el,
    button: button
  };
})();
