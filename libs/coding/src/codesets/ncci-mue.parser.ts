import { CodeSetIssueLog } from './code-set.errors';
import { effectiveDateInText, NO_QUARTER } from './code-set-dates';
import { completeRelease, CodeSetParseOptions, CodeSetRelease, NcciMueEntry, progressReporter } from './code-set.release';
import { readCsvTable } from './csv-table';

// NCCI medically unlikely edits, practitioner services (shared/codesets/README.md §4): the most units of
// a code per line (adjudication indicator 1) or per date of service (2 policy, 3 clinical).
const COLUMNS = ['hcpcs_cpt_code', 'practitioner_mue_value', 'mue_adjudication_indicator'];

export function parseNcciMueFile(text: string, fileName: string, options: CodeSetParseOptions = {}): CodeSetRelease<'ncci_mue'> {
  const issues = new CodeSetIssueLog('ncci_mue');
  const rows = readCsvTable(text, COLUMNS, issues);
  const progress = progressReporter(rows.length, options.onProgress);
  const entries: NcciMueEntry[] = [];
  let stated: string | undefined;
  rows.forEach((row, i) => {
    progress(i + 1);
    const code = row.get('hcpcs_cpt_code').trim();
    const value = row.get('practitioner_mue_value').trim();
    const indicator = row.get('mue_adjudication_indicator').trim();
    stated ??= effectiveDateInText(row.get('file_version'));
    if (!/^[A-Z0-9]{5}$/.test(code)) return issues.add(row.line, `"${code}" is not a procedure code`);
    if (!/^\d+$/.test(value)) return issues.add(row.line, `${code}: MUE value "${value}" is not a whole number`);
    if (!['1', '2', '3'].includes(indicator)) return issues.add(row.line, `${code}: adjudication indicator "${indicator}" is not 1, 2 or 3`);
    entries.push({
      code,
      maxUnits: Number(value),
      adjudicationIndicator: Number(indicator) as 1 | 2 | 3,
      rationale: row.get('mue_rationale').trim(),
    });
  });
  const period = stated ? { effectiveFrom: stated } : undefined;
  return completeRelease('ncci_mue', issues, options, { label: `NCCI MUE ${fileName}`, period, missingPeriod: NO_QUARTER }, entries);
}
