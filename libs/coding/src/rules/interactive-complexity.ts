import { CodingFinding, finding } from './coding-finding';

// +90785 is an add-on only beside 90791, 90792, 90832-90838 and 90853; never with crisis (90839/90840),
// family therapy (90846/90847) or an E/M alone [CR6][CR11].
export const INTERACTIVE_COMPLEXITY_PRIMARIES: ReadonlySet<string> = new Set(['90791', '90792', '90832', '90833', '90834', '90836', '90837', '90838', '90853']);
export const INTERACTIVE_COMPLEXITY_EXCLUDED: ReadonlySet<string> = new Set(['90839', '90840', '90846', '90847']);

/** Adds +90785 to a line set when it has an eligible primary and nothing that excludes it. */
export function interactiveComplexityLine(lines: ReadonlyArray<{ code: string }>): { lines: { code: string; units: number }[]; findings: CodingFinding[] } {
  const excluded = lines.filter((line) => INTERACTIVE_COMPLEXITY_EXCLUDED.has(line.code)).map((line) => line.code);
  if (excluded.length > 0) {
    const message = `Interactive complexity (90785) is never billed with ${excluded.join(', ')}; it was not added.`;
    return { lines: [], findings: [finding('error', 'CODING.INTERACTIVE_COMPLEXITY.NOT_WITH_CODE', message, 'CR6', 'CR11')] };
  }
  if (!lines.some((line) => INTERACTIVE_COMPLEXITY_PRIMARIES.has(line.code))) {
    const codes = lines.map((line) => line.code).join(', ');
    const message = `Interactive complexity (90785) needs a diagnostic evaluation, psychotherapy or group line; ${codes} alone does not qualify.`;
    return { lines: [], findings: [finding('error', 'CODING.INTERACTIVE_COMPLEXITY.NO_PRIMARY', message, 'CR6', 'CR11')] };
  }
  return { lines: [{ code: '90785', units: 1 }], findings: [] };
}
