// Calf pain over time, one line per side; uPlot's legend shows the values under the cursor.
document.addEventListener("DOMContentLoaded", () => {
  const holder = document.getElementById("calf-pain-chart");
  const source = document.getElementById("calf-pain-data");
  if (!holder || !source || typeof uPlot === "undefined") {
    return;
  }
  const data = JSON.parse(source.textContent);
  const width = () => Math.max(280, holder.clientWidth);
  const options = {
    width: width(),
    height: 240,
    scales: { y: { range: [0, 10] } },
    series: [
      { label: "Day", value: (u, v) => (v == null ? "–" : new Date(v * 1000).toLocaleDateString()) },
      { label: "Left calf pain", stroke: "#1d4ed8", width: 2, points: { show: true }, spanGaps: true },
      { label: "Right calf pain", stroke: "#b45309", width: 2, points: { show: true }, dash: [6, 4], spanGaps: true },
    ],
    axes: [{}, { label: "pain 0–10", values: (u, ticks) => ticks.map((t) => t.toFixed(0)) }],
  };
  const chart = new uPlot(options, [data.x, data.left, data.right], holder);
  window.addEventListener("resize", () => chart.setSize({ width: width(), height: 240 }));
});
