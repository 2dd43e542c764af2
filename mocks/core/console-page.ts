/**
 * The console at `/__opsmocks/`: one self-contained page (no network but this port's control API) to
 * watch and steer a vendor mock: its world's objects and states, the live request journal, faults and
 * latency, the clock, reset, snapshots, world export and import, and the session's coverage and the
 * latest fidelity report. It calls only its own origin, so its writes pass the control API's
 * cross-origin guard (decisions/040); they send JSON and an X-Opsmocks-Console header saying who they are.
 */
export function consolePage(vendor: string, title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} mock console · opsmocks</title>
<style>${STYLE}</style>
</head>
<body data-vendor="${vendor}">
<header>
  <div class="brand"><span class="logo">◆</span> opsmocks <span class="vendor">${title}</span></div>
  <div class="clock" title="Mock time: what sessions, downtimes and key expiry see">
    <span class="label">mock time</span> <strong id="clock-now">…</strong> <span id="clock-offset" class="muted"></span>
    <button data-advance="60">+1 min</button><button data-advance="3600">+1 h</button><button data-advance="86400">+1 day</button>
  </div>
  <div class="actions"><button id="reset" class="danger" title="Back to the start world; faults cleared">Reset</button></div>
</header>
<main>
  <section class="card wide" id="journal-card">
    <div class="card-head">
      <h2>Requests <span id="journal-count" class="pill">0</span></h2>
      <div class="tools">
        <input id="journal-filter" placeholder="filter: path, operationId or status" aria-label="Filter requests">
        <label class="check"><input type="checkbox" id="journal-unmatched"> not served only</label>
        <label class="check"><input type="checkbox" id="journal-live" checked> live</label>
        <button id="journal-clear">Clear</button>
      </div>
    </div>
    <div class="table-wrap tall"><table id="journal"><thead><tr><th>time</th><th>method</th><th>path</th><th>status</th><th>operation</th><th class="num">ms</th></tr></thead><tbody></tbody></table></div>
    <p id="journal-empty" class="empty">No requests yet. Point your app at this port and they appear here as they arrive.</p>
    <pre id="journal-detail" class="detail" hidden></pre>
  </section>

  <section class="card" id="faults-card">
    <div class="card-head"><h2>Faults &amp; latency</h2><button id="faults-clear">Clear all</button></div>
    <div class="toggles">
      <label class="switch"><input type="checkbox" id="toggle-errors"><span></span> every request fails with 503</label>
      <label class="switch"><input type="checkbox" id="toggle-latency"><span></span> 2 s latency on every request</label>
    </div>
    <form id="fault-form" class="grid-form">
      <label>method<select name="method"><option value="">any</option><option>GET</option><option>POST</option><option>PUT</option><option>DELETE</option></select></label>
      <label>path<input name="path" placeholder="/rest/login or /rest/*"></label>
      <label>status<input name="status" type="number" min="200" max="599" placeholder="503"></label>
      <label>delay ms<input name="delayMs" type="number" min="0" max="60000" placeholder="0"></label>
      <label>times<input name="times" type="number" min="1" placeholder="∞"></label>
      <label>message<input name="message" placeholder="maintenance"></label>
      <button type="submit" class="primary">Add fault</button>
    </form>
    <ul id="faults" class="list"></ul>
  </section>

  <section class="card" id="snapshots-card">
    <div class="card-head"><h2>Snapshots &amp; world</h2></div>
    <form id="snapshot-form" class="inline-form">
      <input name="name" placeholder="snapshot name, e.g. before-checkout" pattern="[A-Za-z0-9_.\\-]{1,64}" required>
      <button type="submit" class="primary">Take snapshot</button>
    </form>
    <ul id="snapshots" class="list"></ul>
    <div class="world-io">
      <button id="export-yaml" class="primary">Export world (YAML)</button>
      <button id="export-json">Export JSON</button>
      <label class="file-button">Import world…<input type="file" id="import-file" accept=".yaml,.yml,.json"></label>
    </div>
    <div id="import-result"></div>
  </section>

  <section class="card" id="summary-card">
    <div class="card-head"><h2>Coverage &amp; fidelity</h2></div>
    <div id="summary"></div>
  </section>

  <section class="card wide" id="world-card">
    <div class="card-head"><h2>World</h2><div class="tools"><span id="world-tabs" class="tabs"></span></div></div>
    <div class="table-wrap"><table id="world"><thead></thead><tbody></tbody></table></div>
    <pre id="world-detail" class="detail" hidden></pre>
  </section>
</main>
<div id="toast" role="status" aria-live="polite"></div>
<script>${SCRIPT}</script>
</body>
</html>`
}

const STYLE = `
:root { --bg:#f4f6fa; --card:#fff; --ink:#1c2433; --muted:#6b7689; --line:#e3e8f0; --accent:#2f6fed; --ok:#1f9d55; --warn:#d99100; --bad:#d64545; --unk:#7d5bd6; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--bg); }
header { position:sticky; top:0; z-index:2; display:flex; gap:24px; align-items:center; padding:12px 24px; background:#172033; color:#e9eefb; box-shadow:0 2px 8px rgba(0,0,0,.15); }
.brand { font-weight:700; font-size:16px; letter-spacing:.3px; }
.logo { color:#6ea2ff; }
.vendor { margin-left:6px; padding:2px 10px; border-radius:999px; background:#2f6fed; font-size:13px; }
.clock { display:flex; gap:8px; align-items:center; margin-left:auto; }
.clock .label, .muted { color:#9aa6bd; font-size:12px; }
header button { background:#26324a; color:#e9eefb; border-color:#3a4763; }
header button:hover { background:#33425f; }
button { font:inherit; padding:5px 12px; border:1px solid var(--line); border-radius:6px; background:#fff; color:var(--ink); cursor:pointer; }
button:hover { background:#eef2f9; }
button.primary { background:var(--accent); border-color:var(--accent); color:#fff; }
button.primary:hover { background:#2159c9; }
button.danger, header button.danger { background:var(--bad); border-color:var(--bad); color:#fff; }
main { display:grid; grid-template-columns:repeat(3, minmax(0, 1fr)); gap:16px; padding:16px 24px 40px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:14px 16px; box-shadow:0 1px 2px rgba(20,30,50,.05); min-width:0; }
.card.wide { grid-column:1 / -1; }
.card[hidden] { display:none; }
.card-head { display:flex; align-items:center; gap:12px; justify-content:space-between; margin-bottom:10px; }
h2 { margin:0; font-size:15px; }
.tools { display:flex; gap:10px; align-items:center; flex-wrap:wrap; }
input, select { font:inherit; padding:5px 8px; border:1px solid var(--line); border-radius:6px; background:#fff; min-width:0; }
#journal-filter { width:280px; }
.check { color:var(--muted); display:flex; gap:4px; align-items:center; }
.pill { display:inline-block; min-width:22px; padding:0 7px; border-radius:999px; background:#e8eefc; color:var(--accent); font-size:12px; text-align:center; }
.table-wrap { overflow:auto; max-height:300px; border:1px solid var(--line); border-radius:8px; }
.table-wrap.tall { max-height:340px; }
table { width:100%; border-collapse:collapse; font-size:13px; }
th { position:sticky; top:0; background:#f7f9fc; text-align:left; font-weight:600; color:var(--muted); padding:6px 10px; border-bottom:1px solid var(--line); }
td { padding:5px 10px; border-bottom:1px solid #f0f3f8; white-space:nowrap; max-width:420px; overflow:hidden; text-overflow:ellipsis; }
tr:hover td { background:#f7faff; cursor:pointer; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
tr.unmatched td { background:#fff8e6; }
tr.failed td:first-child { box-shadow: inset 3px 0 0 var(--bad); }
.method { font-weight:600; font-size:12px; }
.status { display:inline-block; padding:1px 8px; border-radius:999px; font-weight:600; font-size:12px; color:#fff; }
.s2 { background:var(--ok); } .s3 { background:#5a7bb5; } .s4 { background:var(--warn); } .s5 { background:var(--bad); }
.badge { display:inline-block; padding:1px 8px; border-radius:999px; font-size:12px; font-weight:600; background:#eef1f6; color:var(--muted); }
.b-ok, .b-up, .b-normal, .b-Clear, .b-Passed, .b-true { background:#e3f5ea; color:var(--ok); }
.b-warning, .b-Trouble, .b-Attention, .b-leaving, .b-joining, .b-moving { background:#fff3d6; color:#9a6700; }
.b-critical, .b-down, .b-Critical, .b-Failed, .b-unreachable, .b-Service_Down { background:#fde5e5; color:var(--bad); }
.b-unknown { background:#eee7fb; color:var(--unk); }
.fault { background:#fde5e5; color:var(--bad); }
.empty { color:var(--muted); text-align:center; margin:14px 0 4px; }
.detail { margin:10px 0 0; padding:10px 12px; background:#0f172a; color:#dbe4ff; border-radius:8px; max-height:260px; overflow:auto; font-size:12px; }
.toggles { display:grid; gap:8px; margin-bottom:12px; }
.switch { display:flex; gap:10px; align-items:center; cursor:pointer; }
.switch input { display:none; }
.switch span { width:36px; height:20px; border-radius:999px; background:#cfd6e3; position:relative; transition:.15s; flex:none; }
.switch span::after { content:""; position:absolute; top:2px; left:2px; width:16px; height:16px; border-radius:50%; background:#fff; transition:.15s; }
.switch input:checked + span { background:var(--bad); }
.switch input:checked + span::after { left:18px; }
.grid-form { display:grid; grid-template-columns:repeat(3, minmax(0, 1fr)); gap:8px; align-items:end; }
.grid-form label { display:grid; gap:2px; font-size:12px; color:var(--muted); }
.grid-form button { grid-column:span 3; }
.inline-form { display:flex; gap:8px; }
.inline-form input { flex:1; }
.list { list-style:none; margin:10px 0 0; padding:0; display:grid; gap:6px; }
.list li { display:flex; justify-content:space-between; align-items:center; gap:8px; padding:6px 10px; border:1px solid var(--line); border-radius:6px; font-size:13px; flex-wrap:wrap; }
.list li > span:last-child { white-space:nowrap; }
.list li .muted { color:var(--muted); }
.world-io { display:flex; gap:8px; flex-wrap:wrap; margin-top:14px; padding-top:12px; border-top:1px solid var(--line); }
.file-button { padding:5px 12px; border:1px solid var(--line); border-radius:6px; cursor:pointer; }
.file-button input { display:none; }
.problems { margin:8px 0 0; padding:8px 12px; background:#fff3f3; border:1px solid #f5c2c2; border-radius:6px; color:#8a1f1f; font-size:12px; }
.tabs { display:flex; gap:4px; flex-wrap:wrap; }
.tabs button { padding:3px 10px; font-size:12px; }
.tabs button.active { background:var(--accent); color:#fff; border-color:var(--accent); }
.stat { display:flex; justify-content:space-between; padding:6px 0; border-bottom:1px dashed var(--line); }
.stat strong { font-variant-numeric:tabular-nums; }
.bar { height:8px; border-radius:999px; background:#e8edf5; overflow:hidden; margin:4px 0 10px; }
.bar > div { height:100%; background:var(--accent); }
#toast { position:fixed; bottom:18px; left:50%; transform:translateX(-50%); background:#172033; color:#fff; padding:8px 16px; border-radius:8px; opacity:0; transition:.2s; pointer-events:none; }
#toast.show { opacity:1; }
@media (max-width: 1100px) { main { grid-template-columns:1fr; } }
`

const SCRIPT = `
const API = '/__opsmocks';
const $ = (selector) => document.querySelector(selector);
const HEADERS = { 'Content-Type': 'application/json', 'X-Opsmocks-Console': '1' };
let lastSeq = 0;
let entries = [];
let world = null;
let activeCollection = null;

function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
function toast(text) {
  const element = $('#toast');
  element.textContent = text;
  element.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => element.classList.remove('show'), 2200);
}
async function call(path, init = {}) {
  const response = await fetch(API + path, { ...init, headers: { ...HEADERS, ...(init.headers || {}) } });
  const text = await response.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  if (!response.ok) throw Object.assign(new Error((json && (json.message || (json.error && json.error.message))) || text || response.status), { json });
  return json === undefined ? text : json;
}
function badge(value) {
  const text = String(value);
  const kind = text.replace(/^[0-9]+ /, '').replace(/\\s+/g, '_');
  return '<span class="badge b-' + escapeHtml(kind) + '">' + escapeHtml(text) + '</span>';
}

// ---- clock ----
async function refreshClock() {
  const clock = await call('/clock');
  $('#clock-now').textContent = new Date(clock.now).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
  $('#clock-offset').textContent = clock.offsetSeconds ? '(+' + formatDuration(clock.offsetSeconds) + ')' : '';
}
function formatDuration(seconds) {
  const parts = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]]) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count) parts.push(count + unit);
  }
  return parts.join(' ') || '0s';
}
document.querySelectorAll('[data-advance]').forEach((button) => button.addEventListener('click', async () => {
  await call('/clock', { method: 'POST', body: JSON.stringify({ advanceSeconds: Number(button.dataset.advance) }) });
  toast('Clock moved forward ' + button.textContent.slice(1));
  refreshClock(); refreshWorld();
}));
$('#reset').addEventListener('click', async () => {
  if (!confirm('Reset this mock to its start world? Sessions, changes and faults are dropped.')) return;
  await call('/reset', { method: 'POST', body: '{}' });
  toast('Mock reset');
  refreshAll();
});

// ---- journal ----
async function refreshJournal() {
  if (!$('#journal-live').checked) return;
  const result = await call('/requests?after=' + lastSeq);
  if (result.requests.length) {
    entries = entries.concat(result.requests).slice(-500);
    lastSeq = result.requests[result.requests.length - 1].seq;
  }
  $('#journal-count').textContent = result.size;
  renderJournal();
  if (result.requests.length) refreshSummary();
}
function renderJournal() {
  const filter = $('#journal-filter').value.trim().toLowerCase();
  const unmatchedOnly = $('#journal-unmatched').checked;
  const shown = entries.filter((entry) => (!unmatchedOnly || !entry.matched) && (!filter || (entry.path + ' ' + entry.operationId + ' ' + entry.status + ' ' + entry.method).toLowerCase().includes(filter)));
  $('#journal tbody').innerHTML = shown.slice().reverse().map((entry) => {
    const query = Object.keys(entry.query).length ? '?' + new URLSearchParams(Object.entries(entry.query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((item) => [k, item]))).toString() : '';
    const classes = [entry.matched ? '' : 'unmatched', entry.status >= 400 ? 'failed' : ''].join(' ');
    return '<tr class="' + classes + '" data-seq="' + entry.seq + '"><td>' + escapeHtml(entry.at.slice(11, 23)) + '</td><td class="method">' + escapeHtml(entry.method) + '</td><td title="' + escapeHtml(entry.path + query) + '">' + escapeHtml(entry.path + query) + '</td><td><span class="status s' + String(entry.status)[0] + '">' + entry.status + '</span>' + (entry.fault ? ' <span class="badge fault">fault ' + escapeHtml(entry.fault) + '</span>' : '') + '</td><td>' + (entry.operationId ? escapeHtml(entry.operationId) : '<em class="muted">not served</em>') + '</td><td class="num">' + entry.durationMs.toFixed(1) + '</td></tr>';
  }).join('');
  $('#journal-empty').hidden = shown.length > 0;
}
$('#journal tbody').addEventListener('click', (event) => {
  const row = event.target.closest('tr');
  if (!row) return;
  const entry = entries.find((item) => String(item.seq) === row.dataset.seq);
  const detail = $('#journal-detail');
  detail.hidden = false;
  detail.textContent = JSON.stringify(entry, null, 2);
});
$('#journal-filter').addEventListener('input', renderJournal);
$('#journal-unmatched').addEventListener('change', renderJournal);
$('#journal-clear').addEventListener('click', async () => {
  await call('/requests', { method: 'DELETE' });
  entries = []; $('#journal-detail').hidden = true;
  renderJournal(); refreshSummary();
});

// ---- faults ----
async function refreshFaults() {
  const faults = await call('/faults');
  $('#faults').innerHTML = faults.map((fault) => '<li><span><strong>' + escapeHtml(fault.method || 'any') + '</strong> ' + escapeHtml(fault.path || 'every path') + ' → ' + (fault.status ? '<span class="status s' + String(fault.status)[0] + '">' + fault.status + '</span>' : '') + (fault.delayMs ? ' +' + fault.delayMs + ' ms' : '') + ' <span class="muted">' + (fault.remaining === undefined ? 'until cleared' : fault.remaining + ' left') + '</span></span></li>').join('') || '<li class="muted">No faults: every request gets the mock\\'s normal answer.</li>';
  $('#toggle-errors').checked = faults.some((fault) => !fault.path && !fault.method && fault.status === 503 && fault.remaining === undefined);
  $('#toggle-latency').checked = faults.some((fault) => !fault.path && !fault.method && fault.delayMs === 2000 && fault.status === undefined);
}
async function addFault(rule) {
  try { await call('/faults', { method: 'POST', body: JSON.stringify(rule) }); toast('Fault added'); }
  catch (error) { toast(error.message); }
  refreshFaults();
}
async function setToggle(matches, rule, on) {
  const faults = await call('/faults');
  const others = faults.filter((fault) => !matches(fault));
  await call('/faults', { method: 'DELETE' });
  for (const fault of others) {
    const { id, remaining, ...rest } = fault;
    await call('/faults', { method: 'POST', body: JSON.stringify(remaining === undefined ? rest : { ...rest, times: remaining }) });
  }
  if (on) await call('/faults', { method: 'POST', body: JSON.stringify(rule) });
  refreshFaults();
}
$('#toggle-errors').addEventListener('change', (event) => setToggle((f) => !f.path && !f.method && f.status === 503 && f.remaining === undefined, { status: 503, message: 'Service unavailable (injected by the opsmocks console)' }, event.target.checked));
$('#toggle-latency').addEventListener('change', (event) => setToggle((f) => !f.path && !f.method && f.delayMs === 2000 && f.status === undefined, { delayMs: 2000 }, event.target.checked));
$('#fault-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const rule = {};
  for (const [key, value] of form) {
    if (value === '') continue;
    rule[key] = ['status', 'delayMs', 'times'].includes(key) ? Number(value) : value;
  }
  addFault(rule);
});
$('#faults-clear').addEventListener('click', async () => { await call('/faults', { method: 'DELETE' }); toast('Faults cleared'); refreshFaults(); });

// ---- snapshots and world export/import ----
async function refreshSnapshots() {
  const snapshots = await call('/snapshots');
  $('#snapshots').innerHTML = snapshots.map((snapshot) => '<li><span><strong>' + escapeHtml(snapshot.name) + '</strong> <span class="muted">' + escapeHtml(snapshot.createdAt.slice(11, 19)) + '</span></span><span><button data-restore="' + escapeHtml(snapshot.name) + '">Restore</button> <button data-delete="' + escapeHtml(snapshot.name) + '">✕</button></span></li>').join('') || '<li class="muted">No snapshots yet: take one before a test branches.</li>';
}
$('#snapshot-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = new FormData(event.target).get('name');
  try { await call('/snapshots', { method: 'POST', body: JSON.stringify({ name }) }); toast('Snapshot ' + name + ' taken'); event.target.reset(); }
  catch (error) { toast(error.message); }
  refreshSnapshots();
});
$('#snapshots').addEventListener('click', async (event) => {
  const restore = event.target.dataset.restore;
  const remove = event.target.dataset.delete;
  if (restore) { await call('/snapshots/' + encodeURIComponent(restore) + '/restore', { method: 'POST', body: '{}' }); toast('Restored ' + restore); refreshWorld(); }
  if (remove) { await call('/snapshots/' + encodeURIComponent(remove), { method: 'DELETE' }); }
  refreshSnapshots();
});
async function download(format) {
  const text = await call('/state' + (format === 'yaml' ? '?format=yaml' : ''));
  const body = typeof text === 'string' ? text : JSON.stringify(text, null, 2);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([body], { type: format === 'yaml' ? 'application/yaml' : 'application/json' }));
  link.download = document.body.dataset.vendor + '-world.' + format;
  document.body.appendChild(link);
  link.click();
  link.remove();
  toast('World exported');
}
$('#export-yaml').addEventListener('click', () => download('yaml'));
$('#export-json').addEventListener('click', () => download('json'));
$('#import-file').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  const text = await file.text();
  const result = $('#import-result');
  try {
    await call('/state', { method: 'PUT', body: text, headers: text.trim().startsWith('{') ? {} : { 'Content-Type': 'application/yaml' } });
    result.innerHTML = '';
    toast('World ' + file.name + ' loaded');
    refreshWorld();
  } catch (error) {
    const problems = (error.json && error.json.problems) || [];
    result.innerHTML = '<div class="problems"><strong>' + escapeHtml(file.name) + ' was not loaded; nothing changed.</strong><br>' + problems.map((p) => escapeHtml((p.line ? 'line ' + p.line + ' ' : '') + (p.path || '/') + ': ' + p.message)).join('<br>') + '</div>';
  }
  event.target.value = '';
});

// ---- world ----
const PREFERRED = ['cluster', 'device', 'name', 'username', 'userName', 'ifName', 'entity', 'ip', 'hostgroup', 'category', 'state', 'mode', 'severity', 'status', 'alarmcode', 'roles', 'privilege', 'output', 'message', 'services', 'nodes', 'interfaces', 'monitors', 'hosttemplates', 'description', 'comment'];
// Top-level lists, lists one level down (lcm.nodes), and the objects entries own as their own tab with the
// owner's name first (clusters › nodes, devices › interfaces), so nodes and interfaces show their states.
const OWNED = ['nodes', 'interfaces', 'alertRules', 'bestPractice', 'events'];
function collections(doc) {
  const out = [];
  const isList = (value) => Array.isArray(value) && value.every((item) => item && typeof item === 'object' && !Array.isArray(item));
  for (const [key, value] of Object.entries(doc)) {
    if (isList(value)) {
      out.push([key, value]);
      const owner = key.replace(/s$/, '');
      const nested = [...new Set(value.flatMap((item) => Object.keys(item).filter((field) => OWNED.includes(field) && isList(item[field]) && item[field].length)))];
      for (const field of nested) out.push([key + ' › ' + field, value.flatMap((item) => (isList(item[field]) ? item[field] : []).map((child) => Object.assign({ [owner]: item.name ?? item.username ?? item.userName }, child)))]);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, list] of Object.entries(value)) if (isList(list)) out.push([key + '.' + inner, list]);
    }
  }
  return out;
}
async function refreshWorld() {
  world = await call('/state');
  const lists = collections(world);
  if (!activeCollection || !lists.some(([key]) => key === activeCollection)) activeCollection = (lists.find(([, list]) => list.length) || lists[0] || [null])[0];
  $('#world-tabs').innerHTML = lists.map(([key, list]) => '<button data-collection="' + escapeHtml(key) + '" class="' + (key === activeCollection ? 'active' : '') + '">' + escapeHtml(key) + ' <span class="pill">' + list.length + '</span></button>').join('');
  const list = (lists.find(([key]) => key === activeCollection) || [null, []])[1];
  const keys = [...new Set(list.flatMap((item) => Object.keys(item)))];
  // The telling fields first, then the list's other fields, up to seven columns (rows open in full on click).
  const preferred = PREFERRED.filter((key) => keys.includes(key)).slice(0, 7);
  const cols = preferred.concat(keys.filter((key) => !preferred.includes(key))).slice(0, 7);
  $('#world thead').innerHTML = '<tr>' + cols.map((key) => '<th>' + escapeHtml(key) + '</th>').join('') + '</tr>';
  $('#world tbody').innerHTML = list.map((item, index) => '<tr data-index="' + index + '">' + cols.map((key) => '<td>' + cell(key, item[key]) + '</td>').join('') + '</tr>').join('');
}
function cell(key, value) {
  if (value === undefined || value === null) return '<span class="muted">—</span>';
  if (['state', 'mode', 'status'].includes(key)) return badge(value);
  if (key === 'severity') return badge(['', 'Critical', 'Trouble', 'Attention', 'Service Down', 'Clear'][value] || value);
  if (Array.isArray(value)) return value.every((item) => typeof item !== 'object') ? escapeHtml(value.join(', ')) : '<span class="muted">' + value.length + ' items</span>';
  if (typeof value === 'object') {
    // Per-service states: a count per state, worst first, rather than a badge each.
    const states = Object.values(value).map((item) => item && item.state).filter(Boolean);
    if (states.length) {
      const order = ['critical', 'down', 'unknown', 'warning', 'unreachable', 'ok', 'up'];
      const counts = {};
      for (const state of states) counts[state] = (counts[state] || 0) + 1;
      return Object.keys(counts).sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((state) => badge(counts[state] + ' ' + state)).join(' ');
    }
    return '<span class="muted">' + Object.keys(value).length + ' entries</span>';
  }
  return escapeHtml(value);
}
$('#world-tabs').addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  activeCollection = button.dataset.collection;
  $('#world-detail').hidden = true;
  refreshWorld();
});
$('#world tbody').addEventListener('click', (event) => {
  const row = event.target.closest('tr');
  if (!row) return;
  const list = (collections(world).find(([key]) => key === activeCollection) || [null, []])[1];
  const detail = $('#world-detail');
  detail.hidden = false;
  detail.textContent = JSON.stringify(list[Number(row.dataset.index)], null, 2);
});

// ---- coverage and fidelity ----
async function refreshSummary() {
  const summary = await call('/summary');
  const session = summary.session;
  const percent = session.operations ? Math.round((100 * session.called.length) / session.operations) : 0;
  let html = '<div class="stat"><span>operations called this session</span><strong>' + session.called.length + ' / ' + session.operations + '</strong></div><div class="bar"><div style="width:' + percent + '%"></div></div>';
  html += '<div class="stat"><span>requests journaled</span><strong>' + session.requests + '</strong></div>';
  html += '<div class="stat"><span>failed (4xx/5xx)</span><strong>' + session.failed + '</strong></div>';
  html += '<div class="stat"><span>not served by the mock</span><strong>' + session.unmatched + '</strong></div>';
  const reports = summary.reports || {};
  if (reports.coverage) html += '<div class="stat"><span>contract coverage (last run)</span><strong>' + reports.coverage.covered + ' / ' + reports.coverage.documented + ' pairs</strong></div>';
  if (reports.fidelity) html += '<div class="stat"><span>fidelity vs ' + escapeHtml(reports.fidelity.baseUrl || 'real vendor') + '</span><strong>' + reports.fidelity.differences + (reports.fidelity.differences === 1 ? ' difference' : ' differences') + '</strong></div>';
  if (!reports.coverage && !reports.fidelity) html += '<p class="muted">No contract or proxy reports in .reports/ yet (npm run contract, npm run proxy).</p>';
  $('#summary').innerHTML = html;
}

async function refreshAll() {
  const parts = [refreshClock(), refreshJournal(), refreshFaults(), refreshSummary(), refreshSnapshots(), refreshWorld()];
  await Promise.all(parts.map((p) => p.catch((error) => console.error(error))));
}
refreshAll();
setInterval(() => refreshJournal().catch(() => {}), 1000);
setInterval(() => { refreshClock().catch(() => {}); refreshFaults().catch(() => {}); }, 2000);
setInterval(() => refreshWorld().catch(() => {}), 5000);
`
