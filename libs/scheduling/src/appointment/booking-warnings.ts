import { daysBetween, isWithin, type LocalDate } from '@revcycle/kernel';

import { authorizationUtilization, type AuthorizationState } from '../authorization/authorization.state';
import { isCoverageActiveOn, type CoverageState } from '../coverage/coverage.state';

/**
 * Booking warns rather than refuses: the front desk may book a session whose coverage or
 * authorization is still being sorted out, but the response says why it will likely be denied
 * (CO-197/CO-15 authorization, CO-27-style lapsed coverage; billing-rules.md §14).
 */
export type BookingWarningCode =
  | 'COVERAGE_INACTIVE'
  | 'COVERAGE_UNVERIFIED'
  | 'AUTHORIZATION_MISSING'
  | 'AUTHORIZATION_EXHAUSTED'
  | 'AUTHORIZATION_EXPIRED';

export interface BookingWarning {
  code: BookingWarningCode;
  message: string;
  authorizationId?: string;
}

/** What the pipeline loads beside the appointment stream: the patient's payment picture. */
export type BookingFacts =
  | { payment: 'self_pay' }
  | {
      payment: 'insured';
      primaryCoverage: CoverageState;
      priorAuthorizationRequired: boolean;
      eligibilityMaxAgeDays: number;
      /** Each with the units already booked in future sessions (read model), for projected usage. */
      authorizations: Array<{ state: AuthorizationState; unitsBooked: number }>;
    };

export interface PlannedService {
  serviceCode: string;
  units: number;
  dateOfService: LocalDate;
  today: LocalDate;
}

export function bookingWarnings(facts: BookingFacts, service: PlannedService): BookingWarning[] {
  if (facts.payment === 'self_pay') return [];
  const warnings: BookingWarning[] = [];
  const coverage = facts.primaryCoverage;
  if (!isCoverageActiveOn(coverage, service.dateOfService)) {
    warnings.push({ code: 'COVERAGE_INACTIVE', message: 'Primary coverage is not active on the date of service' });
  }
  const lastCheck = coverage.status === 'on_file' ? coverage.lastCheck : null;
  if (lastCheck === null || daysBetween(lastCheck.checkedOn, service.today) > facts.eligibilityMaxAgeDays) {
    warnings.push({ code: 'COVERAGE_UNVERIFIED', message: 'Eligibility has not been verified recently enough' });
  }
  return [...warnings, ...authorizationWarnings(facts.authorizations, facts.priorAuthorizationRequired, service)];
}

function authorizationWarnings(
  authorizations: Array<{ state: AuthorizationState; unitsBooked: number }>,
  required: boolean,
  service: PlannedService,
): BookingWarning[] {
  const covering = authorizations.flatMap(({ state, unitsBooked }) =>
    state.status === 'open' && state.terms.coveredServiceCodes.includes(service.serviceCode)
      ? [{ state, unitsBooked }]
      : [],
  );
  const inRange = covering.filter(({ state }) =>
    isWithin(service.dateOfService, state.terms.startDate, state.terms.endDate),
  );
  const usable = inRange.find(
    ({ state, unitsBooked }) => authorizationUtilization(state, unitsBooked).unitsProjectedRemaining >= service.units,
  );
  if (usable) return [];
  if (inRange.length > 0) {
    const { authorizationId } = inRange[0].state.terms;
    return [{ code: 'AUTHORIZATION_EXHAUSTED', message: 'Booked and used sessions exhaust the authorization', authorizationId }];
  }
  const lapsed = covering.find(({ state }) => state.terms.endDate < service.dateOfService);
  if (lapsed) {
    const { authorizationId } = lapsed.state.terms;
    return [{ code: 'AUTHORIZATION_EXPIRED', message: 'The authorization ends before the date of service', authorizationId }];
  }
  if (!required) return [];
  return [{ code: 'AUTHORIZATION_MISSING', message: 'No authorization covers this service on this date' }];
}
