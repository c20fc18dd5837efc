// Scenario files as the scenario runner reads them (commons-csv: a header row, '#' comment lines,
// blank lines ignored, quoted fields with "" for a quote). Comments are kept with the row they
// precede (or at the end), so writing a grid back keeps them; blank lines are not kept.

/** { header: [..], headComments: [..], rows: [{ cells: [..], comments: [..] }], tailComments: [..] } */
export function parseCsv(text) {
  const records = [];
  let comments = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (text[i] === '#') { // a comment line: the runner's comment marker, at the start of a line
      const end = lineEnd(text, i);
      comments.push(text.slice(i, end));
      i = next(text, end);
      continue;
    }
    if (text[i] === '\n' || text[i] === '\r') { i = next(text, i); continue; }
    const cells = [];
    let cell = '';
    for (;;) {
      if (text[i] === '"') {
        i++;
        while (i < n) {
          if (text[i] === '"' && text[i + 1] === '"') { cell += '"'; i += 2; } else if (text[i] === '"') { i++; break; } else { cell += text[i++]; }
        }
      }
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      cells.push(cell.trim());
      cell = '';
      if (i < n && text[i] === ',') { i++; continue; }
      i = next(text, i);
      break;
    }
    records.push({ cells, comments });
    comments = [];
  }
  const [head, ...rows] = records;
  return { header: head ? head.cells : [], headComments: head ? head.comments : [], rows, tailComments: comments };
}

export function writeCsv(csv) {
  const lines = [...csv.headComments, csv.header.map(quote).join(',')];
  csv.rows.forEach((r) => { lines.push(...r.comments, csv.header.map((_, c) => quote(r.cells[c] ?? '')).join(',')); });
  lines.push(...csv.tailComments);
  return lines.join('\n') + '\n';
}

function quote(value) {
  return /[",\r\n#]/.test(value) || value !== value.trim() ? '"' + value.replaceAll('"', '""') + '"' : value;
}

function lineEnd(text, i) {
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function next(text, i) {
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i < text.length ? i + 1 : i;
}
