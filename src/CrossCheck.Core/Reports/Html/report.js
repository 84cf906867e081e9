(function () {
  'use strict';
  // Shows, hides, orders and filters elements already in the page, and keeps the editor's review marks.
  // It never writes data into markup: text goes in through textContent and form values only.
  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  function byId(id) { return document.getElementById(id); }
  var dimensions = ['verdict', 'kind', 'agreement'];
  var hidden = { verdict: new Set(), kind: new Set(), agreement: new Set() };
  var items = all('[data-claim]');
  var details = all('section.detail');
  var boxes = all('input[data-filter]');
  var counts = all('[data-count-filter]');
  var empty = byId('detail-empty');
  var pane = byId('detail-pane');
  var shown = byId('shown-count');
  var search = byId('search');
  var sort = byId('sort');
  var runId = document.body.getAttribute('data-run-id') || '';
  var texts = {};
  all('#claim-list li').forEach(function (li) { texts[li.getAttribute('data-claim')] = li.textContent.toLowerCase(); });
  details.forEach(function (d) {
    var id = d.getAttribute('data-detail');
    var q = d.querySelector('.claim-text');
    texts[id] = (texts[id] || '') + ' ' + (q ? q.textContent.toLowerCase() : '');
  });
  var query = '';

  function syncFromBoxes() {
    dimensions.forEach(function (d) { hidden[d].clear(); });
    boxes.forEach(function (b) { if (!b.checked) { hidden[b.getAttribute('data-filter')].add(b.value); } });
  }

  function verdictBoxes() { return boxes.filter(function (b) { return b.getAttribute('data-filter') === 'verdict'; }); }

  function onlyVerdict(v) {
    var vb = verdictBoxes();
    return vb.length > 0 && vb.every(function (b) { return b.checked === (b.value === v); });
  }

  function apply() {
    var rows = 0;
    items.forEach(function (el) {
      var id = el.getAttribute('data-claim');
      var out = dimensions.some(function (d) { return hidden[d].has(el.getAttribute('data-' + d)); }) ||
        (query.length > 0 && (texts[id] || '').indexOf(query) < 0 && id.toLowerCase() !== query);
      el.classList.toggle('filtered', out);
      if (!out && el.tagName === 'TR') { rows++; }
    });
    if (shown) { shown.textContent = String(rows); }
    counts.forEach(function (b) {
      var v = b.getAttribute('data-count-filter');
      var pressed = v === 'all' ? hidden.verdict.size === 0 : onlyVerdict(v);
      b.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    });
  }

  function open(id, reveal) {
    var target = byId('detail-' + id);
    if (!target) { return; }
    details.forEach(function (d) { d.hidden = d !== target; });
    if (empty) { empty.hidden = true; }
    items.forEach(function (el) { el.classList.toggle('selected', el.getAttribute('data-claim') === id); });
    pane.scrollTop = 0;
    var narrow = window.matchMedia('(max-width: 900px)').matches;
    if (narrow || reveal) { target.scrollIntoView({ block: 'start' }); }
    target.focus({ preventScroll: true });
    try { history.replaceState(null, '', '#' + encodeURIComponent(id)); } catch (e) { /* file:// may refuse; the panel is open anyway */ }
  }

  boxes.forEach(function (box) {
    box.addEventListener('change', function () { syncFromBoxes(); apply(); });
  });
  counts.forEach(function (button) {
    button.addEventListener('click', function () {
      var v = button.getAttribute('data-count-filter');
      var reset = v === 'all' || onlyVerdict(v);
      verdictBoxes().forEach(function (b) { b.checked = reset || b.value === v; });
      syncFromBoxes();
      apply();
      var list = byId('problems');
      if (list && !reset) { list.scrollIntoView({ block: 'nearest' }); }
    });
  });
  if (search) {
    search.addEventListener('input', function () { query = search.value.trim().toLowerCase(); apply(); });
  }

  function order(container, key) {
    if (!container) { return; }
    var rows = Array.prototype.slice.call(container.children);
    function n(el, k) { return Number(el.getAttribute('data-' + k)) || 0; }
    rows.sort(function (a, b) {
      if (key === 'dis' && n(b, 'dis') !== n(a, 'dis')) { return n(b, 'dis') - n(a, 'dis'); }
      if (key !== 'pos' && n(a, 'sev') !== n(b, 'sev')) { return n(a, 'sev') - n(b, 'sev'); }
      if (key === 'sev' && n(b, 'dis') !== n(a, 'dis')) { return n(b, 'dis') - n(a, 'dis'); }
      return n(a, 'pos') - n(b, 'pos');
    });
    rows.forEach(function (r) { container.appendChild(r); });
  }
  if (sort) {
    sort.addEventListener('change', function () {
      order(byId('claim-list'), sort.value);
      order(document.querySelector('table.heatmap tbody'), sort.value);
    });
  }

  all('[data-open]').forEach(function (b) {
    b.addEventListener('click', function () { open(b.getAttribute('data-open'), false); });
  });
  items.forEach(function (el) {
    if (el.tagName === 'LI') { return; }
    var fromTable = el.tagName === 'TR';
    el.addEventListener('click', function () { open(el.getAttribute('data-claim'), fromTable); });
    el.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(el.getAttribute('data-claim'), fromTable); }
    });
  });

  // The editor's review: kept in this browser (localStorage, per run) until exported as a decisions file.
  var storageKey = 'crosscheck-review:' + runId;
  var reviewer = byId('reviewer');
  var reviewCount = byId('review-count');
  function collect() {
    var out = [];
    all('fieldset[data-review]').forEach(function (f) {
      var id = f.getAttribute('data-review');
      var picked = f.querySelector('input[type=radio]:checked');
      var noteBox = f.querySelector('textarea[data-note]');
      var note = noteBox ? noteBox.value.trim() : '';
      var decision = picked && picked.value ? picked.value : (note ? 'note' : '');
      if (decision) {
        var entry = { claim: id, decision: decision };
        if (note) { entry.note = note; }
        out.push(entry);
      }
    });
    return out;
  }
  function save() {
    var decisions = collect();
    if (reviewCount) { reviewCount.textContent = decisions.length + ' marked'; }
    try { localStorage.setItem(storageKey, JSON.stringify({ reviewer: reviewer ? reviewer.value : '', decisions: decisions })); } catch (e) { /* storage may be off: marks live until the page closes */ }
  }
  function restore() {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(storageKey) || 'null'); } catch (e) { saved = null; }
    if (!saved) { return; }
    if (reviewer && typeof saved.reviewer === 'string') { reviewer.value = saved.reviewer; }
    (saved.decisions || []).forEach(function (d) {
      var f = document.querySelector('fieldset[data-review="' + CSS.escape(String(d.claim)) + '"]');
      if (!f) { return; }
      f.querySelectorAll('input[type=radio]').forEach(function (r) { r.checked = r.value === (d.decision === 'note' ? '' : d.decision); });
      var noteBox = f.querySelector('textarea[data-note]');
      if (noteBox && typeof d.note === 'string') { noteBox.value = d.note; }
    });
  }
  all('fieldset[data-review] input, fieldset[data-review] textarea').forEach(function (el) {
    el.addEventListener(el.tagName === 'TEXTAREA' ? 'input' : 'change', save);
  });
  if (reviewer) { reviewer.addEventListener('input', save); }
  var exportButton = byId('export-decisions');
  if (exportButton) {
    exportButton.addEventListener('click', function () {
      var decisions = collect();
      if (decisions.length === 0) {
        if (reviewCount) { reviewCount.textContent = 'nothing marked yet: mark a claim in its detail first'; }
        return;
      }
      var payload = {
        format: 'crosscheck-decisions', version: 1, run_id: runId,
        reviewer: reviewer ? reviewer.value.trim() : '', exported: new Date().toISOString(), decisions: decisions,
      };
      var blob = new Blob([JSON.stringify(payload, null, 2) + '\n'], { type: 'application/json' });
      var link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'decisions-' + runId + '.json';
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      if (reviewCount) { reviewCount.textContent = decisions.length + ' exported: run crosscheck review <run folder> ' + link.download; }
    });
  }
  restore();
  save();

  if (location.hash.length > 1) { open(decodeURIComponent(location.hash.slice(1)), false); }
  apply();
}());
