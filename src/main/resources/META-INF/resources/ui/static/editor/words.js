// The DMN validator's decision-table analysis (gaps, overlaps, misleading rows) in words an editor
// reads: its values are given per input column of the table ("[ ( 15 .. 20 ] ]"), so they are
// named by the table's input labels, read from the DMN file itself. Other messages are shown as the
// validator wrote them.

/** The message in plain words; {@code dmnText} is the DMN file the finding is in (may be null). */
export function plainWords(message, table, dmnText) {
  const text = message || '';
  const labels = inputLabels(dmnText, table);
  let m = /^Gap detected:\s*(\[.*\])\s*$/.exec(text);
  if (m) return 'No row covers ' + cases(m[1], labels) + '.';
  m = /^Overlap detected: Overlap values:\s*(\[.*\]) for rules: \[([\d, ]+)\]\.\s*(.*)$/.exec(text);
  if (m) {
    const rules = m[2].split(/,\s*/);
    return 'Rules ' + rules.join(' and ') + (rules.length === 2 ? ' both' : ' all') + ' match ' + cases(m[1], labels) + '. ' + m[3];
  }
  m = /^Rule (\d+) is a misleading rule\. It could be misleading over other rules, such as rule: (\d+)/.exec(text);
  if (m) return 'Rule ' + m[1] + ' comes before rule ' + m[2] + ' and matches some of its cases: which row applies depends on their order.';
  return text;
}

function cases(values, labels) {
  const parts = topLevel(values.trim().replace(/^\[\s*/, '').replace(/\s*\]$/, ''));
  return parts.map((v, i) => (labels[i] ? labels[i] + ' ' : '') + range(v.trim())).join(', ');
}

/** "( 15 .. 20 ]" as "more than 15 and at most 20"; anything else as it is. */
function range(v) {
  const m = /^([[(\]])\s*(.+?)\s*\.\.\s*(.+?)\s*([\])[])$/.exec(v);
  if (!m) return v.replace(/^\[\s*(.*?)\s*\]$/, '$1');
  const low = m[2] === '-∞' || /^-?Infinity$/.test(m[2]) ? null : (m[1] === '[' ? 'at least ' : 'more than ') + m[2];
  const high = m[3] === '+∞' || /^\+?Infinity$/.test(m[3]) ? null : (m[4] === ']' ? 'at most ' : 'under ') + m[3];
  return [low, high].filter(Boolean).join(' and ') || 'any value';
}

function topLevel(s) {
  const out = [];
  let depth = 0, quoted = false, start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && '[('.includes(c)) depth++;
    else if (!quoted && '])'.includes(c)) depth--;
    else if (!quoted && c === ',' && depth === 0) { out.push(s.slice(start, i)); start = i + 1; }
  }
  out.push(s.slice(start));
  return out.filter((p) => p.trim() !== '');
}

function inputLabels(dmnText, table) {
  if (!dmnText || !table) return [];
  const doc = new DOMParser().parseFromString(dmnText, 'application/xml');
  const decision = [...doc.getElementsByTagNameNS('*', 'decision')].find((d) => d.getAttribute('name') === table);
  if (!decision) return [];
  return [...decision.getElementsByTagNameNS('*', 'input')].map((i) => i.getAttribute('label')
    || i.getElementsByTagNameNS('*', 'text')[0]?.textContent || '');
}
