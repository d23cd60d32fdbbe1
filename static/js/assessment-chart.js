/* Radar chart of a self-assessment's maturity per focus area against the target level
   (Chart.js, vendored). The same figures are in the table below the chart. */
(function () {
  "use strict";

  function start() {
    var canvas = document.getElementById("assessment-chart");
    var script = document.getElementById("assessment-chart-data");
    if (!canvas || !script || !window.Chart) return;
    var data = JSON.parse(script.textContent);
    new Chart(canvas, {
      type: "radar",
      data: {
        labels: data.labels,
        datasets: [
          {
            label: data.score_label,
            data: data.scores,
            borderColor: "#004b87",
            backgroundColor: "rgba(0, 75, 135, 0.2)",
            pointRadius: 4,
          },
          {
            label: data.target_label,
            data: data.labels.map(function () { return data.target; }),
            borderColor: "#8a5a00",
            borderDash: [6, 3],
            backgroundColor: "transparent",
            pointRadius: 0,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: document.documentElement.lang || "en",
        scales: { r: { min: 0, max: 4, ticks: { stepSize: 1 } } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
