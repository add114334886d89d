import { isWithin, LocalDate } from '@revcycle/kernel';

import { CodingFinding, finding } from './coding-finding';
import { UnitRoundingMethod } from './time-bands';

export const PAYER_KINDS = ['commercial', 'medicare', 'medicaid', 'self_pay'] as const;
export type PayerKind = (typeof PAYER_KINDS)[number];

/**
 * A payer's coding policy from a date on (billing-rules.md ground rules: payer policy, not constants).
 * A rule with no `payerId` is the practice's own default for its payer kind.
 */
export interface PayerRule {
  payerId?: string;
  payerKind: PayerKind;
  effectiveFrom: LocalDate;
  effectiveTo?: LocalDate;
  videoModifier: '95' | 'GT' | null;
  audioOnlyModifier: 'FQ' | '93' | null;
  /** `telehealth`: POS 10 at home, 02 elsewhere; `location`: the location's POS (e.g. Medicare 2024 POS 11 + 95 [PS6]). */
  telehealthPlaceOfService: 'telehealth' | 'location';
  credentialModifiers: { required: boolean; byCredential: Readonly<Record<string, string>> };
  unitRounding: { method: UnitRoundingMethod; dailyUnitCaps: Readonly<Record<string, number>> };
  diagnosticEvaluationRepeat: { allowed: boolean; afterMonths?: number };
  screeningUnitCap?: number;
  emModifier25WithPsychotherapy: boolean;
  appliesNcci: boolean;
  communitySupportCode: string;
}

const BASE = {
  effectiveFrom: '2013-01-01',
  videoModifier: '95', // synchronous audio-video telehealth [MD1]
  audioOnlyModifier: '93', // CPT audio-only modifier for commercial payers [MD4]
  telehealthPlaceOfService: 'telehealth',
  credentialModifiers: { required: false, byCredential: {} },
  unitRounding: { method: 'cms_8_minute', dailyUnitCaps: {} },
  // BCBS Illinois: a repeat 90791 only after six months [CR6]; one payer's example, used as the default.
  diagnosticEvaluationRepeat: { allowed: true, afterMonths: 6 },
  // "Many payers cap at 4 units per encounter" [CR24] (unverified as a default).
  screeningUnitCap: 4,
  // Some payers want 25 on the E/M beside psychotherapy [MD9][DN2]; off unless a payer asks.
  emModifier25WithPsychotherapy: false,
  // Commercial payers apply NCCI too [MD9].
  appliesNcci: true,
  // The HCPCS file's "comprehensive community support services, per 15 minutes"; states vary (unverified).
  communitySupportCode: 'H2015',
} satisfies Omit<PayerRule, 'payerKind'>;

export const DEFAULT_PAYER_RULES: Readonly<Record<PayerKind, PayerRule>> = {
  commercial: { ...BASE, payerKind: 'commercial' },
  // Medicare: FQ for real-time audio-only [MD3]; AH/AJ name a clinical psychologist / social worker [MD5].
  medicare: {
    ...BASE,
    payerKind: 'medicare',
    audioOnlyModifier: 'FQ',
    credentialModifiers: { required: false, byCredential: { PhD: 'AH', PsyD: 'AH', LCSW: 'AJ' } },
    screeningUnitCap: undefined,
  },
  // Medicaid: degree modifiers HO (master's) / HP (doctoral) are mostly required, else denied [MD5][MD6].
  medicaid: {
    ...BASE,
    payerKind: 'medicaid',
    credentialModifiers: {
      required: true,
      byCredential: { PhD: 'HP', PsyD: 'HP', LCSW: 'HO', LPC: 'HO', LMHC: 'HO', LMFT: 'HO' },
    },
  },
  self_pay: { ...BASE, payerKind: 'self_pay', appliesNcci: false, screeningUnitCap: undefined },
};

export interface PayerRuleResolution {
  rule?: PayerRule;
  findings: CodingFinding[];
}

function latestCovering(rules: readonly PayerRule[], date: LocalDate): PayerRule | undefined {
  return rules
    .filter((rule) => isWithin(date, rule.effectiveFrom, rule.effectiveTo))
    .reduce<PayerRule | undefined>((best, rule) => (!best || rule.effectiveFrom >= best.effectiveFrom ? rule : best), undefined);
}

/** The payer's own rule, else the practice's rule for the payer kind, else the built-in default. */
export function resolvePayerRule(
  rules: readonly PayerRule[],
  payer: { payerId?: string; payerKind?: PayerKind },
  dateOfService: LocalDate,
): PayerRuleResolution {
  const findings: CodingFinding[] = [];
  let kind = payer.payerKind;
  if (payer.payerId !== undefined) {
    const own = rules.filter((rule) => rule.payerId === payer.payerId);
    const covering = latestCovering(own, dateOfService);
    if (covering) return { rule: covering, findings };
    kind ??= own[0]?.payerKind;
    if (!kind) {
      const message = `Payer ${payer.payerId} has no coding rules registered; give its payer kind or register the payer.`;
      return { findings: [finding('error', 'CODING.PAYER.NOT_REGISTERED', message, 'PAYER')] };
    }
    const message = `Payer ${payer.payerId} has no coding rule in force on ${dateOfService}; the ${kind} defaults were used.`;
    findings.push(finding('warning', 'CODING.PAYER.DEFAULT_RULE_USED', message, 'PAYER'));
  }
  if (!kind) return { findings: [finding('error', 'CODING.PAYER.MISSING', 'Give a payer kind or a registered payer id.', 'PAYER')] };
  const practice = latestCovering(rules.filter((rule) => rule.payerId === undefined && rule.payerKind === kind), dateOfService);
  return { rule: practice ?? DEFAULT_PAYER_RULES[kind], findings };
}
