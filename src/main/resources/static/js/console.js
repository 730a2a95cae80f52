// Sends the CSRF token with every htmx request (the console keeps CSRF protection on).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Charts: <canvas data-chart="doughnut|bar" data-labels="a|b|c" data-values="1,2,3">. No inline scripts (CSP).
var MEDUNION_COLOURS = ['#1f5fa8', '#2e9d6a', '#e0a030', '#b3261e', '#7a4fb5', '#4aa3c7', '#8c8c8c'];

function medunionCharts(root) {
  if (typeof Chart === 'undefined' || !root || !root.querySelectorAll) {
    return;
  }
  root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    if (canvas.dataset.drawn) {
      return;
    }
    canvas.dataset.drawn = 'yes';
    var labels = (canvas.dataset.labels || '').split('|');
    var values = (canvas.dataset.values || '').split(',').map(Number);
    new Chart(canvas, {
      type: canvas.dataset.chart,
      data: { labels: labels, datasets: [{ data: values, backgroundColor: MEDUNION_COLOURS }] },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'right' } } }
    });
  });
}

document.addEventListener('htmx:afterSettle', function (event) {
  medunionCharts(event.detail.elt);
});
document.addEventListener('DOMContentLoaded', function () {
  medunionCharts(document);
});
