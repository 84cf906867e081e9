(function () {
  'use strict';
  // Shows, hides and filters elements already in the page. It never writes data into markup.
  var dimensions = ['verdict', 'kind', 'agreement'];
  var hidden = { verdict: new Set(), kind: new Set(), agreement: new Set() };
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-claim]'));
  var details = Array.prototype.slice.call(document.querySelectorAll('section.detail'));
  var empty = document.getElementById('detail-empty');
  var pane = document.getElementById('detail-pane');
  var shown = document.getElementById('shown-count');

  function apply() {
    var rows = 0;
    items.forEach(function (el) {
      var out = dimensions.some(function (d) { return hidden[d].has(el.getAttribute('data-' + d)); });
      el.classList.toggle('filtered', out);
      if (!out && el.tagName === 'TR') { rows++; }
    });
    if (shown) { shown.textContent = String(rows); }
  }

  function open(id, fromTable) {
    var target = document.getElementById('detail-' + id);
    if (!target) { return; }
    details.forEach(function (d) { d.hidden = d !== target; });
    if (empty) { empty.hidden = true; }
    items.forEach(function (el) { el.classList.toggle('selected', el.getAttribute('data-claim') === id); });
    pane.scrollTop = 0;
    if (fromTable) { pane.scrollIntoView({ block: 'start' }); }
    try { history.replaceState(null, '', '#' + encodeURIComponent(id)); } catch (e) { /* file:// may refuse; the panel is open anyway */ }
  }

  Array.prototype.forEach.call(document.querySelectorAll('input[data-filter]'), function (box) {
    box.addEventListener('change', function () {
      var set = hidden[box.getAttribute('data-filter')];
      if (box.checked) { set.delete(box.value); } else { set.add(box.value); }
      apply();
    });
  });
  items.forEach(function (el) {
    var fromTable = el.tagName === 'TR';
    el.addEventListener('click', function () { open(el.getAttribute('data-claim'), fromTable); });
    el.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(el.getAttribute('data-claim'), fromTable); }
    });
  });
  if (location.hash.length > 1) { open(decodeURIComponent(location.hash.slice(1)), false); }
  apply();
}());
