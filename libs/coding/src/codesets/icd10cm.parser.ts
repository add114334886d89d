import { CodeSetIssueLog } from './code-set.errors';
import { periodFromFileName } from './code-set-dates';
import { completeRelease, CodeSetParseOptions, CodeSetRelease, Icd10cmEntry, progressReporter } from './code-set.release';

// Layouts of the CMS ICD-10-CM "order" and "codes" files, 1-based columns as CMS documents them
// (shared/codesets/README.md §1): order = 1-5 order number, 7-13 code, 15 flag (1 billable, 0 header),
// 17-76 short description, 78- long description; codes = 1-7 code, 9- long description.
const ORDER_LINE = /^(\d{5}) ([A-Z0-9 ]{7}) ([01]) (.{60}) (.+)$/;
const CODES_LINE = /^([A-Z0-9 ]{7}) (.+)$/;
const CODE = /^[A-Z][0-9][0-9A-Z]{1,5}$/;

/** True when the text is laid out as an order file (it starts with a five-digit order number). */
export function looksLikeIcd10cmOrderFile(text: string): boolean {
  return /^\d{5} /.test(text);
}

/** Parses the order file, which also lists the non-billable headers (never load it by first token, §17). */
export function parseIcd10cmOrderFile(text: string, fileName: string, options: CodeSetParseOptions = {}): CodeSetRelease<'icd10cm'> {
  return parseFixedWidth(text, fileName, options, (line) => {
    const match = ORDER_LINE.exec(line);
    if (!match) return undefined;
    return {
      code: match[2].trimEnd(),
      billable: match[3] === '1',
      shortDescription: match[4].trimEnd(),
      longDescription: match[5],
      order: Number(match[1]),
    };
  });
}

/** Parses the codes file, which lists billable codes only. */
export function parseIcd10cmCodesFile(text: string, fileName: string, options: CodeSetParseOptions = {}): CodeSetRelease<'icd10cm'> {
  return parseFixedWidth(text, fileName, options, (line) => {
    const match = CODES_LINE.exec(line);
    return match ? { code: match[1].trimEnd(), billable: true, longDescription: match[2] } : undefined;
  });
}

function parseFixedWidth(
  text: string,
  fileName: string,
  options: CodeSetParseOptions,
  readLine: (line: string) => Icd10cmEntry | undefined,
): CodeSetRelease<'icd10cm'> {
  const issues = new CodeSetIssueLog('icd10cm');
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const progress = progressReporter(lines.length, options.onProgress);
  const seen = new Set<string>();
  const entries: Icd10cmEntry[] = [];
  lines.forEach((line, i) => {
    const entry = readLine(line);
    if (!entry || !CODE.test(entry.code)) {
      issues.add(i + 1, `does not match the ICD-10-CM fixed-width layout: "${line.slice(0, 40)}"`);
    } else if (seen.has(entry.code)) {
      issues.add(i + 1, `code ${entry.code} appears twice`);
    } else {
      seen.add(entry.code);
      entries.push(entry);
    }
    progress(i + 1);
  });
  if (lines.length === 0) issues.add(0, 'the file is empty');
  const implied = {
    label: `ICD-10-CM ${fileName}`,
    period: periodFromFileName(fileName),
    missingPeriod: 'no effective period: name the file like icd10cm_order_2026.txt or pass effectiveFrom',
  };
  return completeRelease('icd10cm', issues, options, implied, entries);
}
