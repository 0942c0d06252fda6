import { createHash } from 'node:crypto';

/** The page's only style sheet, inline: the report is one file that works offline. */
export const STYLE = `
:root { --critical:#8b0000; --high:#c0392b; --medium:#d35400; --low:#b7950b; --info:#2471a3; --pass:#1e8449; --muted:#5d6d7e; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1c2833; background: #f8f9f9; }
header, main { max-width: 1280px; margin: 0 auto; padding: 16px 24px; }
header { border-bottom: 1px solid #d5d8dc; background: #fff; max-width: none; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.meta { color: var(--muted); margin: 0; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { background: #fff; border: 1px solid #d5d8dc; border-left: 6px solid var(--muted); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.card b { display: block; font-size: 22px; }
.card.critical { border-left-color: var(--critical); } .card.high { border-left-color: var(--high); } .card.medium { border-left-color: var(--medium); }
.card.low { border-left-color: var(--low); } .card.info { border-left-color: var(--info); } .card.unknown { border-left-color: #7d3c98; }
.banner { border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
.banner.incomplete { background: #fdedec; border: 1px solid var(--high); } .banner.complete { background: #e9f7ef; border: 1px solid var(--pass); }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #d5d8dc; padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #eaeded; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
th button { all: unset; cursor: pointer; font-weight: 600; } th button::after { content: " ⇅"; color: var(--muted); }
.sev { font-weight: 600; text-transform: uppercase; font-size: 12px; }
.sev.critical { color: var(--critical); } .sev.high { color: var(--high); } .sev.medium { color: var(--medium); } .sev.low { color: var(--low); } .sev.info { color: var(--info); }
.verdict-pass, .status-pass { color: var(--pass); font-weight: 600; } .status-fail { color: var(--high); font-weight: 600; } .verdict-unknown { color: #7d3c98; font-weight: 600; }
.controls-bar { display: flex; gap: 10px; align-items: center; margin: 8px 0; flex-wrap: wrap; }
.controls-bar input { width: 320px; padding: 5px 8px; } .controls-bar select { padding: 4px; }
details summary { cursor: pointer; } details dl { margin: 6px 0; } dt { font-weight: 600; margin-top: 6px; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f4f6f6; padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
svg.path { max-width: 100%; height: auto; margin-top: 6px; }
svg.path rect { fill: #fdfefe; stroke: #566573; } svg.path .source rect { fill: #fdedec; stroke: var(--high); } svg.path .target rect { fill: #fef5e7; stroke: var(--medium); }
svg.path text { font: 11px ui-monospace, Menlo, monospace; fill: #1c2833; } svg.path .arrow { stroke: #566573; fill: none; stroke-width: 1.5; }
`;

/**
 * The page's only script: filtering and sorting of the findings table. A constant (no report data
 * in it: data is in escaped attributes), so the Content-Security-Policy allows exactly it by hash.
 */
export const SCRIPT = `
(function () {
  var table = document.getElementById('findings');
  if (!table) return;
  var body = table.tBodies[0];
  var filter = document.getElementById('filter');
  var severity = document.getElementById('severity-filter');
  var verdict = document.getElementById('verdict-filter');
  var count = document.getElementById('shown');
  function apply() {
    var text = filter.value.toLowerCase();
    var shown = 0;
    for (var i = 0; i < body.rows.length; i++) {
      var row = body.rows[i];
      var ok = (!text || row.getAttribute('data-text').indexOf(text) !== -1) &&
        (!severity.value || row.getAttribute('data-severity') === severity.value) &&
        (!verdict.value || row.getAttribute('data-verdict') === verdict.value);
      row.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = String(shown);
  }
  filter.addEventListener('input', apply);
  severity.addEventListener('change', apply);
  verdict.addEventListener('change', apply);
  var buttons = table.tHead.querySelectorAll('button[data-key]');
  for (var b = 0; b < buttons.length; b++) {
    buttons[b].addEventListener('click', function (event) {
      var key = event.currentTarget.getAttribute('data-key');
      var descending = table.getAttribute('data-sorted') === key && table.getAttribute('data-order') !== 'desc';
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (x, y) {
        var a = x.getAttribute('data-sort-' + key), c = y.getAttribute('data-sort-' + key);
        var na = Number(a), nc = Number(c);
        var order = !isNaN(na) && !isNaN(nc) ? na - nc : a < c ? -1 : a > c ? 1 : 0;
        return descending ? -order : order;
      });
      for (var r = 0; r < rows.length; r++) body.appendChild(rows[r]);
      table.setAttribute('data-sorted', key);
      table.setAttribute('data-order', descending ? 'desc' : 'asc');
    });
  }
  apply();
})();
`;

/** The CSP source that allows exactly SCRIPT. */
export const SCRIPT_HASH = `'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;
