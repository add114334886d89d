import type { AuthorizationEvent, AuthorizationTerms } from '../src/authorization/authorization.events';
import {
  evolveAuthorization,
  initialAuthorizationState,
  type AuthorizationState,
} from '../src/authorization/authorization.state';
import type { CoverageEvent, CoverageTerms, EligibilityOutcome } from '../src/coverage/coverage.events';
import { evolveCoverage, initialCoverageState, type CoverageState } from '../src/coverage/coverage.state';

export const AUTHORIZATION_ID = '0190a8f2-4c1e-7a10-9d2b-0000000000d1';
export const COVERAGE_ID = '0190a8f2-4c1e-7a10-9d2b-0000000000e1';

/** Twelve sessions of 90837 for the first quarter of 2025. */
export function authorizationRecorded(overrides: Partial<AuthorizationTerms> = {}): AuthorizationEvent {
  return {
    type: 'scheduling.AuthorizationRecorded',
    data: {
      authorizationId: AUTHORIZATION_ID,
      patientId: 'patient-1',
      payerId: 'payer-1',
      number: 'AUTH-0001',
      coveredServiceCodes: ['90834', '90837'],
      unitsAuthorized: 12,
      startDate: '2025-01-01',
      endDate: '2025-03-31',
      ...overrides,
    },
  };
}

export function givenAuthorization(events: AuthorizationEvent[]): AuthorizationState {
  return events.reduce(evolveAuthorization, initialAuthorizationState);
}

export function coverageAdded(overrides: Partial<CoverageTerms> = {}): CoverageEvent {
  return {
    type: 'scheduling.CoverageAdded',
    data: {
      coverageId: COVERAGE_ID,
      patientId: 'patient-1',
      payerId: 'payer-1',
      priority: 'primary',
      relationship: 'self',
      groupNumber: 'GRP-1',
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
      phi: { memberId: 'MEMBER-SYNTHETIC-1', subscriber: null },
      ...overrides,
    },
  };
}

export function eligibilityChecked(checkedOn: string, outcome: Partial<EligibilityOutcome> = {}): CoverageEvent {
  return {
    type: 'scheduling.EligibilityChecked',
    data: {
      coverageId: COVERAGE_ID,
      checkId: `check-${checkedOn}`,
      checkedOn,
      outcome: { active: true, copayCents: 2_500, coinsuranceBasisPoints: null, deductibleRemainingCents: 0, visitLimit: null, visitsUsed: null, ...outcome },
    },
  };
}

export function givenCoverage(events: CoverageEvent[]): CoverageState {
  return events.reduce(evolveCoverage, initialCoverageState);
}
