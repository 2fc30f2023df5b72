/* What the site keeps in the reader's browser, in one place: quiz answers, progress, the
   trainer's choices. Nothing leaves the browser.

   Keys are "ctip/<course>/2/<name>": the course (from mkdocs.yml's extra.edition) keeps two
   courses in one browser apart (under file:// every unpacked copy shares one store), "2" is the
   format. Storage that throws (blocked cookies, some office policies) or holds garbage is a
   normal state: values then live in memory for as long as the page, and `ctipStore.available`
   says so, for the features to tell the reader once, politely.

   window.ctipStore: get(name), set(name, value), remove(name), names(prefix), available,
   data() / load(data) (export and import), clear() (everything this site keeps, Material's
   keys included). Loaded before the other project scripts.

   In an LMS frame the learner's state belongs to the LMS, not to the browser: lms.js (loaded
   first, in the LMS package only) sets window.ctipStoreBacking, an object with Storage's
   getItem, setItem, removeItem, key and length, which is used instead of localStorage. */
(function () {
  "use strict";
  if (window.ctipStore) return;
  var FORMAT = "2";
  var OLD_QUIZ = "ctip.quiz.v1.";
  var page = window.ctipPage ? window.ctipPage.data : {};
  var course = (page.edition && page.edition.course) || "ctip-training";
  var prefix = "ctip/" + course + "/" + FORMAT + "/";
  var memory = {};
  var storage = null;
  /* ctip.js replaced blocked storage by one in memory: for this store, that is no storage.
     An LMS frame gives a backing of its own (lms.js: cmi.suspend_data). */
  if (window.ctipStoreBacking || !window.ctipStorageBlocked) {
    try {
      storage = window.ctipStoreBacking || window.localStorage;
      var probe = prefix + "probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
    } catch (error) {
      storage = null;
    }
  }

  function read(key) {
    if (storage) {
      try {
        return storage.getItem(key);
      } catch (error) { /* fall through to memory */ }
    }
    return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
  }

  function write(key, text) {
    if (storage) {
      try {
        if (text === null) storage.removeItem(key);
        else storage.setItem(key, text);
        return;
      } catch (error) { /* full or blocked: keep it for this page */ }
    }
    if (text === null) delete memory[key];
    else memory[key] = text;
  }

  function allKeys() {
    var keys = Object.keys(memory);
    if (storage) {
      try {
        for (var i = 0; i < storage.length; i++) keys.push(storage.key(i));
      } catch (error) { /* keys of memory only */ }
    }
    return keys.filter(function (key, index) { return keys.indexOf(key) === index; });
  }

  var store = {
    course: course,
    edition: page.edition || {},
    available: !!storage,
    get: function (name) {
      var text = read(prefix + name);
      if (text === null) return null;
      try {
        return JSON.parse(text);
      } catch (error) {
        write(prefix + name, null); /* garbage: dropped */
        return null;
      }
    },
    set: function (name, value) {
      write(prefix + name, value == null ? null : JSON.stringify(value));
    },
    remove: function (name) {
      write(prefix + name, null);
    },
    names: function (start) {
      return allKeys()
        .filter(function (key) { return key.indexOf(prefix + (start || "")) === 0; })
        .map(function (key) { return key.slice(prefix.length); });
    },
    data: function () {
      var data = {};
      store.names().forEach(function (name) {
        var value = store.get(name);
        if (value !== null) data[name] = value;
      });
      return data;
    },
    load: function (data) {
      Object.keys(data).forEach(function (name) { store.set(name, data[name]); });
    },
    clear: function () {
      /* Everything this site keeps: its own keys, the answers of the first format, and
         Material's (palette, search) under the site's scope. */
      var scope = (window.__md_scope && window.__md_scope.pathname) || "/";
      allKeys().forEach(function (key) {
        if (key.indexOf(prefix) === 0 || key.indexOf(OLD_QUIZ) === 0 ||
            key.indexOf(scope + ".__") === 0) {
          write(key, null);
        }
      });
    }
  };

  /* Answers kept by the first format ("ctip.quiz.v1.<id>", by position) move once to
     "quiz/<id>"; the quiz checks them against the question as it is now. */
  allKeys().forEach(function (key) {
    if (key.indexOf(OLD_QUIZ) !== 0) return;
    var id = key.slice(OLD_QUIZ.length);
    var text = read(key);
    if (store.get("quiz/" + id) === null && text !== null) {
      try {
        var old = JSON.parse(text);
        store.set("quiz/" + id, { selected: old.selected, sign: old.key, shown: !!old.shown });
      } catch (error) { /* garbage: not migrated */ }
    }
    write(key, null);
  });

  window.ctipStore = store;
})();
