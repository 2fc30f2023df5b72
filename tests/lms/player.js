/* A test LMS for tests/test_scorm.py: hosts one SCO in a frame, with scorm-again's SCORM 1.2 API
   as the LMS (window.API, where a SCO looks for it), and records what the SCO does.

   player.html?sco=<the SCO's address, relative to this page>[&mode=review|browse]

   window.calls: every call but the error look-ups, as {name, args, result, error} (error: the
   API's last error code after the call). window.sessions: the data model at each LMSFinish.
   openSco(href): another SCO, launched afresh.
   leave(): the learner leaves the SCO (the frame goes to about:blank). relaunch(): the learner
   opens the activity again, as Moodle does: a new API with what the LMS kept (status, score,
   suspend_data, entry "resume" after an exit "suspend"). */
(function () {
  "use strict";
  var frame = document.getElementById("sco");
  var params = new URLSearchParams(location.search);
  var sco = params.get("sco");
  var METHODS = ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit",
    "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"];
  window.calls = [];
  window.sessions = [];

  function wrap(real) {
    var api = {};
    METHODS.forEach(function (name) {
      api[name] = function () {
        var args = [].slice.call(arguments);
        var result = real[name].apply(real, args);
        if (!/^LMSGet(LastError|ErrorString|Diagnostic)$/.test(name)) {
          window.calls.push({ name: name, args: args.map(String), result: String(result),
            error: String(real.LMSGetLastError()) });
        }
        if (name === "LMSFinish") {
          var data = JSON.parse(JSON.stringify(real.renderCMIToJSONObject()));
          window.sessions.push(data.cmi || data);
        }
        return result;
      };
    });
    return api;
  }

  function launch(data) {
    var real = new window.Scorm12API({ autocommit: false, logLevel: 5 });
    real.loadFromJSON(data);
    window.API = wrap(real);
    frame.src = sco;
  }

  /* Another SCO of the package, as a new launch (Moodle loads its player again). */
  window.openSco = function (href) {
    sco = href;
    launch({ core: { student_id: "learner-1", student_name: "Learner, Test" } });
  };

  window.leave = function () {
    frame.src = "about:blank";
  };

  window.relaunch = function () {
    var last = window.sessions[window.sessions.length - 1];
    var core = last.core || {};
    launch({
      core: {
        student_id: "learner-1", student_name: "Learner, Test",
        lesson_status: core.lesson_status,
        entry: core.exit === "suspend" ? "resume" : "",
        score: core.score
      },
      suspend_data: last.suspend_data
    });
  };

  var first = { core: { student_id: "learner-1", student_name: "Learner, Test" } };
  if (params.get("mode")) first.core.lesson_mode = params.get("mode");
  launch(first);
})();
