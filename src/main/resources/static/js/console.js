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
    // optional: data-axis="y" (horizontal bars), data-max="100" (value axis), data-legend="none"
    var options = { responsive: true, maintainAspectRatio: false,
      plugins: { legend: canvas.dataset.legend === 'none' ? { display: false } : { position: 'right' } } };
    if (canvas.dataset.axis) {
      options.indexAxis = canvas.dataset.axis;
    }
    if (canvas.dataset.max) {
      var valueAxis = canvas.dataset.axis === 'y' ? 'x' : 'y';
      options.scales = {};
      options.scales[valueAxis] = { min: 0, max: Number(canvas.dataset.max) };
    }
    new Chart(canvas, {
      type: canvas.dataset.chart,
      data: { labels: labels, datasets: [{ data: values, backgroundColor: MEDUNION_COLOURS }] },
      options: options
    });
  });
}

document.addEventListener('htmx:afterSettle', function (event) {
  medunionCharts(event.detail.elt);
});
document.addEventListener('DOMContentLoaded', function () {
  medunionCharts(document);
});

// <input data-autosubmit>: a filter that applies itself when changed (instead of an inline onchange, refused by the CSP).
document.addEventListener('change', function (event) {
  var input = event.target;
  if (input.hasAttribute && input.hasAttribute('data-autosubmit') && input.form) {
    input.form.requestSubmit ? input.form.requestSubmit() : input.form.submit();
  }
});

// <input type="file" data-max-bytes="n" data-too-large="text">: a file over the limit is refused in the browser with
// the page's message (the server refuses it too, but only before it can read the form and its CSRF token).
document.addEventListener('change', function (event) {
  var input = event.target;
  if (input.type === 'file' && input.hasAttribute('data-max-bytes')) {
    var max = parseInt(input.getAttribute('data-max-bytes'), 10);
    var tooLarge = Array.prototype.some.call(input.files || [], function (f) { return f.size > max; });
    input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large') : '');
    if (tooLarge) { input.reportValidity(); }
  }
});

// <form data-confirm="text">: irreversible actions ask first, in the page's own <dialog id="confirm-dialog">
// (keyboard reachable: showModal() moves the focus into it, Esc cancels).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var dialog = document.getElementById('confirm-dialog');
  if (!form.dataset || !form.dataset.confirm || form.dataset.confirmed === 'yes' || !dialog || !dialog.showModal) {
    return;
  }
  event.preventDefault();
  var submitter = event.submitter;
  dialog.querySelector('.confirm-text').textContent = form.dataset.confirm;
  dialog.returnValue = '';
  dialog.onclose = function () {
    if (dialog.returnValue === 'ok') {
      form.dataset.confirmed = 'yes';
      if (form.requestSubmit) {
        form.requestSubmit(submitter || undefined);
      } else {
        form.submit();
      }
      form.dataset.confirmed = '';
    }
  };
  dialog.showModal();
}, true);

// A posted form (evaluation, reset, accept…) shows that it is working until the next page arrives, and a second
// click does not post it again. htmx forms have their own indicator (.htmx-request).
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (event.defaultPrevented || !form.method || form.method.toLowerCase() !== 'post'
      || form.hasAttribute('hx-post') || form.hasAttribute('hx-get')) {
    return;
  }
  if (form.dataset.busy === 'yes') {
    event.preventDefault();
    return;
  }
  form.dataset.busy = 'yes';
  form.setAttribute('aria-busy', 'true');
  var button = event.submitter || form.querySelector('button[type=submit]');
  if (button) {
    button.classList.add('busy');
  }
});
// back to a page from the browser's cache: its forms are idle again
window.addEventListener('pageshow', function () {
  document.querySelectorAll('form[data-busy=yes]').forEach(function (form) {
    form.dataset.busy = '';
    form.removeAttribute('aria-busy');
    form.querySelectorAll('.busy').forEach(function (b) { b.classList.remove('busy'); });
  });
});

// The left menu on a narrow screen: the button in the top bar opens and closes it.
document.addEventListener('click', function (event) {
  var toggle = event.target.closest ? event.target.closest('[data-menu-toggle]') : null;
  if (!toggle) {
    return;
  }
  var open = document.body.classList.toggle('menu-open');
  toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
});

// Toasts (<div class="toast">) leave by themselves after a few seconds; the text stays readable meanwhile.
function medunionToasts(root) {
  (root.querySelectorAll ? root.querySelectorAll('.toast') : []).forEach(function (toast) {
    setTimeout(function () { toast.classList.add('toast-gone'); }, 6000);
  });
}
document.addEventListener('DOMContentLoaded', function () { medunionToasts(document); });

// <button data-remove-line> in a prescription's drug line: removes the line and re-runs the live pre-screen.
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('[data-remove-line]') : null;
  if (!button) {
    return;
  }
  var line = button.closest('.rx-line');
  var form = button.form;
  if (line) {
    line.remove();
  }
  if (form) {
    form.dispatchEvent(new Event('change', { bubbles: true }));
  }
});

// <span data-toggle-target="id" data-toggle-show="true|false"> in swapped content: shows or hides that element
// (the prescription form's RX-6 fields appear when the live check asks for them, keeping what was typed).
document.addEventListener('htmx:afterSwap', function (event) {
  event.detail.target.querySelectorAll('[data-toggle-target]').forEach(function (marker) {
    var target = document.getElementById(marker.dataset.toggleTarget);
    if (target) {
      target.hidden = marker.dataset.toggleShow !== 'true';
    }
  });
});

// <button data-print>: prints the page (the patient notice of NAT-R-8) instead of an inline onclick (CSP).
document.addEventListener('click', function (event) {
  var button = event.target && event.target.closest ? event.target.closest('[data-print]') : null;
  if (button) {
    window.print();
  }
});
