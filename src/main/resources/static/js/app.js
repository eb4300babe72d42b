// Adds the CSRF token to every htmx request that changes state.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && event.detail.verb !== 'get') {
    event.detail.headers[header.content] = token.content;
  }
});

// A select or checkbox in a filter form refreshes the list at once.
document.addEventListener('change', function (event) {
  var form = event.target.closest('form[data-live-filter]');
  if (form && window.htmx) {
    htmx.trigger(form, 'submit');
  }
});

// Confirmation for buttons that carry data-confirm (no inline script under the CSP).
document.addEventListener('click', function (event) {
  var el = event.target.closest('[data-confirm]');
  if (el && !window.confirm(el.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
