import { NcciPtpEntry } from '../codesets/code-set.release';
import { CodingFinding, finding } from './coding-finding';
import { CodeSetView } from './code-set.view';
import { CheckedLine } from './line-checks';
import { isEmCode } from './procedure-codes';

// Distinct procedural service / separate encounter, structure, practitioner, unusual non-overlapping
// service [MD8]; 25 bypasses an indicator-1 pair when the component is an E/M [MD9].
export const DISTINCT_SERVICE_MODIFIERS: ReadonlySet<string> = new Set(['59', 'XE', 'XS', 'XP', 'XU']);

/**
 * The edit in force for a pair on the date of service. The extract has no effective dates, so when a pair
 * has several rows the one with the earliest deletion date still ahead of the date of service is taken
 * (shared/codesets/README.md §4 gaps); an edit is treated as gone from its deletion date (unverified).
 */
function editInForce(entries: readonly NcciPtpEntry[], date: string): NcciPtpEntry | undefined {
  return entries
    .filter((edit) => (!edit.effectiveFrom || edit.effectiveFrom <= date) && (!edit.deletedOn || date < edit.deletedOn))
    .sort((a, b) => (a.deletedOn ?? '9999-12-31').localeCompare(b.deletedOn ?? '9999-12-31'))[0];
}

/** NCCI procedure-to-procedure edits: indicator 0 is never payable, 1 needs a distinct-service modifier and its reason [MD9]. */
export function checkNcciPairs(lines: readonly CheckedLine[], view: CodeSetView): CodingFinding[] {
  const findings: CodingFinding[] = [];
  lines.forEach((first, i) =>
    lines.slice(i + 1).forEach((second) => {
      for (const [column1, column2] of [[first, second], [second, first]]) {
        const entries = view.find('ncci_ptp', `${column1.code}|${column2.code}`);
        const edit = entries && editInForce(entries, view.dateOfService);
        if (!edit || edit.modifierIndicator === 9) continue;
        findings.push(pairFinding(edit, column2));
      }
    }),
  );
  return findings;
}

function pairFinding(edit: NcciPtpEntry, component: CheckedLine): CodingFinding {
  const pair = `${edit.column2} with ${edit.column1}`;
  if (edit.modifierIndicator === 0) {
    return finding('error', 'CODING.NCCI.PAIR_NOT_ALLOWED', `${pair} is never paid separately (NCCI, modifier indicator 0); remove ${edit.column2}.`, 'NCCI', 'MD9');
  }
  const bypass = component.modifiers.find((modifier) => DISTINCT_SERVICE_MODIFIERS.has(modifier) || (modifier === '25' && isEmCode(component.code)));
  if (!bypass) {
    return finding('error', 'CODING.NCCI.DISTINCT_SERVICE_MODIFIER_REQUIRED', `${pair} is bundled (NCCI) unless the services are distinct: add 59 or XE/XS/XP/XU to ${edit.column2} with the reason.`, 'NCCI', 'MD8', 'MD9');
  }
  if (!component.distinctServiceReason?.trim()) {
    return finding('error', 'CODING.NCCI.DISTINCT_SERVICE_REASON_MISSING', `Modifier ${bypass} on ${edit.column2} bypasses an NCCI pair; record why the services are distinct.`, 'NCCI', 'MD8');
  }
  return finding('info', 'CODING.NCCI.PAIR_BYPASSED', `${pair} is billed as a distinct service with modifier ${bypass}.`, 'NCCI', 'MD8');
}

/** Medically unlikely edits: units of a code per line (indicator 1) or per date of service (2, 3). */
export function checkMedicallyUnlikelyEdits(lines: readonly CheckedLine[], view: CodeSetView): CodingFinding[] {
  const findings: CodingFinding[] = [];
  for (const code of new Set(lines.map((line) => line.code))) {
    const mue = view.find('ncci_mue', code)?.[0];
    if (!mue) continue;
    const units = lines.filter((line) => line.code === code).map((line) => line.units);
    const counted = mue.adjudicationIndicator === 1 ? Math.max(...units) : units.reduce((sum, n) => sum + n, 0);
    if (counted > mue.maxUnits) {
      const per = mue.adjudicationIndicator === 1 ? 'per line' : 'per date of service';
      findings.push(finding('error', 'CODING.NCCI.MUE_EXCEEDED', `${code} is limited to ${mue.maxUnits} unit(s) ${per}; ${counted} were coded.`, 'NCCI'));
    }
  }
  return findings;
}
