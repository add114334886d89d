import type { DomainEvent } from '@revcycle/event-store';

import type {
  EncounterAddendumRecorded,
  EncounterFacts,
  EncounterSigned,
  EncounterVoided,
  Part2Label,
} from '../contracts/encounters.public-events';

export type EncounterOpened = DomainEvent<
  'encounters.EncounterOpened',
  { encounterId: string; patientId: string; appointmentId: string | null; part2: Part2Label; facts: EncounterFacts }
>;

/** Drafts change freely before signing; each revision is kept so charge-lag reports can see activity. */
export type EncounterFactsRevised = DomainEvent<
  'encounters.EncounterFactsRevised',
  { encounterId: string; facts: EncounterFacts }
>;

export type EncounterEvent =
  | EncounterOpened
  | EncounterFactsRevised
  | EncounterSigned
  | EncounterAddendumRecorded
  | EncounterVoided;
