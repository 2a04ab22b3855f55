// Draws the insight page's charts with Chart.js (loaded before this module) from the numbers each
// canvas carries in its data-chart attribute. The tables beside the charts hold the same numbers.
const colours = ['#1d70b8', '#f47738', '#00703c', '#4c2c92'];

for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
  const spec = JSON.parse(canvas.dataset.chart);
  // a horizontal chart grows with its bars; the style is set from script, which the CSP allows
  canvas.parentElement.style.height = `${spec.horizontal ? 60 + 28 * spec.labels.length : 300}px`;
  const valueAxis = spec.horizontal ? 'x' : 'y';
  new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((series, index) => ({
        label: series.label,
        data: series.data,
        backgroundColor: colours[index % colours.length],
      })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      maintainAspectRatio: false,
      animation: false,
      scales: { [valueAxis]: { beginAtZero: true, title: { display: true, text: spec.axis } } },
    },
  });
}
