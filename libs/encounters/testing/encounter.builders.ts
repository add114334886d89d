import type { CommandContext, Role } from '@revcycle/kernel';

import type { EncounterFacts } from '../src/contracts/encounters.public-events';
import type { EncounterFactsInput } from '../src/encounter/encounter-facts';
import type { EncounterEvent, EncounterOpened } from '../src/encounter/encounter.events';
import { evolveEncounter, initialEncounterState, type EncounterState } from '../src/encounter/encounter.state';

/** Synthetic ids only: builders never hold anything that looks like a real patient. */
export const ENCOUNTER_ID = '0190a8f2-4c1e-7a10-9d2b-000000000e01';
export const ENCOUNTER_PATIENT_ID = '0190a8f2-4c1e-7a10-9d2b-000000000a01';
export const RENDERING_PROVIDER_ID = '0190a8f2-4c1e-7a10-9d2b-000000000b01';
export const SUPERVISOR_ID = '0190a8f2-4c1e-7a10-9d2b-000000000b02';

/** The provider-registry answer for the user of `clinicianContext`: that user's own provider account. */
export const CLINICIAN_ACCOUNT = { userId: 'user-1' };

export function clinicianContext(role: Role = 'clinician', now = new Date('2025-03-04T16:00:00Z')): CommandContext {
  return { tenantId: 'tenant-1', actor: { id: 'user-1', role }, correlationId: 'corr-1', now };
}

/** A 53-minute individual psychotherapy session by video to the patient's home. */
export function encounterFactsInput(overrides: Partial<EncounterFactsInput> = {}): EncounterFactsInput {
  return {
    dateOfService: '2025-03-04',
    startTime: '2025-03-04T14:00:00Z',
    endTime: '2025-03-04T14:53:00Z',
    serviceCategory: 'individual_psychotherapy',
    modality: 'video',
    patientLocation: 'home',
    placeOfService: '10',
    participants: ['patient'],
    renderingProviderId: RENDERING_PROVIDER_ID,
    supervisingProviderId: null,
    diagnoses: ['F33.1', 'F41.1'],
    interactiveComplexityFactors: [],
    emMinutes: null,
    emCode: null,
    instrumentCount: null,
    testingMinutes: null,
    ...overrides,
  };
}

export function encounterOpened(overrides: Partial<EncounterFactsInput> = {}, minutes = 53): EncounterOpened {
  const facts: EncounterFacts = { ...encounterFactsInput(overrides), minutes };
  return {
    type: 'encounters.EncounterOpened',
    data: { encounterId: ENCOUNTER_ID, patientId: ENCOUNTER_PATIENT_ID, appointmentId: null, part2: null, facts },
  };
}

export function givenEncounter(events: EncounterEvent[]): EncounterState {
  return events.reduce(evolveEncounter, initialEncounterState);
}
