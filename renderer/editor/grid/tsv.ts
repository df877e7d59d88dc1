// Tab-separated blocks, as Excel and WPS put them on the clipboard: rows end in \r\n (often
// with one trailing), blank cells are empty fields, a cell holding a line break is quoted.

/** Splits clipboard text into rows of cells; trailing line breaks do not make empty rows. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // Quoted cell: runs to the closing quote; "" is a literal quote.
      let j = i + 1;
      let q = '';
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            q += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        q += text[j++];
      }
      if (closed && (j >= text.length || text[j] === '\t' || text[j] === '\r' || text[j] === '\n')) {
        cell = q;
        i = j;
        atCellStart = false;
        continue;
      }
      // Not a proper quoted cell: take the quote literally.
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  // The one line break Excel puts after a block ends the last row above and makes no row of
  // its own; a further empty line is a blank cell (Excel writes a column ending in a blank so).
  return rows.map((r) => r.map((c) => c.trim()));
}

export function toTsv(rows: string[][]): string {
  return rows
    .map((r) => r.map((c) => (/[\t\r\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t'))
    .join('\r\n');
}
