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

// A filter form keeps the order and page size the table was last given (a header click or the pager
// changes them in the address, not in the form), so changing a filter does not lose them.
document.addEventListener('htmx:pushedIntoHistory', function () {
  var params = new URLSearchParams(window.location.search);
  document.querySelectorAll('form[data-live-filter] input[data-keep]').forEach(function (input) {
    input.value = params.get(input.name) || '';
  });
});

// Rows chosen for a bulk action: check boxes named "selected" that belong to a form[data-bulk] by
// their form attribute; a header box chooses the whole page; the form counts what is chosen.
(function () {
  function boxes(form, checkedOnly) {
    return document.querySelectorAll('input[name=selected][form="' + form.id + '"]' + (checkedOnly ? ':checked' : ''));
  }
  function refresh(form) {
    var n = boxes(form, true).length;
    form.querySelector('[data-bulk-count]').textContent = form.getAttribute('data-count-text').replace('{n}', n);
    var all = document.querySelector('[data-select-all="' + form.id + '"]');
    if (all) {
      var total = boxes(form, false).length;
      all.checked = total > 0 && n === total;
      all.indeterminate = n > 0 && n < total;
    }
  }
  document.addEventListener('change', function (event) {
    var all = event.target.closest('[data-select-all]');
    var form = all ? document.getElementById(all.getAttribute('data-select-all'))
      : (event.target.matches('input[name=selected][form]') ? document.getElementById(event.target.getAttribute('form')) : null);
    if (!form) { return; }
    if (all) { boxes(form, false).forEach(function (b) { b.checked = all.checked; }); }
    refresh(form);
  });
  document.addEventListener('htmx:afterSettle', function () {
    document.querySelectorAll('form[data-bulk]').forEach(refresh);
  });
  window.anquanBulkCount = function (form) { return boxes(form, true).length; };
})();

// Confirmation for buttons that carry data-confirm (no inline script under the CSP): the message says
// what will happen ({n}: how many rows are chosen); cancelling sends nothing. A bulk button with no
// row chosen says so instead of sending; it returns to the list as the person left it.
document.addEventListener('click', function (event) {
  var el = event.target.closest('[data-confirm], [data-needs-selection]');
  if (!el) { return; }
  var n = 0;
  var form = el.form && el.form.hasAttribute('data-bulk') ? el.form : null;
  if (form) {
    n = window.anquanBulkCount(form);
    if (n === 0) {
      event.preventDefault();
      window.alert(form.getAttribute('data-none-text'));
      return;
    }
  }
  if (el.hasAttribute('data-confirm') && !window.confirm(el.getAttribute('data-confirm').replace('{n}', n))) {
    event.preventDefault();
  }
});

// A form's buttons are disabled while it is being sent, so a double click sends it once; they come
// back when the page is shown again from the browser's history.
document.addEventListener('submit', function (event) {
  // a form posted from a list returns to the list as the person left it
  event.target.querySelectorAll('input[data-back]').forEach(function (input) {
    input.value = window.location.search.replace(/^\?/, '');
  });
  if (event.defaultPrevented || event.target.hasAttribute('hx-get') || event.target.hasAttribute('data-live-filter')
      || (event.submitter && event.submitter.hasAttribute('data-download'))) {
    return;
  }
  var buttons = event.target.querySelectorAll('button[type=submit]');
  setTimeout(function () {
    buttons.forEach(function (b) { b.disabled = true; b.setAttribute('aria-busy', 'true'); });
  }, 0);
});
window.addEventListener('pageshow', function () {
  document.querySelectorAll('button[aria-busy=true]').forEach(function (b) { b.disabled = false; b.removeAttribute('aria-busy'); });
});

// Pickers: choosing an option puts its id in the hidden input and its name in the box; typing again
// clears the id (the text no longer names it); arrow keys move through the options, Escape closes.
(function () {
  function pickerOf(el) { return el.closest('[data-picker]'); }
  function options(picker) { return Array.prototype.slice.call(picker.querySelectorAll('[role=option]')); }
  function close(picker) {
    picker.querySelector('[role=listbox]').innerHTML = '';
    picker.querySelector('[data-picker-input]').setAttribute('aria-expanded', 'false');
  }
  document.addEventListener('click', function (event) {
    var option = event.target.closest('[data-picker] [role=option]');
    if (!option) { return; }
    var picker = pickerOf(option);
    picker.querySelector('[data-picker-value]').value = option.getAttribute('data-id');
    var input = picker.querySelector('[data-picker-input]');
    input.value = option.getAttribute('data-label');
    close(picker);
    input.focus();
  });
  document.addEventListener('input', function (event) {
    if (event.target.matches('[data-picker-input]')) {
      pickerOf(event.target).querySelector('[data-picker-value]').value = '';
    }
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    var picker = pickerOf(event.target);
    if (picker) {
      picker.querySelector('[data-picker-input]').setAttribute('aria-expanded', options(picker).length > 0 ? 'true' : 'false');
    }
  });
  document.addEventListener('keydown', function (event) {
    var picker = pickerOf(event.target);
    if (!picker) { return; }
    var list = options(picker);
    var at = list.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' && list.length) {
      event.preventDefault();
      list[Math.min(at + 1, list.length - 1)].focus();
    } else if (event.key === 'ArrowUp' && list.length) {
      event.preventDefault();
      if (at <= 0) { picker.querySelector('[data-picker-input]').focus(); } else { list[at - 1].focus(); }
    } else if (event.key === 'Escape') {
      close(picker);
      picker.querySelector('[data-picker-input]').focus();
    }
  });
})();

// The sidebar marks where the person is: the item whose address is the longest match of this page's.
(function () {
  var here = window.location.pathname;
  var best = null;
  document.querySelectorAll('#sidebar a.nav-link').forEach(function (a) {
    var path = new URL(a.href, window.location.href).pathname;
    var matches = path === '/' ? here === '/' : (here === path || here.indexOf(path + '/') === 0);
    if (matches && (!best || path.length > new URL(best.href, window.location.href).pathname.length)) {
      best = a;
    }
  });
  if (best) {
    best.classList.add('active');
    best.setAttribute('aria-current', 'page');
  }
})();

// The pager's jump box: Enter goes to the page typed (the server answers the last page for one past the end).
document.addEventListener('keydown', function (event) {
  var box = event.target.closest('[data-page-jump]');
  if (!box || event.key !== 'Enter') { return; }
  event.preventDefault();
  var n = parseInt(box.value, 10);
  if (!(n >= 1)) { return; }
  var url = box.getAttribute('data-page-jump').replace('__PAGE__', String(n));
  if (window.htmx) {
    htmx.ajax('GET', url, { target: box.getAttribute('data-target'), pushURL: url });
  } else {
    window.location.href = url;
  }
});

// A file chooser shows the chosen file's name in the page's language.
document.addEventListener('change', function (event) {
  var chooser = event.target.closest('[data-file-input]');
  if (!chooser || event.target.type !== 'file') { return; }
  var files = event.target.files;
  var name = chooser.querySelector('[data-file-name]');
  name.textContent = files && files.length ? Array.prototype.map.call(files, function (f) { return f.name; }).join('、') : chooser.getAttribute('data-none');
  name.classList.toggle('text-body-secondary', !(files && files.length));
});

// A list opened without filters moves to the ones the person chose last time (remembered on the server).
(function () {
  var form = document.querySelector('form[data-live-filter][data-remembered]');
  var remembered = form && form.getAttribute('data-remembered');
  if (remembered && !window.location.search) {
    window.location.replace(window.location.pathname + '?' + remembered);
  }
})();

// At phone width a list's rows become cards (the CSS of table.table-cards): every table of the
// workbench that has a heading row gets it, each cell named after its column's heading unless the
// page named it already. A table that must stay a grid says data-no-cards.
(function () {
  function cardify(root) {
    root.querySelectorAll('table:not([data-no-cards])').forEach(function (table) {
      if (!table.tHead || !table.tHead.rows.length) { return; }
      var heads = [];
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
        for (var i = 0; i < (th.colSpan || 1); i++) { heads.push(th.textContent.replace(/[⇅▲▼]/g, '').trim()); }
      });
      table.classList.add('table-cards');
      Array.prototype.forEach.call(table.tBodies, function (tbody) {
        Array.prototype.forEach.call(tbody.rows, function (tr) {
          var col = 0;
          Array.prototype.forEach.call(tr.cells, function (cell) {
            if (!cell.hasAttribute('data-label') && heads[col] && (cell.colSpan || 1) === 1) {
              cell.setAttribute('data-label', heads[col]);
            }
            col += cell.colSpan || 1;
          });
        });
      });
    });
  }
  cardify(document);
  document.addEventListener('htmx:afterSettle', function (event) { cardify(event.target); });
})();

// A situation a judgment standard lists is a major hazard: choosing it sets the grade to major and
// takes the general grade away (the server refuses it as well).
(function () {
  function apply(select) {
    var grade = document.getElementById(select.getAttribute('data-major-situation'));
    if (!grade) { return; }
    var chosen = select.options[select.selectedIndex];
    var major = chosen && chosen.getAttribute('data-major') === 'true';
    Array.prototype.forEach.call(grade.options, function (o) {
      if (o.value === 'GENERAL') { o.disabled = major; }
    });
    if (major) { grade.value = 'MAJOR'; }
  }
  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('select[data-major-situation]')) { apply(event.target); }
  });
  document.querySelectorAll('select[data-major-situation]').forEach(apply);
})();
