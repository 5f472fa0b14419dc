'use strict';
// The command-centre page: loads /dashboard/state once, then follows /dashboard/events (Server-Sent Events).
const state = {cases: new Map(), grids: new Map(), now: 0, openCount: 0, region: null, source: null};
const LIGHTS = {RED: '●', AMBER: '●', GREEN: '●'};

function qs(region) { return region ? '?region=' + encodeURIComponent(region) : ''; }

// The page holds at most LIST_LIMIT open cases (the most urgent, as the server sends them); the counts
// (openCount, grids, streets) cover every open case.
const LIST_LIMIT = 300;

async function load(region) {
  const svg = await fetch('/dashboard/map.svg' + qs(region)).then(r => r.text());
  document.getElementById('mapbox').innerHTML = svg;
  const st = await loadState(region);
  const sel = document.getElementById('region');
  if (!sel.options.length) {
    st.regions.forEach(r => sel.add(new Option(r.name + ' ' + r.code, r.code)));
  }
  sel.value = st.region;
  follow(st.region);
}

async function loadState(region) {
  const st = await fetch('/dashboard/state' + qs(region)).then(r => r.json());
  state.region = st.region; state.now = st.now; state.openCount = st.openCount;
  state.cases.clear(); state.grids.clear();
  st.cases.forEach(c => state.cases.set(c.id, c));
  st.grids.forEach(g => state.grids.set(g.code, g));
  document.getElementById('user').textContent = st.user;
  renderScorecards(st.streets);
  render();
  return st;
}

function follow(region) {
  if (state.source) state.source.close();
  const es = new EventSource('/dashboard/events' + qs(region));
  state.source = es;
  es.addEventListener('update', e => {
    const m = JSON.parse(e.data);
    state.now = m.now;
    if (m.truncated) { loadState(state.region); return; }
    state.openCount = m.openCount;
    m.cases.forEach(c => {
      if (c.status === 'CLOSED' || c.status === 'EVALUATED' || c.status === 'INVALID' || c.status === 'MERGED') {
        state.cases.delete(c.id);
      } else {
        state.cases.set(c.id, c);
      }
    });
    m.grids.forEach(g => state.grids.set(g.code, g));
    renderScorecards(m.streets);
    render();
  });
  es.addEventListener('tick', e => { state.now = JSON.parse(e.data).now; renderClock(); renderTimes(); });
  es.onopen = () => { document.getElementById('live').style.color = '#3ecf6b'; };
  es.onerror = () => { document.getElementById('live').style.color = '#ff4d4d'; };
}

function fmtLeft(c) {
  if (c.due == null) return '—';
  const ms = c.due - state.now, neg = ms < 0, m = Math.floor(Math.abs(ms) / 60000);
  const txt = Math.floor(m / 60) + 'h ' + String(m % 60).padStart(2, '0') + 'm';
  return neg ? 'overdue ' + txt : txt;
}

function renderClock() {
  document.getElementById('now').textContent = new Date(state.now).toLocaleString('zh-CN', {timeZone: 'Asia/Shanghai'});
}

function renderTimes() {
  document.querySelectorAll('#cases tr.case').forEach(tr => {
    const c = state.cases.get(tr.dataset.id); if (c) tr.querySelector('.left').textContent = fmtLeft(c);
  });
}

function gridColour(g) {
  const mode = document.getElementById('mode').value;
  if (mode === 'ontime') {
    if (g.onTimeRate < 0) return '#1e3550';
    const r = g.onTimeRate; return `rgb(${Math.round(255 * (1 - r))},${Math.round(180 * r + 40)},80)`;
  }
  const n = g.open; if (!n) return '#1e3550';
  const t = Math.min(1, n / 10); return `rgb(${Math.round(60 + 195 * t)},${Math.round(120 - 60 * t)},${Math.round(160 - 120 * t)})`;
}

function render() {
  renderClock();
  state.grids.forEach((g, code) => {
    const p = document.getElementById('g-' + code);
    if (p) { p.style.fill = gridColour(g); p.dataset.open = g.open; p.dataset.ontime = g.onTimeRate; }
  });
  const cases = [...state.cases.values()].sort((a, b) => rank(a) - rank(b) || (a.due ?? 9e15) - (b.due ?? 9e15));
  // keep the most urgent LIST_LIMIT: the page's work per update does not grow with the open cases
  cases.slice(LIST_LIMIT).forEach(c => state.cases.delete(c.id));
  cases.length = Math.min(cases.length, LIST_LIMIT);
  document.getElementById('openCount').textContent = state.openCount;
  const markers = document.getElementById('markers');
  if (markers) {
    markers.innerHTML = cases.map(c =>
      `<circle id="m-${c.id}" class="marker ${c.light}" data-light="${c.light}" cx="${c.x}" cy="${c.y}" r="5"><title>${c.id}</title></circle>`).join('');
    markers.querySelectorAll('circle').forEach(el => el.addEventListener('click', () => openTimeline(el.id.substring(2))));
  }
  const row = c => `<tr class="case" id="row-${c.id}" data-id="${c.id}" data-light="${c.light}">` +
    `<td class="light ${c.light}">${LIGHTS[c.light] || ''}</td><td>${c.id}</td><td>${esc(c.gridName)}</td>` +
    `<td>${c.category}</td><td>${c.statusName}</td><td class="left">${fmtLeft(c)}</td><td>${esc(c.lead || '')}</td></tr>`;
  document.querySelector('#cases tbody').innerHTML = cases.slice(0, 300).map(row).join('');
  document.querySelector('#supervision tbody').innerHTML = cases.filter(c => c.light === 'RED').slice(0, 50).map(row).join('');
  document.querySelectorAll('tr.case').forEach(tr => tr.addEventListener('click', () => openTimeline(tr.dataset.id)));
}

function rank(c) { return c.light === 'RED' ? 0 : c.light === 'AMBER' ? 1 : 2; }
function esc(s) { return String(s).replace(/[&<>"]/g, ch => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[ch])); }

function renderScorecards(streets) {
  document.querySelector('#scorecards tbody').innerHTML = streets.map(s =>
    `<tr><td>${esc(s.name)}</td><td>${s.open}</td><td class="RED">${s.red}</td><td>${s.closed}</td>` +
    `<td>${s.onTimeRate < 0 ? '—' : Math.round(s.onTimeRate * 100) + '%'}</td></tr>`).join('');
}

async function openTimeline(id) {
  const r = await fetch('/dashboard/cases/' + encodeURIComponent(id) + qs(state.region));
  if (!r.ok) return;
  const t = await r.json();
  document.getElementById('timelineCase').textContent = id;
  document.getElementById('timeline').innerHTML = '<ol id="timelineList">' + t.timeline.map(e =>
    `<li data-type="${e.type}">${new Date(e.at).toLocaleString('zh-CN', {timeZone: 'Asia/Shanghai'})} — ${esc(e.note)}</li>`).join('') + '</ol>';
}

document.getElementById('region').addEventListener('change', e => load(e.target.value));
document.getElementById('mode').addEventListener('change', render);
load(null);
