import { canonicalJson, isLocalDate, ValidationFailed, type FieldViolation, type LocalDate } from '@revcycle/kernel';

import { DEFAULT_PAYER_RULES, type PayerKind, type PayerRule } from '../../rules/payer-rules';
import type { UnitRoundingMethod } from '../../rules/time-bands';
import { samePayerRuleSlot, type PayerRuleSet, type PayerRulesState } from '../payer-rules.state';

/** An admin's rule for one payer (or, without `payerId`, the practice default for a payer kind). */
export interface SetPayerRule {
  payerId?: string;
  payerKind: PayerKind;
  effectiveFrom: LocalDate;
  effectiveTo?: LocalDate;
  videoModifier?: '95' | 'GT' | null;
  audioOnlyModifier?: 'FQ' | '93' | null;
  telehealthPlaceOfService?: 'telehealth' | 'location';
  credentialModifiersRequired?: boolean;
  credentialModifiers?: Record<string, string>;
  unitRoundingMethod?: UnitRoundingMethod;
  dailyUnitCaps?: Record<string, number>;
  diagnosticEvaluationRepeatAllowed?: boolean;
  diagnosticEvaluationRepeatAfterMonths?: number;
  screeningUnitCap?: number | null;
  emModifier25WithPsychotherapy?: boolean;
  appliesNcci?: boolean;
  communitySupportCode?: string;
}

/** Fields left out keep the built-in default of the payer kind, so an admin states only the differences. */
export function payerRuleFrom(input: SetPayerRule): PayerRule {
  const base = DEFAULT_PAYER_RULES[input.payerKind];
  const cap = input.screeningUnitCap === undefined ? base.screeningUnitCap : (input.screeningUnitCap ?? undefined);
  const afterMonths = input.diagnosticEvaluationRepeatAfterMonths ?? base.diagnosticEvaluationRepeat.afterMonths;
  return {
    ...(input.payerId === undefined ? {} : { payerId: input.payerId }),
    payerKind: input.payerKind,
    effectiveFrom: input.effectiveFrom,
    ...(input.effectiveTo === undefined ? {} : { effectiveTo: input.effectiveTo }),
    videoModifier: input.videoModifier === undefined ? base.videoModifier : input.videoModifier,
    audioOnlyModifier: input.audioOnlyModifier === undefined ? base.audioOnlyModifier : input.audioOnlyModifier,
    telehealthPlaceOfService: input.telehealthPlaceOfService ?? base.telehealthPlaceOfService,
    credentialModifiers: {
      required: input.credentialModifiersRequired ?? base.credentialModifiers.required,
      byCredential: input.credentialModifiers ?? base.credentialModifiers.byCredential,
    },
    unitRounding: { method: input.unitRoundingMethod ?? base.unitRounding.method, dailyUnitCaps: input.dailyUnitCaps ?? base.unitRounding.dailyUnitCaps },
    diagnosticEvaluationRepeat: {
      allowed: input.diagnosticEvaluationRepeatAllowed ?? base.diagnosticEvaluationRepeat.allowed,
      ...(afterMonths === undefined ? {} : { afterMonths }),
    },
    ...(cap === undefined ? {} : { screeningUnitCap: cap }),
    emModifier25WithPsychotherapy: input.emModifier25WithPsychotherapy ?? base.emModifier25WithPsychotherapy,
    appliesNcci: input.appliesNcci ?? base.appliesNcci,
    communitySupportCode: input.communitySupportCode ?? base.communitySupportCode,
  };
}

export function decideSetPayerRule(command: SetPayerRule, state: PayerRulesState): PayerRuleSet[] {
  const violations: FieldViolation[] = [];
  if (!isLocalDate(command.effectiveFrom)) violations.push({ path: 'effectiveFrom', message: 'must be a YYYY-MM-DD date' });
  if (command.effectiveTo !== undefined && (!isLocalDate(command.effectiveTo) || command.effectiveTo < command.effectiveFrom)) {
    violations.push({ path: 'effectiveTo', message: 'must be a date on or after effectiveFrom' });
  }
  for (const [credential, modifier] of Object.entries(command.credentialModifiers ?? {})) {
    if (typeof modifier !== 'string' || !/^[A-Z0-9]{2}$/.test(modifier)) violations.push({ path: `credentialModifiers.${credential}`, message: 'must be a two-character modifier' });
  }
  for (const [code, cap] of Object.entries(command.dailyUnitCaps ?? {})) {
    if (!Number.isSafeInteger(cap) || cap < 1) violations.push({ path: `dailyUnitCaps.${code}`, message: 'must be a whole number of units, one or more' });
  }
  if (violations.length > 0) throw new ValidationFailed(violations);
  const rule = payerRuleFrom(command);
  const held = state.rules.find((candidate) => samePayerRuleSlot(candidate, rule));
  if (held && canonicalJson(held) === canonicalJson(rule)) return [];
  return [{ type: 'coding.PayerRuleSet', data: { rule } }];
}
