import type { DomainEvent } from '@revcycle/event-store';
import { isWithin, type LocalDate } from '@revcycle/kernel';

import type { ProviderEnrollment, ProviderEvent } from './provider.events';

/** A rendering provider of the practice; provider names and NPIs are public (NPPES), not PHI. */
export type ProviderState =
  | { status: 'unknown' }
  | { status: 'enrolled'; enrollment: ProviderEnrollment; userId?: string };

export const initialProviderState: ProviderState = { status: 'unknown' };

export function providerStreamId(providerId: string): string {
  return `provider-${providerId}`;
}

export function evolveProvider(state: ProviderState, event: DomainEvent): ProviderState {
  const e = event as ProviderEvent;
  switch (e.type) {
    case 'scheduling.ProviderEnrolled':
      return { status: 'enrolled', enrollment: e.data };
    case 'scheduling.ProviderEnrollmentEnded':
      if (state.status !== 'enrolled') return state;
      return { ...state, enrollment: { ...state.enrollment, activeTo: e.data.activeTo } };
    case 'scheduling.ProviderUserLinked':
      if (state.status !== 'enrolled') return state;
      return { ...state, userId: e.data.userId };
    default:
      return state;
  }
}

/** True when the provider may render services on the given date of service. */
export function isProviderActiveOn(state: ProviderState, date: LocalDate): boolean {
  return state.status === 'enrolled' && isWithin(date, state.enrollment.activeFrom, state.enrollment.activeTo);
}
