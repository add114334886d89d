import { CodeSetIssueLog } from './code-set.errors';
import { effectiveDateInText, NO_QUARTER, parseIsoDate } from './code-set-dates';
import { completeRelease, CodeSetParseOptions, CodeSetRelease, NcciPtpEntry, progressReporter } from './code-set.release';
import { readCsvTable } from './csv-table';

// NCCI practitioner procedure-to-procedure edits (shared/codesets/README.md §4): column 1 is the
// comprehensive code, column 2 the component; modifier indicator 0 = never, 1 = with a distinct-service
// modifier, 9 = not applicable [MD9]. Deletion date 9999-12-31 (or "*" in the CMS file) = still active.
const CODE = /^[A-Z0-9]{5}$/;
const NO_DELETION = new Set(['', '*', '9999-12-31']);

export function parseNcciPtpFile(text: string, fileName: string, options: CodeSetParseOptions = {}): CodeSetRelease<'ncci_ptp'> {
  const issues = new CodeSetIssueLog('ncci_ptp');
  const rows = readCsvTable(text, ['column1', 'column2', 'deletion_date', 'modifier_indicator'], issues);
  const progress = progressReporter(rows.length, options.onProgress);
  const entries: NcciPtpEntry[] = [];
  let stated: string | undefined;
  rows.forEach((row, i) => {
    progress(i + 1);
    const [column1, column2] = [row.get('column1').trim(), row.get('column2').trim()];
    const deletion = row.get('deletion_date').trim();
    const deletedOn = NO_DELETION.has(deletion) ? undefined : parseIsoDate(deletion);
    // The CMS tables have an effective-date column; the 2024 Q3 extract lost it, so it stays optional.
    const effective = row.get('effective_date').trim();
    const effectiveFrom = effective === '' ? undefined : parseIsoDate(effective);
    const indicator = row.get('modifier_indicator').trim();
    stated ??= effectiveDateInText(row.get('file_version'));
    if (!CODE.test(column1) || !CODE.test(column2)) return issues.add(row.line, `"${column1}","${column2}" is not a pair of procedure codes`);
    if (!NO_DELETION.has(deletion) && !deletedOn) return issues.add(row.line, `deletion date "${deletion}" is not YYYY-MM-DD`);
    if (effective !== '' && !effectiveFrom) return issues.add(row.line, `effective date "${effective}" is not YYYY-MM-DD`);
    if (!['0', '1', '9'].includes(indicator)) return issues.add(row.line, `modifier indicator "${indicator}" is not 0, 1 or 9`);
    entries.push({
      column1,
      column2,
      ...(effectiveFrom ? { effectiveFrom } : {}),
      ...(deletedOn ? { deletedOn } : {}),
      modifierIndicator: Number(indicator) as 0 | 1 | 9,
      rationale: row.get('ptp_edit_rationale').trim(),
    });
  });
  const period = stated ? { effectiveFrom: stated } : undefined;
  return completeRelease('ncci_ptp', issues, options, { label: `NCCI PTP ${fileName}`, period, missingPeriod: NO_QUARTER }, entries);
}
