// One uPlot chart per test from the json_script data; values show on hover via uPlot's legend.
// Each chart takes the width of its own card (the cards sit in a wrapping grid) and follows it
// on resize, so charts never overlap or run past the page.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var el = document.getElementById("test-history");
  var box = document.getElementById("test-charts");
  if (!el || !box || typeof uPlot === "undefined") return;
  var DAY = 86400;
  var series = JSON.parse(el.textContent);

  function widthOf(card) {
    var style = window.getComputedStyle(card);
    var inner = card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return Math.max(200, Math.floor(inner));
  }

  // With one or two tests close together, show at least a month around them, not years (for a
  // single point uPlot would otherwise pad seconds-based time by 1,000 days).
  function xRange(u, min, max) {
    var xs = u.data && u.data[0];
    var lo = xs && xs.length ? xs[0] : min, hi = xs && xs.length ? xs[xs.length - 1] : max;
    if (hi - lo >= 28 * DAY) return [lo, hi];
    var mid = (lo + hi) / 2;
    return [mid - 14 * DAY, mid + 14 * DAY];
  }

  var charts = [];
  Object.keys(series).forEach(function (test) {
    var s = series[test];
    if (s.x.length < 1) return;
    var card = document.createElement("div");
    card.className = "card test-chart";
    var title = document.createElement("h3");
    title.textContent = s.label[0];
    card.appendChild(title);
    var holder = document.createElement("div");
    card.appendChild(holder);
    box.appendChild(card);
    var chart = new uPlot({
      width: widthOf(card), height: 200,
      scales: { x: { range: xRange } },
      series: [{}, { label: "Left", stroke: "#3b6ea5", points: { show: true } },
        { label: "Right", stroke: "#c7793b", points: { show: true } }],
      axes: [{ space: 70 }, { size: 45 }]
    }, [s.x, s.left, s.right], holder);
    charts.push([chart, card]);
  });
  window.addEventListener("resize", function () {
    charts.forEach(function (pair) { pair[0].setSize({ width: widthOf(pair[1]), height: 200 }); });
  });
});
