import { CodingFinding, finding } from './coding-finding';
import { CodeSetView } from './code-set.view';
import { MAX_POINTERS_PER_LINE } from './diagnoses';
import { ADD_ON_PRIMARIES, ONE_UNIT_PSYCHOTHERAPY } from './procedure-codes';

/** A line as the checks see it: suggested lines and, later, lines a coder has edited. */
export interface CheckedLine {
  code: string;
  modifiers: readonly string[];
  units: number;
  diagnosisPointers: readonly number[];
  placeOfService?: string;
  /** Why a distinct-service modifier (59, XE, XS, XP, XU) applies; required to bypass an NCCI pair. */
  distinctServiceReason?: string;
}

// CPT modifiers are not in the HCPCS Level II file (shared/codesets/README.md §2); these are the ones we use.
const CPT_MODIFIERS = new Set(['25', '52', '59', '93', '95']);
const MAX_MODIFIERS = 4;

/** Code validity on the date of service, modifiers, units, pointers and add-on primaries. */
export function checkLines(lines: readonly CheckedLine[], diagnosisCount: number, view: CodeSetView): CodingFinding[] {
  const findings: CodingFinding[] = [];
  for (const line of lines) {
    findings.push(...checkCode(line.code, view));
    if (line.modifiers.length > MAX_MODIFIERS) findings.push(finding('error', 'CODING.MODIFIERS.TOO_MANY', `${line.code} carries ${line.modifiers.length} modifiers; a claim line holds at most four.`, 'X837'));
    for (const modifier of line.modifiers) {
      const entries = CPT_MODIFIERS.has(modifier) ? undefined : view.find('hcpcs_modifier', modifier);
      if (entries?.length === 0) findings.push(finding('warning', 'CODING.MODIFIERS.UNKNOWN', `Modifier ${modifier} on ${line.code} is not in the loaded modifier lists.`, 'HCPCS'));
    }
    if (ONE_UNIT_PSYCHOTHERAPY.has(line.code) && line.units !== 1 && line.placeOfService !== '52') {
      findings.push(finding('error', 'CODING.PSYCHOTHERAPY.ONE_UNIT', `${line.code} is always billed as one unit per session.`, 'CR1', 'CR3'));
    }
    const badPointer = line.diagnosisPointers.some((pointer) => !Number.isInteger(pointer) || pointer < 1 || pointer > diagnosisCount);
    if (line.diagnosisPointers.length > MAX_POINTERS_PER_LINE || badPointer || line.diagnosisPointers.length === 0) {
      findings.push(finding('error', 'CODING.DIAGNOSIS.POINTERS', `${line.code} needs one to four pointers to listed diagnoses.`, 'X837'));
    }
    const needs = ADD_ON_PRIMARIES[line.code];
    if (needs && !lines.some((other) => other !== line && needs(other.code))) {
      findings.push(finding('error', 'CODING.ADD_ON.PRIMARY_MISSING', `${line.code} is an add-on code and its primary service is not on the claim.`, 'CR1', 'CR6'));
    }
  }
  return findings;
}

function checkCode(code: string, view: CodeSetView): CodingFinding[] {
  const date = view.dateOfService;
  // Level II HCPCS codes are a letter and four digits; CPT Category I codes are five digits.
  if (/^[A-Z]\d{4}$/.test(code)) {
    const entries = view.find('hcpcs', code);
    if (!entries) return [];
    const entry = entries[0];
    if (!entry) return [finding('error', 'CODING.HCPCS.UNKNOWN', `${code} is not in the HCPCS Level II release in force on ${date}.`, 'HCPCS')];
    if (date < entry.addedOn || (entry.terminatedOn && date > entry.terminatedOn)) {
      return [finding('error', 'CODING.HCPCS.NOT_VALID_ON_DATE', `${code} is not valid on ${date} (added ${entry.addedOn}${entry.terminatedOn ? `, ended ${entry.terminatedOn}` : ''}).`, 'HCPCS')];
    }
    return [];
  }
  const entries = view.find('cpt_local', code);
  if (!entries) return [];
  const entry = entries[0];
  if (!entry) return [finding('warning', 'CODING.CPT.NOT_IN_LOCAL_LIST', `${code} is not in the local CPT list; check it before billing.`, 'CPT')];
  if (date < entry.effectiveFrom || (entry.effectiveTo && date > entry.effectiveTo)) {
    return [finding('error', 'CODING.CPT.NOT_VALID_ON_DATE', `${code} (${entry.label}) is not valid on ${date}.`, 'CPT')];
  }
  return [];
}
