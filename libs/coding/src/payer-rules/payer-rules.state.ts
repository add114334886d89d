import type { DomainEvent } from '@revcycle/event-store';

import type { PayerRule } from '../rules/payer-rules';

/** Payer coding policy as data, per payer and effective date (billing-rules.md ground rules). */
export type PayerRuleSet = DomainEvent<'coding.PayerRuleSet', { rule: PayerRule }>;

export interface PayerRulesState {
  rules: PayerRule[];
}

export const initialPayerRulesState: PayerRulesState = { rules: [] };

/** One stream per tenant: the practice's payer rules are few and always read together. */
export function payerRulesStreamId(): string {
  return 'payer-rules';
}

export const samePayerRuleSlot = (a: PayerRule, b: PayerRule): boolean =>
  a.payerId === b.payerId && a.payerKind === b.payerKind && a.effectiveFrom === b.effectiveFrom;

/** A rule for the same payer and start date replaces the earlier one. */
export function evolvePayerRules(state: PayerRulesState, event: DomainEvent): PayerRulesState {
  if (event.type !== 'coding.PayerRuleSet') return state;
  const { rule } = (event as PayerRuleSet).data;
  return { rules: [...state.rules.filter((held) => !samePayerRuleSlot(held, rule)), rule] };
}
