import { CodingFinding, finding } from './coding-finding';
import { CodeSetView } from './code-set.view';

// 837P: up to 12 diagnosis codes per claim and 4 pointers per service line (billing-rules.md §9, §11).
export const MAX_DIAGNOSES = 12;
export const MAX_POINTERS_PER_LINE = 4;

/** Dotted or not, any case: "f32.a" → "F32A", the form the 837P and the CMS files use (§11). */
export function normalizeDiagnosisCode(code: string): string {
  return code.trim().toUpperCase().replace('.', '');
}

/** "F32A" → "F32.A", the form billers read. */
export function displayDiagnosisCode(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

export interface DiagnosisCheck {
  codes: string[];
  pointers: number[];
  findings: CodingFinding[];
}

/**
 * Only billable codes valid on the date of service: a category header such as F32 is refused and a code
 * outside the release in force (F32.A before FY2022) is unknown on that date [IC1]. Unspecified codes
 * are flagged where the category has a specific one, since payers deny them with CO-11 [DN2][IC4].
 */
export function checkDiagnoses(raw: readonly string[], view: CodeSetView): DiagnosisCheck {
  const findings: CodingFinding[] = [];
  const codes = [...new Set(raw.map(normalizeDiagnosisCode))];
  if (codes.length < raw.length) findings.push(finding('warning', 'CODING.DIAGNOSIS.DUPLICATE', 'A diagnosis was listed twice; it is kept once.', 'X837'));
  if (codes.length === 0) {
    findings.push(finding('error', 'CODING.DIAGNOSIS.REQUIRED', 'A claim line needs at least one diagnosis.', 'X837'));
  }
  if (codes.length > MAX_DIAGNOSES) {
    const message = `A claim carries at most ${MAX_DIAGNOSES} diagnoses; ${codes.length} were given.`;
    findings.push(finding('error', 'CODING.DIAGNOSIS.TOO_MANY', message, 'X837'));
  }
  for (const code of codes) findings.push(...checkOne(code, view));
  if (codes.length > MAX_POINTERS_PER_LINE) {
    const message = `Lines point to the first ${MAX_POINTERS_PER_LINE} diagnoses; order them by relevance to the service.`;
    findings.push(finding('info', 'CODING.DIAGNOSIS.POINTERS_LIMITED', message, 'X837'));
  }
  const pointers = codes.slice(0, MAX_POINTERS_PER_LINE).map((_, i) => i + 1);
  return { codes, pointers, findings };
}

function checkOne(code: string, view: CodeSetView): CodingFinding[] {
  const shown = displayDiagnosisCode(code);
  const entries = view.find('icd10cm', code);
  if (!entries) return [];
  const entry = entries[0];
  if (!entry) {
    const message = `${shown} is not an ICD-10-CM code on ${view.dateOfService}.`;
    return [finding('error', 'CODING.DIAGNOSIS.NOT_VALID_ON_DATE', message, 'ICD', 'IC1')];
  }
  if (!entry.billable) {
    const message = `${shown} (${entry.longDescription}) is a category, not a billable code; choose a more specific code.`;
    return [finding('error', 'CODING.DIAGNOSIS.NOT_BILLABLE', message, 'ICD', 'IC1')];
  }
  if (!/unspecified/i.test(entry.longDescription)) return [];
  const specific = (view.icdCategory(code.slice(0, 3)) ?? []).some(
    (other) => other.billable && other.code !== code && !/unspecified/i.test(other.longDescription),
  );
  if (!specific) return [];
  const message = `${shown} is an unspecified code and a more specific one exists; payers may deny it (CO-11).`;
  return [finding('warning', 'CODING.DIAGNOSIS.UNSPECIFIED', message, 'DN2', 'IC4')];
}
