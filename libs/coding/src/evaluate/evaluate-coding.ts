import { CodeSetCatalog } from '../codesets/code-set.catalog';
import { CodedLine, CodingFinding, RULESET_VERSION } from '../rules/coding-finding';
import { CodeSetView } from '../rules/code-set.view';
import { checkProviderMayBill, credentialModifier } from '../rules/credentials';
import { checkDiagnoses } from '../rules/diagnoses';
import { chargeFor, FeeSchedule } from '../rules/fee-schedule';
import { checkLines } from '../rules/line-checks';
import { checkMedicallyUnlikelyEdits, checkNcciPairs } from '../rules/ncci-edits';
import { PayerRule, resolvePayerRule } from '../rules/payer-rules';
import { isEmCode } from '../rules/procedure-codes';
import { planServiceLines } from '../rules/service-lines';
import { placeOfServiceFor, telehealthModifier } from '../rules/telehealth';
import { assertEvaluateCodingRequest, EvaluateCodingRequest } from './evaluate-coding.request';

export interface EvaluateCodingDependencies {
  catalog: CodeSetCatalog;
  payerRules: readonly PayerRule[];
  feeSchedule?: FeeSchedule;
}

export interface EvaluateCodingResult {
  lines: CodedLine[];
  findings: CodingFinding[];
  rulesetVersion: string;
  /** The code-set releases the rules consulted, so a claim line can show what passed it. */
  codeSetReleaseIds: string[];
}

/**
 * Suggests claim lines for one service and explains every problem as a finding. Pure: same request and
 * dependencies, same result. A valid request that is not billable yields no lines and an error finding.
 */
export function evaluateCoding(request: EvaluateCodingRequest, deps: EvaluateCodingDependencies): EvaluateCodingResult {
  assertEvaluateCodingRequest(request);
  const view = new CodeSetView(deps.catalog, request.dateOfService);
  const result = (lines: CodedLine[], findings: CodingFinding[]): EvaluateCodingResult => ({
    lines,
    findings: [...view.findings, ...findings],
    rulesetVersion: RULESET_VERSION,
    codeSetReleaseIds: [...view.usedReleaseIds].sort(),
  });

  const payer = resolvePayerRule(deps.payerRules, request, request.dateOfService);
  if (!payer.rule) return result([], payer.findings);
  const rule = payer.rule;
  const plan = planServiceLines(request, rule);
  const diagnoses = checkDiagnoses(request.diagnoses, view);
  const pos = placeOfServiceFor(request, rule, view);
  const findings = [...payer.findings, ...plan.findings, ...diagnoses.findings, ...pos.findings];
  if (plan.lines.length === 0 || !pos.placeOfService) return result([], findings);

  const credential = credentialModifier(request.providerCredential, rule);
  const remote = telehealthModifier(request.modality, rule);
  const lines: CodedLine[] = plan.lines.map((line) => ({
    code: line.code,
    modifiers: [
      ...(rule.emModifier25WithPsychotherapy && isEmCode(line.code) && request.serviceCategory === 'psychotherapy_with_em' ? ['25'] : []),
      ...(remote ? [remote] : []),
      ...(credential.modifier ? [credential.modifier] : []),
    ],
    units: line.units,
    placeOfService: pos.placeOfService!,
    diagnosisPointers: diagnoses.pointers,
  }));
  const codes = lines.map((line) => line.code);
  findings.push(...credential.findings, ...checkProviderMayBill(request.providerCredential, codes, rule, request.dateOfService));
  findings.push(...checkLines(lines, diagnoses.codes.length, view));
  if (rule.appliesNcci) findings.push(...checkNcciPairs(lines, view), ...checkMedicallyUnlikelyEdits(lines, view));
  const schedule = deps.feeSchedule;
  if (!schedule) return result(lines, findings);
  const priced = lines.map((line) => {
    const charge = chargeFor(line, request.dateOfService, schedule);
    findings.push(...charge.findings);
    if (charge.chargeCents === undefined) return line;
    return { ...line, chargeCents: charge.chargeCents, ...(charge.contractedCents === undefined ? {} : { contractedCents: charge.contractedCents }) };
  });
  return result(priced, findings);
}
