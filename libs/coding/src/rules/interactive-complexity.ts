import { CodingFinding, finding } from './coding-finding';
import { INTERACTIVE_COMPLEXITY_EXCLUDED, INTERACTIVE_COMPLEXITY_PRIMARIES } from './procedure-codes';

/** Adds +90785 when the lines have an eligible primary and nothing excluding it; an E/M alone never qualifies [CR6][CR11]. */
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
