import type { DomainEvent } from '@revcycle/event-store';

import type { PracticeEvent, PracticePolicies, PracticeProfile, ServiceLocation } from './practice.events';

/** The practice profile: one stream per tenant, the reference data every claim and statement reads. */
export type PracticeState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      profile: PracticeProfile;
      locations: ServiceLocation[];
      policies: PracticePolicies | null;
    };

export type RegisteredPractice = Extract<PracticeState, { status: 'registered' }>;

export const initialPracticeState: PracticeState = { status: 'unregistered' };

/** The tenant id is an opaque uuid, never a name, so it is safe in a stream id. */
export function practiceStreamId(tenantId: string): string {
  return `practice-${tenantId}`;
}

export function evolvePractice(state: PracticeState, event: DomainEvent): PracticeState {
  const e = event as PracticeEvent;
  switch (e.type) {
    case 'scheduling.PracticeRegistered':
      return { status: 'registered', profile: e.data, locations: [], policies: null };
    case 'scheduling.ServiceLocationAdded':
      if (state.status !== 'registered') return state;
      return { ...state, locations: [...state.locations, e.data] };
    case 'scheduling.PracticePoliciesSet':
      if (state.status !== 'registered') return state;
      return { ...state, policies: e.data };
    default:
      return state;
  }
}
