/* Sign-up: fill the time zone and the units from the browser. The person can still change
   them; the server checks whatever is sent. */
(function () {
  "use strict";

  // Regions whose road signs and races are in miles.
  var MILE_REGIONS = ["US", "GB", "LR", "MM"];

  function region() {
    var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < langs.length; i++) {
      var m = /[-_]([A-Za-z]{2})\b/.exec(langs[i] || "");
      if (m) return m[1].toUpperCase();
    }
    return "";
  }

  function choose(select, value) {
    if (!select || !value) return false;
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) { select.value = value; return true; }
    }
    return false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var zone = document.querySelector('[data-detect="time-zone"]');
    var units = document.querySelector('[data-detect="units"]');
    var note = document.getElementById("detected-note");
    var detected = false;
    if (zone && zone.value === "UTC") {
      try {
        detected = choose(zone, Intl.DateTimeFormat().resolvedOptions().timeZone) || detected;
      } catch (e) { /* an old browser: the person picks */ }
    }
    if (units && !units.dataset.touched) {
      detected = choose(units, MILE_REGIONS.indexOf(region()) >= 0 ? "mi" : "km") || detected;
    }
    if (note && detected) note.hidden = false;
  });
})();
