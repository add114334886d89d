import { isWithin, type LocalDate } from '@revcycle/kernel';

import type { AuthorizationState } from '../authorization/authorization.state';
import type { CoverageState } from '../coverage/coverage.state';
import type { PayerRegistration } from '../payer/payer.events';
import type { PracticePolicies } from '../practice/practice.events';
import type { BookingFacts } from './booking-warnings';
import type { MissedAppointmentFeeTerms } from './missed-appointment-fee';

/** A patient's payment situation as read from the practice, patient, coverage, payer and authorization streams. */
export interface PaymentPicture {
  policies: PracticePolicies | null;
  coverages: CoverageState[];
  payers: Record<string, PayerRegistration>;
  authorizations: AuthorizationState[];
}

/** A practice that has not set its policies charges no fees and accepts checks up to 30 days old. */
const NO_POLICIES: PracticePolicies = { lateCancelWindowHours: 0, lateCancelFeeCents: 0, noShowFeeCents: 0, eligibilityMaxAgeDays: 30 };

type OnFile = Extract<CoverageState, { status: 'on_file' }>;

/**
 * The coverage billed first on the date of service: the primary in force that day, else the latest
 * primary on file (so booking can warn that it lapsed). None, or a self-pay "payer", means self-pay.
 */
export function primaryCoverageOn(picture: PaymentPicture, date: LocalDate): { coverage: OnFile; payer: PayerRegistration } | null {
  const primaries = picture.coverages
    .filter((c): c is OnFile => c.status === 'on_file' && c.terms.priority === 'primary')
    .sort((a, b) => b.terms.effectiveFrom.localeCompare(a.terms.effectiveFrom));
  const coverage = primaries.find((c) => isWithin(date, c.terms.effectiveFrom, c.terms.effectiveTo)) ?? primaries[0];
  const payer = coverage && picture.payers[coverage.terms.payerId];
  if (!coverage || !payer || payer.kind === 'self_pay') return null;
  return { coverage, payer };
}

/** `unitsBooked` per authorization id comes from the utilization read model and only shapes warnings. */
export function bookingFactsOn(picture: PaymentPicture, date: LocalDate, unitsBooked: Record<string, number>): BookingFacts {
  const primary = primaryCoverageOn(picture, date);
  if (primary === null) return { payment: 'self_pay' };
  return {
    payment: 'insured',
    primaryCoverage: primary.coverage,
    priorAuthorizationRequired: primary.payer.policy.priorAuthorizationRequired,
    eligibilityMaxAgeDays: (picture.policies ?? NO_POLICIES).eligibilityMaxAgeDays,
    authorizations: picture.authorizations.flatMap((state) =>
      state.status === 'open' ? [{ state, unitsBooked: unitsBooked[state.terms.authorizationId] ?? 0 }] : [],
    ),
  };
}

export function feeTermsOn(picture: PaymentPicture, date: LocalDate): MissedAppointmentFeeTerms {
  const primary = primaryCoverageOn(picture, date);
  return {
    policies: picture.policies ?? NO_POLICIES,
    primaryPayer: primary && { kind: primary.payer.kind, policy: primary.payer.policy },
  };
}
