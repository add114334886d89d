import type { SignedEncounterFacts } from '@revcycle/encounters';
import { ValidationFailed, type LocalDate } from '@revcycle/kernel';

import type { CodeSetCatalog } from '../codesets/code-set.catalog';
import { evaluateCoding, type EvaluateCodingDependencies } from '../evaluate/evaluate-coding';
import { feeScheduleOf, type FeeScheduleState } from '../fee-schedule/fee-schedule.state';
import type { EvaluateCodingRequest } from '../evaluate/evaluate-coding.request';
import { CodeSetView } from '../rules/code-set.view';
import { CodingFinding, finding, RULESET_VERSION } from '../rules/coding-finding';
import { checkProviderMayBill } from '../rules/credentials';
import { checkDiagnosticEvaluationRepeat } from '../rules/diagnostic-evaluation-repeat';
import { checkDiagnoses } from '../rules/diagnoses';
import { chargeFor } from '../rules/fee-schedule';
import { checkLines } from '../rules/line-checks';
import { checkMedicallyUnlikelyEdits, checkNcciPairs } from '../rules/ncci-edits';
import { PayerKind, PayerRule, resolvePayerRule } from '../rules/payer-rules';
import type { CodingEvaluation, CodingSuggestion, DraftCodingLine } from './coding.events';

/** A tenant's rule data at one moment: code sets, payer rules and every payer's fee schedule. */
export interface CodingRules {
  catalog: CodeSetCatalog;
  payerRules: readonly PayerRule[];
  feeSchedules: FeeScheduleState;
}

/** The dependencies of one evaluation: the fee schedule is the payer's own, when it has one. */
export function dependenciesFor(rules: CodingRules, payerId: string | undefined): EvaluateCodingDependencies {
  const feeSchedule = feeScheduleOf(rules.feeSchedules, payerId);
  return { catalog: rules.catalog, payerRules: rules.payerRules, ...(feeSchedule ? { feeSchedule } : {}) };
}

/** What the encounter does not say but coding needs: the patient's payer and the provider's credential. */
export interface BillingProfile {
  payer?: { payerId?: string; payerKind: PayerKind };
  providerCredential?: string;
  /** The client's last billed 90791/90792 before this date of service, for the payer's repeat rule [CR6]. */
  lastDiagnosticEvaluationOn?: LocalDate;
}

/**
 * The evaluation request for signed encounter facts. Psychotherapy beside an E/M counts only its own
 * time, documented apart from the E/M time [CR4][CR5]; testing counts its testing minutes; the
 * encounter records how many instruments were given, and 96127 is one unit per instrument [CR24].
 */
export function codingRequestFrom(facts: SignedEncounterFacts, profile: BillingProfile): EvaluateCodingRequest | CodingFinding[] {
  const missing: CodingFinding[] = [];
  if (!profile.payer) missing.push(finding('error', 'CODING.PAYER.MISSING', "The patient's payer is not recorded for coding; record it, then refresh the draft.", 'PAYER'));
  if (!profile.providerCredential) {
    missing.push(finding('error', 'CODING.PROVIDER.CREDENTIAL_MISSING', "The rendering provider's credential is not recorded for coding; record it, then refresh the draft.", 'CR8'));
  }
  if (!profile.payer || !profile.providerCredential) return missing;
  const psychotherapyMinutes = facts.serviceCategory === 'psychotherapy_with_em' ? facts.minutes - (facts.emMinutes ?? 0) : facts.minutes;
  return {
    dateOfService: facts.dateOfService,
    serviceCategory: facts.serviceCategory,
    minutes: facts.serviceCategory === 'psychological_testing' ? (facts.testingMinutes ?? facts.minutes) : Math.max(0, psychotherapyMinutes),
    modality: facts.modality,
    patientAtHome: facts.patientLocation === 'home',
    placeOfService: facts.placeOfService,
    providerCredential: profile.providerCredential,
    ...profile.payer,
    diagnoses: facts.diagnoses,
    interactiveComplexity: facts.interactiveComplexityFactors.length > 0,
    emCode: facts.emCode ?? undefined,
    instruments: Array.from({ length: facts.instrumentCount ?? 0 }, (_, i) => `instrument-${i + 1}`),
  };
}

/** The suggested lines, charges and findings for signed facts; facts the rules refuse become an error finding. */
export function suggestCoding(facts: SignedEncounterFacts, profile: BillingProfile, rules: CodingRules): CodingSuggestion {
  const request = codingRequestFrom(facts, profile);
  const nothing = { lines: [], rulesetVersion: RULESET_VERSION, codeSetReleaseIds: [] };
  if (Array.isArray(request)) return { request: null, findings: request, ...nothing };
  try {
    const { lines, findings, rulesetVersion, codeSetReleaseIds } = evaluateCoding(request, dependenciesFor(rules, request.payerId));
    const last = profile.lastDiagnosticEvaluationOn;
    const payerRule = resolvePayerRule(rules.payerRules, request, request.dateOfService).rule;
    if (last && payerRule && lines.some((line) => line.code === '90791' || line.code === '90792')) {
      findings.push(...checkDiagnosticEvaluationRepeat(payerRule, last, request.dateOfService));
    }
    return { request, lines, findings, rulesetVersion, codeSetReleaseIds };
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    const fields = error.violations.map((violation) => violation.path).join(', ');
    return { request, findings: [finding('error', 'CODING.ENCOUNTER.FACTS_NOT_CODABLE', `The signed facts cannot be coded (${fields}).`, 'PAYER')], ...nothing };
  }
}

/**
 * Re-checks lines a coder edited: code validity, modifiers, units, pointers, provider, NCCI and MUE,
 * and charges. Findings about the original suggestion (the time bands) no longer apply once a coder
 * owns the lines, so only these line checks are repeated.
 */
export function recheckLines(request: EvaluateCodingRequest, lines: readonly DraftCodingLine[], data: CodingRules): CodingEvaluation {
  const rules = dependenciesFor(data, request.payerId);
  const dateOfService = request.dateOfService;
  const view = new CodeSetView(rules.catalog, dateOfService);
  const payer = resolvePayerRule(rules.payerRules, request, dateOfService);
  const diagnoses = checkDiagnoses(request.diagnoses, view);
  const findings = [...payer.findings, ...diagnoses.findings, ...checkLines(lines, diagnoses.codes.length, view)];
  if (payer.rule) {
    findings.push(...checkProviderMayBill(request.providerCredential, lines.map((line) => line.code), payer.rule, dateOfService));
    if (payer.rule.appliesNcci) findings.push(...checkNcciPairs(lines, view), ...checkMedicallyUnlikelyEdits(lines, view));
  }
  const priced = lines.map((line) => {
    const { chargeCents: _charge, contractedCents: _contracted, ...unpriced } = line;
    if (!rules.feeSchedule) return unpriced;
    const charge = chargeFor(line, dateOfService, rules.feeSchedule);
    findings.push(...charge.findings);
    return { ...unpriced, ...(charge.chargeCents === undefined ? {} : { chargeCents: charge.chargeCents }), ...(charge.contractedCents === undefined ? {} : { contractedCents: charge.contractedCents }) };
  });
  return {
    lines: priced,
    findings: [...view.findings, ...findings],
    rulesetVersion: RULESET_VERSION,
    codeSetReleaseIds: [...view.usedReleaseIds].sort(),
  };
}

export const errorRuleIds = (findings: readonly CodingFinding[]): string[] =>
  [...new Set(findings.filter((item) => item.severity === 'error').map((item) => item.ruleId))].sort();
