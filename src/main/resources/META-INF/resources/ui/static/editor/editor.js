// The editor page: the policy's DMN files in the Apache KIE DMN editor (window.DmnEditor, served
// from /ui/editor/lib), its scenario files as grids, its DRL read-only with its syntax highlighted.
// Each change is sent, debounced, to /ui/editor/check, and what the service says is placed on the
// file, table and grid row it concerns. Every value from a file or the service is put in the page
// as text (textContent, value), never as markup.
import { parseCsv, writeCsv } from './csv.js';
import { highlightDrl } from './drl.js';
import { plainWords } from './words.js';

const root = document.getElementById('editor');
const csrf = root.dataset.csrf;
const DEBOUNCE_MS = 400;

/** path -> { kind, original, text, dirty, grid? } */
const files = new Map();
let openPath = null;
let dmn = null; // the DmnEditor of the open DMN file
let dmnPath = null;
let dmnDirty = false;
let timer = null;
let inFlight = null;
let again = false;
let lastReport = null;
let sentRows = new Map(); // scenario file -> row ids as sent with the check in flight

const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v; else if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  children.forEach((c) => e.append(c));
  return e;
};

/**
 * What the page says when the service answers its own request with 401: the sign-in has ended
 * (signed out, here or elsewhere, or timed out). Signing in again in another tab keeps this page and
 * its changes; the next check or save here then goes through.
 */
function signedOut(what) {
  return [what + ': your sign-in has ended. ',
    el('a', { href: '/ui/login', target: '_blank', rel: 'noopener', class: 'sign-in-again', text: 'Sign in again' }),
    ' in another tab, then carry on here: your changes stay on this page.'];
}

async function load() {
  for (const button of root.querySelectorAll('button.file')) {
    const path = button.dataset.path;
    const response = await fetch('/ui/editor/file?path=' + encodeURIComponent(path)
      + (root.dataset.draft ? '&draft=' + encodeURIComponent(root.dataset.draft) : ''), { credentials: 'same-origin' });
    if (response.status === 401) throw new Error('Cannot read ' + path + ': your sign-in has ended; sign in again and reload this page');
    if (!response.ok) throw new Error('Cannot read ' + path + ': HTTP ' + response.status);
    const text = await response.text();
    files.set(path, { kind: button.dataset.kind, original: text, text, inDraft: button.dataset.inDraft === 'true' });
    button.addEventListener('click', () => show(path));
  }
  document.getElementById('undo').addEventListener('click', () => dmn && dmn.undo());
  document.getElementById('redo').addEventListener('click', () => dmn && dmn.redo());
  document.getElementById('save-draft').addEventListener('click', () => saveDraft(document.getElementById('draft-comment').value));
  const first = root.querySelector('button.file[data-kind="dmn"]') || root.querySelector('button.file');
  if (first) await show(first.dataset.path);
  check();
}

/** Shows one file: a DMN file in the DMN editor, a scenario file as its grid, anything else read-only. */
async function show(path) {
  await keepDmnContent();
  openPath = path;
  const file = files.get(path);
  root.querySelectorAll('button.file').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.path === path)));
  document.getElementById('open-file').textContent = path;
  root.dataset.open = path;
  const dmnBox = document.getElementById('dmn-editor');
  const source = document.getElementById('source');
  dmnBox.hidden = file.kind !== 'dmn';
  document.getElementById('dmn-tools').hidden = file.kind !== 'dmn';
  source.hidden = file.kind === 'dmn' || file.kind === 'csv';
  document.querySelectorAll('#grids > section').forEach((g) => { g.hidden = g.dataset.path !== path; });
  if (file.kind === 'dmn') {
    openDmn(path, file);
  } else if (file.kind === 'csv') {
    if (!file.grid) {
      file.grid = makeGrid(path, file);
      showResults();
    }
  } else {
    const code = source.querySelector('code');
    code.replaceChildren(...(file.kind === 'drl' ? highlightDrl(file.text) : [document.createTextNode(file.text)]));
    source.setAttribute('aria-label', path + ' (read-only)');
  }
  showFindings();
}

function openDmn(path, file) {
  if (dmn && dmnPath === path) return;
  if (dmn) dmn.close();
  const resources = new Map();
  files.forEach((f, p) => {
    if (f.kind === 'dmn' && p !== path) resources.set(p, { contentType: 'text', content: Promise.resolve(f.text) });
  });
  const container = document.getElementById('dmn-editor');
  container.replaceChildren();
  dmn = window.DmnEditor.open({
    container,
    initialContent: Promise.resolve(file.text),
    initialFileNormalizedPosixPathRelativeToTheWorkspaceRoot: path,
    readOnly: false,
    resources,
  });
  dmnPath = path;
  dmnDirty = false;
  dmn.subscribeToContentChanges(() => { dmnDirty = true; schedule(); });
}

/** The open DMN file's text as the editor has it now, once the editor has changed it. */
async function keepDmnContent() {
  if (dmn && dmnDirty) {
    files.get(dmnPath).text = await dmn.getContent();
    dmnDirty = false;
  }
}

// --- Scenario grids -------------------------------------------------------------------------

let rowIds = 0;

function makeGrid(path, file) {
  const csv = parseCsv(file.text);
  csv.rows.forEach((r) => { r.id = ++rowIds; });
  const section = el('section', { class: 'grid-csv', 'data-path': path, 'aria-label': 'Scenarios of ' + path });
  const table = el('table', { class: 'list scenarios' });
  const head = el('tr', {}, el('th', { scope: 'col', text: 'Row' }));
  csv.header.forEach((h) => head.append(el('th', { scope: 'col', text: h })));
  head.append(el('th', { scope: 'col', text: 'Result' }), el('th', { scope: 'col' }, el('span', { class: 'sr', text: 'Remove' })));
  const body = el('tbody');
  table.append(el('thead', {}, head), body);
  const add = el('button', { type: 'button', class: 'add-row', text: 'Add a row' });
  section.append(el('div', { class: 'scroll' }, table), add);
  document.getElementById('grids').append(section);
  const grid = { csv, body, section };
  // the last report checked this file as it is now: its results are in the order of these rows
  if (!sentRows.has(path)) sentRows.set(path, csv.rows.map((r) => r.id));
  const changed = () => { file.text = writeCsv(csv); schedule(); };
  grid.render = () => {
    body.replaceChildren(...csv.rows.map((row, i) => {
      const tr = el('tr', { 'data-row': String(row.id) }, el('th', { scope: 'row', text: String(i + 1) }));
      csv.header.forEach((column, c) => {
        const input = el('input', { type: 'text', 'aria-label': column + ', row ' + (i + 1), 'data-column': column });
        input.value = row.cells[c] ?? '';
        input.addEventListener('input', () => { row.cells[c] = input.value; changed(); });
        tr.append(el('td', {}, input));
      });
      const remove = el('button', { type: 'button', class: 'remove-row', text: '×', 'aria-label': 'Remove row ' + (i + 1) });
      remove.addEventListener('click', () => { csv.rows.splice(csv.rows.indexOf(row), 1); grid.render(); changed(); });
      tr.append(el('td', { class: 'result', 'data-state': 'pending' }), el('td', {}, remove));
      return tr;
    }));
    showResults();
  };
  add.addEventListener('click', () => {
    csv.rows.push({ id: ++rowIds, cells: csv.header.map(() => ''), comments: [] });
    grid.render();
    changed();
    body.lastElementChild.querySelector('input').focus();
  });
  grid.render();
  return grid;
}

// --- The check ------------------------------------------------------------------------------

function schedule() {
  clearTimeout(timer);
  setStatus('pending', 'Changed: checking shortly…');
  timer = setTimeout(check, DEBOUNCE_MS);
}

/** Sends the changed files; one check at a time, and one more when something changed meanwhile. */
async function check() {
  if (inFlight) { again = true; return; }
  await keepDmnContent();
  const form = new FormData();
  const sending = new Map();
  files.forEach((f, path) => {
    // a draft's own changes are sent too: the check puts the files sent on the policy in force
    if (f.text !== f.original || f.inDraft) form.append(path, new Blob([f.text], { type: 'text/plain' }), path.split('/').pop());
    if (f.grid) sending.set(path, f.grid.csv.rows.map((r) => r.id));
  });
  setStatus('checking', 'Checking…');
  const started = performance.now();
  inFlight = fetch('/ui/editor/check', { method: 'POST', body: form, credentials: 'same-origin',
    headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' } });
  try {
    const response = await inFlight;
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      sentRows = sending;
      lastReport = body;
      report(body, Math.round(performance.now() - started));
    } else if (response.status === 401) {
      lastReport = null;
      setStatus('error', '');
      document.getElementById('report-status').replaceChildren(...signedOut('Not checked'));
    } else {
      lastReport = null;
      setStatus('error', 'The service refused the check: ' + (body.detail || body.title || 'HTTP ' + response.status));
      showProblem(body);
    }
  } catch (e) {
    setStatus('error', 'The check could not be sent: ' + e.message);
  } finally {
    inFlight = null;
    if (again) { again = false; check(); }
  }
}

function setStatus(state, text) {
  const status = document.getElementById('report-status');
  status.dataset.state = state;
  status.textContent = text;
}

function findings(r) {
  const all = [];
  r.build.forEach((d) => all.push({ ...d, source: 'Drools build' }));
  r.validation.forEach((d) => all.push({ ...d, source: 'DMN validator' }));
  r.other.forEach((d) => all.push({ ...d, source: 'Policy check' }));
  return all;
}

function report(r, ms) {
  const failed = r.scenarios.filter((s) => !s.passed);
  const problems = findings(r).filter((d) => d.level === 'ERROR').length + failed.length;
  if (r.accepted) {
    setStatus('accepted', 'Accepted: a reload would put this version in force. ' + r.scenarios.length
      + ' scenarios pass. (' + ms + ' ms)');
  } else {
    setStatus('refused', 'Refused: ' + problems + (problems === 1 ? ' problem' : ' problems') + ', '
      + (r.built ? failed.length + ' of ' + r.scenarios.length + ' scenarios fail' : 'the policy does not build, no scenario ran')
      + '. (' + ms + ' ms)');
  }
  const box = document.getElementById('report-findings');
  box.replaceChildren();
  const all = findings(r);
  const errors = all.filter((d) => d.level === 'ERROR');
  const warnings = all.filter((d) => d.level !== 'ERROR');
  if (errors.length) {
    const list = el('ul', { class: 'findings errors' });
    errors.forEach((d) => list.append(findingItem(d, true)));
    box.append(el('h3', { text: count(errors.length, 'error') }), list);
  }
  if (warnings.length) {
    const list = el('ul', { class: 'findings warnings' });
    warnings.forEach((d) => list.append(findingItem(d, true)));
    box.append(el('details', {}, el('summary', { text: count(warnings.length, 'warning') + ' (they do not refuse the policy)' }), list));
  }
  const scenarios = document.getElementById('report-scenarios');
  scenarios.replaceChildren(el('h3', { text: 'Scenarios' }), el('p', { text: r.built
    ? r.scenarios.length + ' run, ' + failed.length + ' failed' : 'Not run: the policy does not build' }));
  if (failed.length) {
    const ul = el('ul', { class: 'failed-scenarios' });
    failed.forEach((s) => ul.append(el('li', { 'data-file': s.file }, fileLink(s.file), ': ' + s.description + ': ' + outcome(s))));
    scenarios.append(ul);
  }
  if (r.scenarios.length) scenarios.append(allScenarios(r.scenarios));
  showFindings();
  showResults();
}

function count(n, word) {
  return n + ' ' + word + (n === 1 ? '' : 's');
}

function showProblem(body) {
  const box = document.getElementById('report-findings');
  const ul = el('ul', { class: 'findings' });
  (body.errors || []).forEach((e) => ul.append(el('li', { 'data-level': 'ERROR', text: (e.field ? e.field + ': ' : '') + e.message })));
  (body.diagnostics || []).forEach((d) => ul.append(findingItem({ ...d, source: 'Check' }, true)));
  box.replaceChildren(ul);
}

function findingItem(d, withFile) {
  const where = [d.table, d.rule].filter(Boolean).join(', ');
  const li = el('li', { 'data-level': d.level, 'data-file': d.file || '' });
  li.append(el('span', { class: 'level', text: d.level === 'ERROR' ? 'Error' : 'Warning' }), ' ');
  if (withFile && d.file) li.append(fileLink(d.file), ' ');
  if (where) li.append(el('strong', { text: where }), ': ');
  li.append(plainWords(d.message, d.table, d.file && files.get(d.file) ? files.get(d.file).text : null));
  li.append(el('span', { class: 'source', text: ' (' + d.source + ')' }));
  return li;
}

function fileLink(path) {
  const b = el('button', { type: 'button', class: 'link', text: path });
  b.addEventListener('click', () => show(path));
  return b;
}

function outcome(s) {
  if (s.error) return s.error;
  const side = (pick) => s.checks.map((c) => c.column + ' ' + (pick(c) ?? 'NONE')).join(', ');
  return (s.passed ? 'passes: ' : 'expected ' + side((c) => c.expected) + ', got ') + side((c) => c.actual);
}

function allScenarios(scenarios) {
  const table = el('table', { class: 'list all-scenarios' });
  table.append(el('thead', {}, el('tr', {}, ...['File', 'Scenario', 'Result', 'Expected', 'Actual'].map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  scenarios.forEach((s) => body.append(el('tr', { 'data-passed': String(s.passed) },
    el('td', { text: s.file }), el('td', { text: s.description }), el('td', { text: s.passed ? 'pass' : 'FAIL' }),
    el('td', { text: s.error ? '—' : s.checks.map((c) => c.column + ' ' + c.expected).join(', ') }),
    el('td', { text: s.error || s.checks.map((c) => c.column + ' ' + (c.actual ?? 'NONE')).join(', ') }))));
  table.append(body);
  return el('details', {}, el('summary', { text: 'Every scenario, with its expected and actual values' }), el('div', { class: 'scroll' }, table));
}

/** Each file's count of findings beside its name, and the open file's findings above it. */
function showFindings() {
  if (!lastReport) return;
  const all = findings(lastReport);
  lastReport.scenarios.filter((s) => !s.passed).forEach((s) => all.push({ level: 'ERROR', file: s.file, source: 'Scenario',
    rule: s.line === 0 ? null : 'row ' + s.description, message: outcome(s) }));
  root.querySelectorAll('button.file').forEach((b) => {
    const mine = all.filter((d) => d.file === b.dataset.path);
    const badge = b.querySelector('.findings');
    badge.hidden = mine.length === 0;
    badge.textContent = String(mine.length);
    badge.dataset.level = mine.some((d) => d.level === 'ERROR') ? 'ERROR' : 'WARNING';
    badge.setAttribute('aria-label', mine.length + (mine.length === 1 ? ' finding' : ' findings'));
  });
  const box = document.getElementById('file-findings');
  const mine = findings(lastReport).filter((d) => d.file === openPath || (d.file == null && files.get(openPath)?.kind === 'dmn'));
  box.replaceChildren();
  if (mine.length) {
    const ul = el('ul', { class: 'findings' });
    mine.forEach((d) => ul.append(findingItem(d, false)));
    const errors = mine.filter((d) => d.level === 'ERROR').length;
    const details = el('details', {}, el('summary', { text: count(errors, 'error') + ', ' + count(mine.length - errors, 'warning') + ' in this file' }), ul);
    details.open = errors > 0;
    box.append(details);
  }
}

/** Each grid row's scenario result: the results of a file come in the order of its rows. */
function showResults() {
  files.forEach((f, path) => {
    if (!f.grid) return;
    const results = lastReport ? lastReport.scenarios.filter((s) => s.file === path) : [];
    const ids = sentRows.get(path) || [];
    const byId = new Map();
    if (!(results.length === 1 && results[0].line === 0)) ids.forEach((id, i) => byId.set(id, results[i]));
    f.grid.body.querySelectorAll('tr').forEach((tr) => {
      const cell = tr.querySelector('td.result');
      const s = byId.get(Number(tr.dataset.row));
      cell.dataset.state = !lastReport ? 'pending' : !s ? (lastReport.built ? 'pending' : 'not-run') : s.passed ? 'pass' : 'fail';
      cell.textContent = !s ? (lastReport && !lastReport.built ? 'not run' : '…') : (s.passed ? 'pass' : 'FAIL: ' + outcome(s));
    });
  });
}

// --- Drafts ---------------------------------------------------------------------------------

/**
 * Saves the changed files as a draft, with the console's session: a new one (POST /ui/editor/drafts,
 * the comment and the files as multipart) or, on ?draft=id, each changed file of that draft
 * (PUT /ui/editor/drafts/{id}/files/{path}). Then links to the draft opened in this page and to its
 * console page (/ui/drafts/{id}).
 */
export async function saveDraft(comment) {
  await keepDmnContent();
  const status = document.getElementById('save-status');
  const changed = [...files].filter(([, f]) => f.text !== f.original);
  const headers = { 'X-CSRF-Token': csrf, Accept: 'application/json' };
  let response;
  if (root.dataset.draft) {
    for (const [path, f] of changed) {
      const url = '/ui/editor/drafts/' + encodeURIComponent(root.dataset.draft) + '/files/'
        + path.split('/').map(encodeURIComponent).join('/');
      response = await fetch(url, { method: 'PUT', body: f.text, credentials: 'same-origin',
        headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' } });
      if (!response.ok) break;
      f.original = f.text;
      f.inDraft = true;
    }
  } else {
    const form = new FormData();
    form.append('comment', comment);
    changed.forEach(([path, f]) => form.append(path, new Blob([f.text], { type: 'text/plain' }), path.split('/').pop()));
    response = await fetch('/ui/editor/drafts', { method: 'POST', body: form, credentials: 'same-origin', headers });
  }
  const body = response ? await response.json().catch(() => ({})) : {};
  if (response && response.status === 401) {
    status.replaceChildren(...signedOut('Not saved'));
    return null;
  }
  if (response && !response.ok) {
    status.textContent = 'Not saved: ' + (body.detail || body.title || 'HTTP ' + response.status);
    return null;
  }
  if (!root.dataset.draft && body.id) {
    root.dataset.draft = body.id;
    changed.forEach(([, f]) => { f.original = f.text; f.inDraft = true; });
  }
  if (dmn) dmn.markAsSaved();
  if (!response) {
    status.textContent = 'Nothing changed: nothing to save';
    return null;
  }
  const link = el('a', { id: 'draft-link', href: '/ui/editor?draft=' + encodeURIComponent(root.dataset.draft),
    text: 'draft ' + root.dataset.draft });
  const view = el('a', { id: 'draft-view', href: '/ui/drafts/' + encodeURIComponent(root.dataset.draft),
    text: 'its diff, validation and replay impact' });
  status.replaceChildren('Saved as ', link, ' (' + (body.state || '').toLowerCase() + ', '
    + count((body.files || []).length, 'changed file') + '): see ', view, '.');
  return body;
}

/** A file's text as the page would send it now (the DMN editor's getContent() for the open DMN file). */
async function text(path) {
  await keepDmnContent();
  return files.get(path)?.text;
}

// For the browser tests and the console's own tools: read-only access to what the page would send.
window.severityEditor = Object.freeze({ text, saveDraft });

load().catch((e) => setStatus('error', 'The editor could not start: ' + e.message));
