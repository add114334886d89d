import type { Decider, DomainEvent } from '@revcycle/event-store';

import type { EncounterFacts, Part2Label, SignedEncounterFacts } from '../contracts/encounters.public-events';
import type { EncounterEvent } from './encounter.events';

interface EncounterHeader {
  encounterId: string;
  patientId: string;
  appointmentId: string | null;
  part2: Part2Label;
}

/** The billable record of one session; signing fixes it, later changes are addenda (45 CFR 164.526). */
export type EncounterState =
  | { status: 'none' }
  | ({ status: 'draft'; facts: EncounterFacts } & EncounterHeader)
  | ({ status: 'signed'; facts: SignedEncounterFacts; signedAt: string; addendumIds: string[] } & EncounterHeader)
  | ({ status: 'voided'; wasSigned: boolean } & EncounterHeader);

export const initialEncounterState: EncounterState = { status: 'none' };

export function encounterStreamId(encounterId: string): string {
  return `encounter-${encounterId}`;
}

export function evolveEncounter(state: EncounterState, event: DomainEvent): EncounterState {
  const e = event as EncounterEvent;
  if (e.type === 'encounters.EncounterOpened') return { status: 'draft', ...e.data };
  if (state.status === 'none') return state;
  const { encounterId, patientId, appointmentId, part2 } = state;
  const header = { encounterId, patientId, appointmentId, part2 };
  switch (e.type) {
    case 'encounters.EncounterFactsRevised':
      return state.status === 'draft' ? { ...state, facts: e.data.facts } : state;
    case 'encounters.EncounterSigned':
      return { status: 'signed', ...header, facts: e.data.facts, signedAt: e.data.signedAt, addendumIds: [] };
    case 'encounters.EncounterAddendumRecorded':
      if (state.status !== 'signed') return state;
      return { ...state, facts: e.data.facts, addendumIds: [...state.addendumIds, e.data.addendumId] };
    case 'encounters.EncounterVoided':
      return { status: 'voided', ...header, wasSigned: e.data.wasSigned };
    default:
      return state;
  }
}

/** What the command pipeline folds an encounter stream with. */
export const encounterDecider: Decider<EncounterState, EncounterEvent> = {
  initialState: initialEncounterState,
  evolve: evolveEncounter,
};
