import { CodeSetIssueLog } from './code-set.errors';
import { parseCompactDate, periodFromFileName } from './code-set-dates';
import { completeRelease, CodeSetParseOptions, CodeSetRelease, HcpcsEntry, progressReporter } from './code-set.release';
import { readCsvTable } from './csv-table';

// CMS HCPCS Level II annual/quarterly file (shared/codesets/README.md §2): RECID 3 = procedure,
// 7 = modifier; 4 and 8 continue the long description of the record before them in the fixed-width
// variant. Dates are YYYYMMDD; modifier codes carry leading spaces in the official sheet.
const COLUMNS = ['HCPC', 'RECID', 'LONG DESCRIPTION', 'SHORT DESCRIPTION', 'ADD DT', 'ACT EFF DT', 'TERM DT', 'ACTION CD'];
const RECORD = { hcpcs: { first: '3', more: '4', code: /^[A-Z]\d{4}$/ }, hcpcs_modifier: { first: '7', more: '8', code: /^[A-Z0-9]{2}$/ } };

export type HcpcsKind = keyof typeof RECORD;

/** Reads the procedure (`hcpcs`) or modifier (`hcpcs_modifier`) records of a HCPCS file into a release. */
export function parseHcpcsFile(
  kind: HcpcsKind,
  text: string,
  fileName: string,
  options: CodeSetParseOptions = {},
): CodeSetRelease<HcpcsKind> {
  const issues = new CodeSetIssueLog(kind);
  const rows = readCsvTable(text, COLUMNS, issues);
  const progress = progressReporter(rows.length, options.onProgress);
  const { first, more, code: shape } = RECORD[kind];
  const entries: HcpcsEntry[] = [];
  let latest = '';
  rows.forEach((row, i) => {
    progress(i + 1);
    const recordId = row.get('RECID').trim();
    const code = row.get('HCPC').trim();
    const previous = entries[entries.length - 1];
    if (recordId === more && previous?.code === code) {
      previous.longDescription = `${previous.longDescription} ${row.get('LONG DESCRIPTION').trim()}`;
      return;
    }
    if (recordId !== first) return;
    const addedOn = parseCompactDate(row.get('ADD DT'));
    const actionEffectiveOn = parseCompactDate(row.get('ACT EFF DT'));
    const term = row.get('TERM DT').trim();
    const terminatedOn = term === '' ? undefined : parseCompactDate(term);
    if (!shape.test(code)) return issues.add(row.line, `"${code}" is not a ${kind === 'hcpcs' ? 'HCPCS code' : 'modifier'}`);
    if (!addedOn || !actionEffectiveOn) return issues.add(row.line, `${code}: ADD DT and ACT EFF DT must be YYYYMMDD dates`);
    if (term !== '' && !terminatedOn) return issues.add(row.line, `${code}: TERM DT "${term}" is not a YYYYMMDD date`);
    latest = [latest, addedOn, actionEffectiveOn].sort().pop()!;
    entries.push({
      code,
      longDescription: row.get('LONG DESCRIPTION').trim(),
      shortDescription: row.get('SHORT DESCRIPTION').trim(),
      addedOn,
      actionEffectiveOn,
      ...(terminatedOn ? { terminatedOn } : {}),
      actionCode: row.get('ACTION CD').trim(),
    });
  });
  if (rows.length > 0 && entries.length === 0) issues.add(0, `no RECID ${first} records in the file`);
  // The quarter in the file name wins; otherwise the latest action date in the file is its release date.
  const period = periodFromFileName(fileName) ?? (latest ? { effectiveFrom: latest } : undefined);
  const implied = { label: `HCPCS Level II ${fileName}`, period, missingPeriod: 'no dated record: pass effectiveFrom' };
  return completeRelease(kind, issues, options, implied, entries);
}
