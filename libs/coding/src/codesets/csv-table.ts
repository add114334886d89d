import { CodeSetIssueLog } from './code-set.errors';

/** One CSV record with the physical line it starts on, for error messages. */
export interface CsvRow {
  line: number;
  get(column: string): string;
}

/**
 * RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF both end
 * a record. The CMS extracts are CSV with a header row, so rows are read by column name.
 */
export function readCsvTable(text: string, requiredColumns: readonly string[], issues: CodeSetIssueLog): CsvRow[] {
  const records = splitRecords(text.replace(/^\uFEFF/, ''), issues);
  if (records.length === 0) {
    issues.add(0, 'the file is empty');
    return [];
  }
  const [header, ...body] = records;
  const index = new Map(header.cells.map((name, i) => [name.trim(), i]));
  const missing = requiredColumns.filter((column) => !index.has(column));
  if (missing.length > 0) {
    issues.add(header.line, `missing column(s) ${missing.join(', ')}`);
    return [];
  }
  return body
    .filter((record) => !(record.cells.length === 1 && record.cells[0] === ''))
    .map((record) => {
      if (record.cells.length !== header.cells.length) {
        issues.add(record.line, `expected ${header.cells.length} fields, found ${record.cells.length}`);
      }
      return { line: record.line, get: (column: string) => record.cells[index.get(column) ?? -1] ?? '' };
    });
}

interface CsvRecord {
  line: number;
  cells: string[];
}

function splitRecords(text: string, issues: CodeSetIssueLog): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      records.push({ line: recordLine, cells: [...cells, cell] });
      cells = [];
      cell = '';
      line += 1;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) issues.add(recordLine, 'a quoted field is never closed');
  if (cell !== '' || cells.length > 0) records.push({ line: recordLine, cells: [...cells, cell] });
  return records;
}
