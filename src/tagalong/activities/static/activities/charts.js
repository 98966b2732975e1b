/* Activity and trend charts with uPlot; data comes from json_script blocks (no inline script). */
(function () {
  "use strict";

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function width(el) {
    return Math.max(280, el.clientWidth || 600);
  }

  function clock(seconds) {
    if (seconds == null) return "–";
    var s = Math.round(seconds), m = Math.floor(s / 60), r = s % 60;
    return m + ":" + (r < 10 ? "0" : "") + r;
  }

  function plot(el, opts, data) {
    opts.width = width(el);
    opts.height = 260;
    var chart = new uPlot(opts, data, el);
    el.uplot = chart;  // lets browser tests read the formatted axis ticks
    window.addEventListener("resize", function () {
      chart.setSize({ width: width(el), height: 260 });
    });
  }

  function clockAxis(u, vals) {
    return vals.map(clock);
  }

  // Series of the activity chart: [data key, label key or text, colour, scale]. Pace is in
  // seconds per km or per mile (the reader's unit), shown as m:ss on its axis and in the legend.
  function activityChart() {
    var el = document.getElementById("activity-chart");
    var d = readJson("activity-streams");
    if (!el || !d) return;
    var labels = d.labels || {};
    var names = [
      ["pace_s", labels.pace || "Pace", "#2b6cb0", "pace"],
      ["speed", labels.speed || "Speed", "#2b6cb0", "speed"],
      ["heart_rate_bpm", labels.heart_rate || "Heart rate (bpm)", "#c53030", "bpm"],
      ["cadence_spm", labels.cadence || "Cadence", "#2f855a", "spm"],
      ["stance_time_ms", labels.stance || "Ground contact (ms)", "#805ad5", "ms"]
    ];
    var series = [{ label: labels.time || "Time", value: function (u, v) { return clock(v); } }];
    var data = [d.time_s];
    var axes = [{ values: clockAxis }];
    names.forEach(function (n) {
      if (!d[n[0]] || !d[n[0]].length) return;
      var s = { label: n[1], stroke: n[2], scale: n[3], spanGaps: true };
      if (n[3] === "pace") s.value = function (u, v) { return clock(v); };
      series.push(s);
      data.push(d[n[0]]);
      if (axes.length < 3) {
        var axis = { scale: n[3], side: axes.length === 1 ? 3 : 1, grid: { show: axes.length === 1 } };
        if (n[3] === "pace") { axis.values = clockAxis; axis.size = 60; }
        axes.push(axis);
      }
    });
    var scales = { x: { time: false }, pace: { dir: -1 } };
    plot(el, { series: series, axes: axes, scales: scales }, data);
    elevationChart(d);
  }

  function elevationChart(d) {
    var el = document.getElementById("elevation-chart");
    if (!el || !d.altitude_m || !d.altitude_m.length) return;
    var metres = function (u, v) { return v == null ? "–" : Math.round(v) + " m"; };
    plot(el, {
      scales: { x: { time: false } },
      axes: [{ values: clockAxis }, { values: function (u, vals) { return vals.map(function (v) { return v + " m"; }); } }],
      series: [{ label: d.labels.time || "Time", value: function (u, v) { return clock(v); } },
        { label: d.labels.elevation || "Elevation (m)", stroke: "#6b4f1d", fill: "rgba(107,79,29,0.12)", spanGaps: true, value: metres }]
    }, [d.time_s, d.altitude_m]);
  }

  function trendCharts() {
    var d = readJson("trend-data");
    if (!d) return;
    var pmc = document.getElementById("pmc-chart");
    if (pmc) {
      var per = d.load_unit ? " (" + d.load_unit + ")" : "";
      plot(pmc, { series: [{}, { label: "Fitness, 42-day" + per, stroke: "#2b6cb0" },
        { label: "Fatigue, 7-day" + per, stroke: "#c05621" }, { label: "Form" + per, stroke: "#2f855a" }] },
        [d.x, d.ctl, d.atl, d.tsb]);
    }
    var acwr = document.getElementById("acwr-chart");
    if (acwr && d.acwr.some(function (v) { return v != null; })) {
      var line = function (v) { return d.x.map(function () { return v; }); };
      plot(acwr, { series: [{}, { label: "Acute:chronic", stroke: "#2b6cb0", spanGaps: false },
        { label: "0.8", stroke: "#a0aec0", dash: [4, 4] }, { label: "1.3", stroke: "#a0aec0", dash: [4, 4] },
        { label: "1.5", stroke: "#c05621", dash: [4, 4] }] },
        [d.x, d.acwr, line(0.8), line(1.3), line(1.5)]);
    }
    var vol = document.getElementById("volume-chart");
    if (vol) {
      var unit = d.distance_unit || "km";
      plot(vol, { series: [{}, { label: "Last 7 days (" + unit + ")", stroke: "#2f855a" },
        { label: "Longest run that day (" + unit + ")", stroke: "#805ad5", points: { show: true }, width: 0 }] },
        [d.x, d.weekly_km, d.longest_run_km]);
    }
  }

  // The cadence chart's x axis is speed in m/s; pace is read per km or per mile (data.pace_unit).
  function paceOf(d) {
    var metres = d.metres_per_unit || 1000, unit = d.pace_unit || "/km";
    return function (speed, bare) {
      if (!(speed > 0)) return "–";
      return clock(metres / speed) + (bare ? "" : " " + unit);
    };
  }

  function cadenceChart() {
    var el = document.getElementById("cadence-chart");
    var d = readJson("cadence-data");
    if (!el || !d || !d.x.length) return;
    var pace = paceOf(d);
    var spm = function (u, v) { return v == null ? "–" : v.toFixed(0) + " spm"; };
    plot(el, {
      scales: { x: { time: false }, y: { auto: true }, min: { auto: true } },
      axes: [
        { label: "Speed (m/s) · pace", values: function (u, vals) {
          return vals.map(function (v) { return v.toFixed(1) + " · " + pace(v, true); });
        } },
        { label: "Steps/min" }
      ],
      series: [
        { label: "Speed", value: function (u, v) { return v == null ? "–" : v.toFixed(2) + " m/s (" + pace(v) + ")"; } },
        { label: "Your cadence", stroke: "#2f855a", width: 0, points: { show: true, size: 8, fill: "#2f855a" }, value: spm },
        { label: "Fitted line", stroke: "#2b6cb0", value: spm },
        { label: "Novices (van Oeveren)", stroke: "#a0aec0", dash: [4, 4], value: spm, spanGaps: false },
        { label: "Running time (min)", scale: "min", show: false, value: function (u, v) { return v == null ? "–" : v + " min"; } }
      ]
    }, [d.x, d.cadence, d.fit, d.novice, d.minutes]);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof uPlot === "undefined") return;
    activityChart();
    trendCharts();
    cadenceChart();
  });
})();
