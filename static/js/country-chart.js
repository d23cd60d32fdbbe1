/* Line chart of a country's indicators over time (Chart.js, vendored). The same values are in
   the table above the chart; illustrative values say so in the title and the legend. */
(function () {
  "use strict";

  var COLOURS = ["#004b87", "#e08214", "#1b9e77", "#7570b3", "#e7298a", "#66a61e"];

  function start() {
    var canvas = document.getElementById("indicator-chart");
    var script = document.getElementById("indicator-chart-data");
    if (!canvas || !script || !window.Chart) return;
    var data = JSON.parse(script.textContent);
    var lang = document.documentElement.lang || "en";
    var suffix = canvas.dataset.illustrativeSuffix || "";
    var datasets = data.datasets.map(function (dataset, index) {
      var colour = COLOURS[index % COLOURS.length];
      return {
        label: dataset.label + (dataset.illustrative ? " " + suffix : ""),
        data: dataset.data,
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: dataset.code.indexOf("-") === -1 ? 3 : 1.5,
        borderDash: dataset.illustrative ? [6, 3] : [],
        spanGaps: true,
        tension: 0.2,
        pointRadius: 3,
      };
    });
    new Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: lang,
        interaction: { mode: "index", intersect: false },
        scales: { y: { suggestedMin: 0, suggestedMax: 100 } },
        plugins: {
          title: { display: true, text: canvas.dataset.title },
          legend: { position: "bottom" },
        },
      },
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
