import type { DomainEvent } from '@revcycle/event-store';

import type { ContactPreferences, Guarantor, Part2Label, PatientDemographics, PatientEvent } from './patient.events';

export type PatientState =
  | { status: 'unknown' }
  | {
      status: 'registered';
      patientId: string;
      phi: PatientDemographics;
      guarantor: Guarantor;
      contactPreferences: ContactPreferences;
      part2: Part2Label | null;
      coverageIds: string[];
      authorizationIds: string[];
    };

export const initialPatientState: PatientState = { status: 'unknown' };

/** Keyed by an opaque uuid only: names and birth dates never reach a stream id (event-store.md §10). */
export function patientStreamId(patientId: string): string {
  return `patient-${patientId}`;
}

export function evolvePatient(state: PatientState, event: DomainEvent): PatientState {
  const e = event as PatientEvent;
  switch (e.type) {
    case 'scheduling.PatientRegistered':
      return { status: 'registered', ...e.data, coverageIds: [], authorizationIds: [] };
    case 'scheduling.PatientDemographicsCorrected':
      if (state.status !== 'registered') return state;
      return { ...state, phi: e.data.phi };
    case 'scheduling.PatientPart2Labelled':
      if (state.status !== 'registered') return state;
      return { ...state, part2: { sourceProgramId: e.data.sourceProgramId, effectiveFrom: e.data.effectiveFrom } };
    case 'scheduling.PaymentRecordLinked': {
      if (state.status !== 'registered') return state;
      const key = e.data.kind === 'coverage' ? 'coverageIds' : 'authorizationIds';
      return { ...state, [key]: [...state[key], e.data.recordId] };
    }
    default:
      return state;
  }
}
