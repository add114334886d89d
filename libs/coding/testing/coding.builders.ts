import type { EncounterAddendumRecorded, EncounterSigned, SignedEncounterFacts } from '@revcycle/encounters';
import { encounterFactsInput } from '@revcycle/encounters/testing';
import type { EventMetadata } from '@revcycle/event-store';
import { newId } from '@revcycle/kernel';

import type { CodingRules } from '../src/coding/coding-evaluation';
import type { CodingEvent, CodingSubject } from '../src/coding/coding.events';
import { evolveCoding, initialCodingState, type CodingState } from '../src/coding/coding.state';
import { loadDefaultSeed } from '../src/codesets/default-seed';
import { initialFeeScheduleState } from '../src/fee-schedule/fee-schedule.state';

/** Synthetic ids only: nothing here resembles a real patient. */
export const CODING_TENANT = 'practice-coding';
export const CODING_ENCOUNTER_ID = '0190a8f2-4c1e-7a10-9d2b-00000000c001';
export const CODING_PATIENT_ID = '0190a8f2-4c1e-7a10-9d2b-00000000c0a1';
export const CODING_PROVIDER_ID = '0190a8f2-4c1e-7a10-9d2b-00000000c0b1';
export const CODING_PAYER_ID = 'payer-acme-health';

/** 53 minutes of individual psychotherapy by video to the client at home, inside the seed's FY2026 ICD-10-CM. */
export function signedFacts(overrides: Partial<SignedEncounterFacts> = {}): SignedEncounterFacts {
  const times = { dateOfService: '2026-03-04', startTime: '2026-03-04T14:00:00Z', endTime: '2026-03-04T14:53:00Z' };
  const input = encounterFactsInput({ ...times, renderingProviderId: CODING_PROVIDER_ID });
  return { ...input, serviceCategory: 'individual_psychotherapy', placeOfService: '10', minutes: 53, ...overrides };
}

export function encounterSigned(facts: SignedEncounterFacts = signedFacts(), encounterId = CODING_ENCOUNTER_ID): EncounterSigned {
  return {
    type: 'encounters.EncounterSigned',
    data: { encounterId, patientId: CODING_PATIENT_ID, appointmentId: null, part2: null, facts, signedByProviderId: CODING_PROVIDER_ID, signedAt: '2026-03-04T15:10:00.000Z' },
  };
}

export function encounterAddendumRecorded(facts: SignedEncounterFacts, addendumId = newId(), encounterId = CODING_ENCOUNTER_ID): EncounterAddendumRecorded {
  return {
    type: 'encounters.EncounterAddendumRecorded',
    data: { encounterId, addendumId, reason: 'correction', changedFields: ['endTime'], facts, recordedByProviderId: CODING_PROVIDER_ID, recordedAt: '2026-03-05T09:00:00.000Z' },
  };
}

export function codingMetadata(actor: EventMetadata['actor'] = { id: 'clinician-1', role: 'clinician' }, occurredAt = '2026-03-04T15:10:00.000Z'): EventMetadata {
  return { tenantId: CODING_TENANT, actor, correlationId: 'corr-coding', occurredAt };
}

export const codingSubject = (encounterId = CODING_ENCOUNTER_ID): CodingSubject => ({
  encounterId,
  patientId: CODING_PATIENT_ID,
  part2: null,
  renderingProviderId: CODING_PROVIDER_ID,
  dateOfService: '2026-03-04',
});

let seed: ReturnType<typeof loadDefaultSeed> | undefined;

/** The shipped code sets, default payer rules, and fee schedules as given. */
export function codingRules(overrides: Partial<CodingRules> = {}): CodingRules {
  seed ??= loadDefaultSeed();
  return { catalog: seed, payerRules: [], feeSchedules: initialFeeScheduleState, ...overrides };
}

export function givenCoding(events: CodingEvent[]): CodingState {
  return events.reduce(evolveCoding, initialCodingState);
}

/**
 * Polls until `check` holds (bounded). The log is read below the xmin horizon (event-store.md §3), so
 * a transaction open elsewhere on the server can hold back what a reader sees for a moment.
 */
export async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
