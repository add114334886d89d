import type { DomainEvent } from '@revcycle/event-store';

import type { AuthorizationEvent, AuthorizationTerms } from './authorization.events';

/**
 * Concurrency: usage is counted on the authorization's own stream, the store's unit of atomicity.
 * Two encounters signed at once both decide against version n; the second append conflicts, the
 * pipeline re-decides on the fresh state, and the units counted can never exceed those authorized.
 */
export type AuthorizationState =
  | { status: 'none' }
  | {
      status: 'open';
      terms: AuthorizationTerms;
      /** Units counted per encounter id, so a redelivered signing never counts twice. */
      countedByEncounter: Record<string, number>;
      unitsUsed: number;
    };

export const initialAuthorizationState: AuthorizationState = { status: 'none' };

export function authorizationStreamId(authorizationId: string): string {
  return `authorization-${authorizationId}`;
}

export function evolveAuthorization(state: AuthorizationState, event: DomainEvent): AuthorizationState {
  const e = event as AuthorizationEvent;
  switch (e.type) {
    case 'scheduling.AuthorizationRecorded':
      return { status: 'open', terms: e.data, countedByEncounter: {}, unitsUsed: 0 };
    case 'scheduling.AuthorizationUsageCounted': {
      if (state.status !== 'open') return state;
      const countedByEncounter = { ...state.countedByEncounter, [e.data.encounterId]: e.data.units };
      return { ...state, countedByEncounter, unitsUsed: state.unitsUsed + e.data.units };
    }
    case 'scheduling.AuthorizationUsageReversed': {
      if (state.status !== 'open') return state;
      const { [e.data.encounterId]: _reversed, ...countedByEncounter } = state.countedByEncounter;
      return { ...state, countedByEncounter, unitsUsed: state.unitsUsed - e.data.units };
    }
    default:
      return state;
  }
}

export interface AuthorizationUtilization {
  unitsAuthorized: number;
  unitsUsed: number;
  unitsRemaining: number;
  /** Used plus booked future sessions: what will be left if every booked session happens. */
  unitsProjected: number;
  unitsProjectedRemaining: number;
}

/** `unitsBooked` comes from the booked-appointments read model; usage comes from signed encounters. */
export function authorizationUtilization(
  state: Extract<AuthorizationState, { status: 'open' }>,
  unitsBooked: number,
): AuthorizationUtilization {
  const { unitsAuthorized } = state.terms;
  const unitsProjected = state.unitsUsed + unitsBooked;
  return {
    unitsAuthorized,
    unitsUsed: state.unitsUsed,
    unitsRemaining: unitsAuthorized - state.unitsUsed,
    unitsProjected,
    unitsProjectedRemaining: unitsAuthorized - unitsProjected,
  };
}

/**
 * The authorization a signed session counts against: among those covering its code and date, the
 * earliest-starting one with units left, else the earliest-starting one (so the refusal is recorded
 * there); null when none covers the code and date. Booked-session attribution uses the same order.
 */
export function authorizationForService(
  states: AuthorizationState[],
  service: { serviceCode: string; dateOfService: string; units: number },
): string | null {
  const covering = states
    .flatMap((s) => (s.status === 'open' ? [s] : []))
    .filter((s) => s.terms.coveredServiceCodes.includes(service.serviceCode))
    .filter((s) => s.terms.startDate <= service.dateOfService && service.dateOfService <= s.terms.endDate)
    .sort((a, b) => a.terms.startDate.localeCompare(b.terms.startDate) || a.terms.authorizationId.localeCompare(b.terms.authorizationId));
  const withUnits = covering.find((s) => s.terms.unitsAuthorized - s.unitsUsed >= service.units);
  return (withUnits ?? covering[0])?.terms.authorizationId ?? null;
}
