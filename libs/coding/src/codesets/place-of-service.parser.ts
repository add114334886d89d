import { CodeSetIssueLog } from './code-set.errors';
import { completeRelease, CodeSetParseOptions, CodeSetRelease, PlaceOfServiceEntry, progressReporter } from './code-set.release';
import { readCsvTable } from './csv-table';

// CMS Place of Service code set (shared/codesets/README.md §3): two-digit codes; unassigned codes are
// listed by name "Unassigned" and are left out, so an unassigned POS is reported as unknown.
const CODE = /^\d{2}$/;

/** The POS list carries no date of its own, so the caller states when the list took effect. */
export function parsePlaceOfServiceFile(text: string, fileName: string, options: CodeSetParseOptions = {}): CodeSetRelease<'place_of_service'> {
  const issues = new CodeSetIssueLog('place_of_service');
  const rows = readCsvTable(text, ['code', 'name', 'description'], issues);
  const progress = progressReporter(rows.length, options.onProgress);
  const entries: PlaceOfServiceEntry[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    progress(i + 1);
    const code = row.get('code').trim();
    const name = row.get('name').trim();
    if (!CODE.test(code)) return issues.add(row.line, `"${code}" is not a two-digit place of service code`);
    if (seen.has(code)) return issues.add(row.line, `code ${code} appears twice`);
    seen.add(code);
    if (name.toLowerCase() !== 'unassigned') entries.push({ code, name, description: row.get('description').trim() });
  });
  const implied = { label: `Place of service ${fileName}`, missingPeriod: 'the place of service list has no date: pass effectiveFrom' };
  return completeRelease('place_of_service', issues, options, implied, entries);
}
