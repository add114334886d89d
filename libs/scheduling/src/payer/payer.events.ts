import type { DomainEvent } from '@revcycle/event-store';

export const PAYER_KINDS = [
  'commercial',
  'medicare',
  'medicaid',
  'managed_medicaid',
  'behavioral_health_carve_out',
  'self_pay',
] as const;
export type PayerKind = (typeof PAYER_KINDS)[number];

/**
 * Switches later contexts read. They are payer policy, not constants, because payers differ
 * (billing-rules.md: telehealth POS/modifier pairs §10, unit rounding §7, fees §15).
 */
export interface PayerPolicy {
  telehealthModifier: '95' | 'GT' | null;
  credentialModifiersRequired: boolean;
  unitRounding: 'cms_eight_minute' | 'fifty_one_percent' | 'cpt_midpoint';
  missedAppointmentFeesAllowed: boolean;
  priorAuthorizationRequired: boolean;
}

export interface PayerRegistration {
  payerId: string;
  /** The payer id printed on claims (837P loop 2010BB NM109), as the clearinghouse lists it. */
  claimPayerId: string;
  name: string;
  kind: PayerKind;
  timelyFilingDays: number;
  policy: PayerPolicy;
}

export type PayerRegistered = DomainEvent<'scheduling.PayerRegistered', PayerRegistration>;
export type PayerPolicyChanged = DomainEvent<'scheduling.PayerPolicyChanged', { payerId: string; policy: PayerPolicy }>;

export type PayerEvent = PayerRegistered | PayerPolicyChanged;
