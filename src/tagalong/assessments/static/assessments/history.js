// One uPlot chart per test from the json_script data; values show on hover via uPlot's legend.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("test-history");
  var box = document.getElementById("test-charts");
  if (!el || !box || typeof uPlot === "undefined") return;
  var series = JSON.parse(el.textContent);
  Object.keys(series).forEach(function (test) {
    var s = series[test];
    if (s.x.length < 1) return;
    var div = document.createElement("div");
    div.className = "card";
    box.appendChild(div);
    new uPlot({
      title: s.label[0], width: Math.min(520, box.clientWidth || 320), height: 200,
      series: [{}, {label: "left", stroke: "#3b6ea5"}, {label: "right", stroke: "#c7793b"}],
    }, [s.x, s.left, s.right], div);
  });
});
