import { ENCOUNTER_ID, ENCOUNTER_PATIENT_ID, clinicianContext, encounterFactsInput, encounterOpened, givenEncounter } from '@revcycle/encounters/testing';

import { decideOpenEncounter, type OpenEncounter } from './open-encounter.command';

function open(overrides: Partial<OpenEncounter> = {}): OpenEncounter {
  return {
    context: clinicianContext('front_desk'),
    encounterId: ENCOUNTER_ID,
    patientId: ENCOUNTER_PATIENT_ID,
    appointmentId: null,
    part2: null,
    facts: encounterFactsInput(),
    ...overrides,
  };
}

describe('OpenEncounter', () => {
  it('opens an unscheduled encounter with minutes derived from start and end', () => {
    const [event] = decideOpenEncounter(open({ facts: encounterFactsInput({ endTime: '2025-03-04T14:38:00Z' }) }), givenEncounter([]));
    expect(event.type).toBe('encounters.EncounterOpened');
    expect(event.data.facts.minutes).toBe(38);
  });

  it('keeps the Part 2 label given with the patient', () => {
    const [event] = decideOpenEncounter(open({ part2: { sourceProgramId: 'prog-1' } }), givenEncounter([]));
    expect(event.data.part2).toEqual({ sourceProgramId: 'prog-1' });
  });

  it('refuses a second open of the same encounter (a redelivered completion)', () => {
    expect(() => decideOpenEncounter(open(), givenEncounter([encounterOpened()]))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.ALREADY_OPENED' }),
    );
  });

  it('refuses a command that carries clinical note text', () => {
    const withNote = { ...open(), psychotherapyNote: 'session content' } as OpenEncounter;
    expect(() => decideOpenEncounter(withNote, givenEncounter([]))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.INVALID_CLINICAL_NOTE_TEXT', details: { encounterId: ENCOUNTER_ID, field: 'psychotherapyNote' } }),
    );
  });

  it('refuses note text smuggled inside the facts', () => {
    const facts = { ...encounterFactsInput(), sessionSummary: 'talked about work' };
    expect(() => decideOpenEncounter(open({ facts }), givenEncounter([]))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.INVALID_CLINICAL_NOTE_TEXT' }),
    );
  });

  it.each([
    ['endTime', { endTime: '2025-03-04T13:59:00Z' }],
    ['diagnoses', { diagnoses: Array.from({ length: 13 }, (_, i) => `F4${i % 10}.${i}`) }],
    ['diagnoses[1]', { diagnoses: ['F33.1', 'not-a-code'] }],
    ['diagnoses', { diagnoses: ['F33.1', 'F33.1'] }],
    ['patientLocation', { modality: 'in_person' as const, patientLocation: 'home' as const, placeOfService: '11' }],
    ['placeOfService', { patientLocation: 'other' as const, placeOfService: '10' }],
    ['supervisingProviderId', { supervisingProviderId: encounterFactsInput().renderingProviderId }],
    ['instrumentCount', { instrumentCount: 0 }],
    ['emCode', { emCode: '99201' }],
    ['emCode', { emCode: '90837' }],
  ])('refuses invalid facts naming the field %s', (field, overrides) => {
    expect(() => decideOpenEncounter(open({ facts: encounterFactsInput(overrides) }), givenEncounter([]))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.INVALID_ENCOUNTER_FACTS', details: { encounterId: ENCOUNTER_ID, field } }),
    );
  });

  it('accepts a draft from a completed appointment that still lacks category, POS, diagnoses and patient location', () => {
    const facts = encounterFactsInput({ serviceCategory: null, placeOfService: null, diagnoses: [], patientLocation: null });
    const events = decideOpenEncounter(open({ appointmentId: 'appt-1', facts }), givenEncounter([]));
    expect(events).toHaveLength(1);
    expect(events[0].data.appointmentId).toBe('appt-1');
  });
});
