import type { ServiceCategory } from '@revcycle/encounters';

import { CodingFinding, finding, SourceKey } from './coding-finding';
import { mayBillMedicalServices } from './credentials';
import { PayerRule } from './payer-rules';
import { INTERACTIVE_COMPLEXITY_EXCLUDED, INTERACTIVE_COMPLEXITY_PRIMARIES, isEmCode } from './procedure-codes';
import { crisisUnits, FAMILY_MINIMUM_MINUTES, psychotherapyAddOnCode, psychotherapyCode, testingEvaluationUnits, unitsForMinutes } from './time-bands';

/** Categories whose codes depend on minutes, so a request for them must state the minutes. */
export const TIMED_CATEGORIES: ReadonlySet<ServiceCategory> = new Set([
  'individual_psychotherapy',
  'psychotherapy_with_em',
  'family_without_patient',
  'family_with_patient',
  'crisis',
  'psychological_testing',
  'case_management',
  'community_support',
]);

export interface ServiceInput {
  serviceCategory: ServiceCategory;
  minutes?: number;
  providerCredential: string;
  emCode?: string;
  instruments?: readonly string[];
  interactiveComplexity?: boolean;
}

export interface DraftLine {
  code: string;
  units: number;
}

export interface LinePlan {
  lines: DraftLine[];
  findings: CodingFinding[];
}

/** A valid request that is not billable: no lines and the error that says why. */
const refused = (ruleId: string, message: string, ...sources: SourceKey[]): LinePlan => ({
  lines: [],
  findings: [finding('error', ruleId, message, ...sources)],
});

// Categories that bill an E/M line themselves or refuse one (a diagnostic evaluation [CR9]).
const USES_EM_CODE: ReadonlySet<ServiceCategory> = new Set([
  'psychotherapy_with_em',
  'medication_management',
  'screening_instruments',
  'diagnostic_evaluation',
  'diagnostic_evaluation_medical',
]);

function emLine(input: ServiceInput): LinePlan | DraftLine {
  if (!input.emCode) return refused('CODING.EM.REQUIRED', `A ${input.serviceCategory.replace(/_/g, ' ')} visit needs its E/M code.`, 'CR1');
  if (!isEmCode(input.emCode)) return refused('CODING.EM.NOT_AN_EM_CODE', `${input.emCode} is not an E/M code.`, 'CR1');
  return { code: input.emCode, units: 1 };
}

function serviceLines(input: ServiceInput, rule: PayerRule): LinePlan {
  const minutes = input.minutes ?? 0;
  switch (input.serviceCategory) {
    case 'diagnostic_evaluation':
    case 'diagnostic_evaluation_medical': {
      if (input.emCode) return refused('CODING.DIAGNOSTIC_EVALUATION.WITH_EM', 'A diagnostic evaluation is not billed with an E/M the same day by the same provider.', 'CR9');
      const medical = input.serviceCategory === 'diagnostic_evaluation_medical';
      if (medical && !mayBillMedicalServices(input.providerCredential)) {
        return refused('CODING.DIAGNOSTIC_EVALUATION.MEDICAL_CREDENTIAL', `90792 is billed only by MD, DO, NP or PA, not ${input.providerCredential}; code 90791 instead.`, 'CR8');
      }
      return { lines: [{ code: medical ? '90792' : '90791', units: 1 }], findings: [] };
    }
    case 'individual_psychotherapy': {
      const code = psychotherapyCode(minutes);
      if (!code) return refused('CODING.PSYCHOTHERAPY.UNDER_16_MINUTES', `${minutes} minutes of psychotherapy is under the 16-minute minimum; nothing is billable.`, 'CR1');
      return { lines: [{ code, units: 1 }], findings: [] };
    }
    case 'psychotherapy_with_em': {
      const em = emLine(input);
      if ('findings' in em) return em;
      const addOn = psychotherapyAddOnCode(minutes);
      if (addOn) return { lines: [em, { code: addOn, units: 1 }], findings: [] };
      const message = `${minutes} minutes of psychotherapy is under 16 minutes: only the E/M is billed.`;
      return { lines: [em], findings: [finding('warning', 'CODING.PSYCHOTHERAPY.UNDER_16_MINUTES', message, 'CR1')] };
    }
    case 'family_without_patient':
    case 'family_with_patient': {
      const code = input.serviceCategory === 'family_with_patient' ? '90847' : '90846';
      if (minutes < FAMILY_MINIMUM_MINUTES) return refused('CODING.FAMILY.UNDER_26_MINUTES', `${code} needs more than 25 minutes; ${minutes} were documented.`, 'CR16', 'CR17');
      return { lines: [{ code, units: 1 }], findings: [] };
    }
    case 'group':
      return { lines: [{ code: '90853', units: 1 }], findings: [] };
    case 'multiple_family_group':
      return { lines: [{ code: '90849', units: 1 }], findings: [] };
    case 'crisis': {
      const units = crisisUnits(minutes);
      if (!units) return refused('CODING.CRISIS.UNDER_30_MINUTES', `${minutes} minutes is not crisis time (30 minutes or more); code it as psychotherapy (90832) instead.`, 'CR6', 'CR13');
      const lines = [{ code: '90839', units: 1 }];
      if (units.additional > 0) lines.push({ code: '90840', units: units.additional });
      return { lines, findings: [] };
    }
    case 'psychological_testing': {
      const units = testingEvaluationUnits(minutes);
      if (units.firstHour === 0) return refused('CODING.TESTING.UNDER_31_MINUTES', `${minutes} minutes does not reach the 31-minute midpoint of the first hour of 96130.`, 'CR20');
      const lines = [{ code: '96130', units: 1 }];
      if (units.additional > 0) lines.push({ code: '96131', units: units.additional });
      const note = 'Test administration (96136-96139, two or more tests) is coded from its own minutes.';
      return { lines, findings: [finding('info', 'CODING.TESTING.ADMINISTRATION_SEPARATE', note, 'CR21')] };
    }
    case 'screening_instruments':
      return screeningLines(input, rule);
    case 'medication_management': {
      const em = emLine(input);
      return 'findings' in em ? em : { lines: [em], findings: [] };
    }
    case 'case_management':
    case 'community_support':
      return timedHcpcsLines(input.serviceCategory === 'case_management' ? 'T1017' : rule.communitySupportCode, minutes, rule);
  }
}

/** 96127 is one unit per standardized instrument; the per-encounter cap is payer policy [CR24]. */
function screeningLines(input: ServiceInput, rule: PayerRule): LinePlan {
  const given = input.instruments ?? [];
  const count = new Set(given.map((name) => name.trim().toUpperCase())).size;
  if (count === 0) return refused('CODING.SCREENING.NO_INSTRUMENTS', 'Name each standardized instrument given (one 96127 unit each).', 'CR24');
  const findings: CodingFinding[] = [];
  if (count < given.length) findings.push(finding('warning', 'CODING.SCREENING.REPEATED_INSTRUMENT', 'An instrument was listed twice; it counts once.', 'CR24'));
  const cap = rule.screeningUnitCap;
  const units = cap !== undefined && count > cap ? cap : count;
  if (units < count) findings.push(finding('warning', 'CODING.SCREENING.PAYER_CAP', `This payer pays at most ${cap} screening units per encounter; ${count} instruments were given.`, 'CR24', 'PAYER'));
  const em = input.emCode ? emLine(input) : undefined;
  if (em && 'findings' in em) return em;
  return { lines: [...(em ? [em] : []), { code: '96127', units }], findings };
}

/** 15-minute HCPCS services in units by the payer's rounding rule and daily cap [HC1][HC2][HC3]. */
function timedHcpcsLines(code: string, minutes: number, rule: PayerRule): LinePlan {
  if (code === 'T1017' && rule.payerKind === 'medicare') return refused('CODING.HCPCS.MEDICAID_ONLY', 'T1017 targeted case management is Medicaid-only; Medicare does not pay it.', 'HC3');
  const units = unitsForMinutes(minutes, rule.unitRounding.method);
  if (units === 0) return refused('CODING.UNITS.BELOW_ONE_UNIT', `${minutes} minutes does not reach one 15-minute unit of ${code} under this payer's rounding rule.`, 'HC3', 'PAYER');
  const cap = rule.unitRounding.dailyUnitCaps[code];
  if (cap === undefined || units <= cap) return { lines: [{ code, units }], findings: [] };
  const message = `${units} units of ${code} exceed this payer's daily cap of ${cap}; ${cap} are billed.`;
  return { lines: [{ code, units: cap }], findings: [finding('warning', 'CODING.UNITS.DAILY_CAP', message, 'HC1', 'PAYER')] };
}

/** Adds +90785 when the lines have an eligible primary and nothing excluding it; an E/M alone never qualifies [CR6][CR11]. */
function interactiveComplexityLine(lines: ReadonlyArray<{ code: string }>): { lines: { code: string; units: number }[]; findings: CodingFinding[] } {
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

/** The lines a service category yields, plus +90785 when interactive complexity was documented. */
export function planServiceLines(input: ServiceInput, rule: PayerRule): LinePlan {
  const plan = serviceLines(input, rule);
  if (input.emCode && !USES_EM_CODE.has(input.serviceCategory)) {
    const message = `E/M ${input.emCode} is not billed on a ${input.serviceCategory.replace(/_/g, ' ')} evaluation; evaluate the E/M visit on its own.`;
    plan.findings.push(finding('warning', 'CODING.EM.NOT_USED', message, 'CR1'));
  }
  if (!input.interactiveComplexity || plan.lines.length === 0) return plan;
  const complexity = interactiveComplexityLine(plan.lines);
  return { lines: [...plan.lines, ...complexity.lines], findings: [...plan.findings, ...complexity.findings] };
}
