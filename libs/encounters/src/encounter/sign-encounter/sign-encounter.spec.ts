import {
  CLINICIAN_ACCOUNT,
  RENDERING_PROVIDER_ID,
  SUPERVISOR_ID,
  clinicianContext,
  encounterOpened,
  givenEncounter,
} from '@revcycle/encounters/testing';

import type { EncounterFactsInput } from '../encounter-facts';
import { decideSignEncounter, type SignEncounter } from './sign-encounter.command';

const sign = (overrides: Partial<SignEncounter> = {}): SignEncounter => ({
  context: clinicianContext(),
  encounterId: encounterOpened().data.encounterId,
  signingProviderId: RENDERING_PROVIDER_ID,
  signingAccount: CLINICIAN_ACCOUNT,
  ...overrides,
});

function signDraft(facts: Partial<EncounterFactsInput>, minutes = 53) {
  return () => decideSignEncounter(sign(), givenEncounter([encounterOpened(facts, minutes)]));
}

describe('SignEncounter', () => {
  it('publishes the signed billable facts for coding', () => {
    const [event] = decideSignEncounter(sign(), givenEncounter([encounterOpened()]));
    expect(event.type).toBe('encounters.EncounterSigned');
    expect(event.data.facts).toEqual(encounterOpened().data.facts);
    expect(event.data.signedAt).toBe('2025-03-04T16:00:00.000Z');
  });

  it('lets the supervising provider sign a trainee session', () => {
    const state = givenEncounter([encounterOpened({ supervisingProviderId: SUPERVISOR_ID })]);
    expect(decideSignEncounter(sign({ signingProviderId: SUPERVISOR_ID }), state)[0].data.signedByProviderId).toBe(SUPERVISOR_ID);
  });

  it('refuses a signer who is not a clinician', () => {
    expect(() => decideSignEncounter(sign({ context: clinicianContext('front_desk') }), givenEncounter([encounterOpened()]))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.INVALID_SIGNER' }),
    );
  });

  it('refuses a clinician who neither rendered nor supervised the service', () => {
    expect(() => decideSignEncounter(sign({ signingProviderId: SUPERVISOR_ID }), givenEncounter([encounterOpened()]))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.INVALID_SIGNER' }),
    );
  });

  it.each([
    ['no such provider is enrolled', undefined, 'No enrolled provider'],
    ['the provider has no linked account', { userId: null }, 'no linked user account'],
    ['the signed-in user is another account', { userId: 'user-2' }, 'does not act as provider'],
  ])('refuses to sign as the rendering provider when %s', (_case, signingAccount, reason) => {
    expect(() => decideSignEncounter(sign({ signingAccount }), givenEncounter([encounterOpened()]))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.INVALID_SIGNER', message: expect.stringContaining(reason) }),
    );
  });

  it('refuses to sign twice: signing locks the encounter', () => {
    const opened = encounterOpened();
    const signed = decideSignEncounter(sign(), givenEncounter([opened]));
    expect(() => decideSignEncounter(sign(), givenEncounter([opened, ...signed]))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.ALREADY_SIGNED' }),
    );
  });

  it('refuses an encounter that does not exist', () => {
    expect(() => decideSignEncounter(sign(), givenEncounter([]))).toThrow(expect.objectContaining({ code: 'ENCOUNTERS.ENCOUNTER_NOT_FOUND' }));
  });

  it.each<[string, Partial<EncounterFactsInput>, number?]>([
    ['serviceCategory', { serviceCategory: null }],
    ['placeOfService', { placeOfService: null }],
    ['patientLocation', { modality: 'audio_only', patientLocation: null, placeOfService: '02' }],
    ['diagnoses', { diagnoses: [] }],
    ['participants', { serviceCategory: 'family_without_patient', participants: ['patient', 'family_member'] }],
    ['participants', { serviceCategory: 'family_with_patient', participants: ['family_member'] }],
    ['participants', { serviceCategory: 'group', participants: ['patient'] }],
    ['interactiveComplexityFactors', { serviceCategory: 'crisis', interactiveComplexityFactors: ['sentinel_event_disclosure'] }],
    ['emMinutes', { serviceCategory: 'psychotherapy_with_em', emMinutes: null }],
    ['emCode', { serviceCategory: 'psychotherapy_with_em', emMinutes: 15 }],
    ['emCode', { serviceCategory: 'medication_management', emMinutes: 20 }],
    ['emMinutes', { serviceCategory: 'psychotherapy_with_em', emMinutes: 53, emCode: '99213' }],
    ['instrumentCount', { serviceCategory: 'screening_instruments' }],
    ['testingMinutes', { serviceCategory: 'psychological_testing' }],
  ])('is not ready for signing without a valid %s', (field, facts) => {
    expect(signDraft(facts)).toThrow(expect.objectContaining({ code: 'ENCOUNTERS.NOT_READY_FOR_SIGNING', details: expect.objectContaining({ field }) }));
  });

  it('signs psychotherapy with an E/M visit once the E/M level and time are recorded', () => {
    const events = signDraft({ serviceCategory: 'psychotherapy_with_em', emMinutes: 15, emCode: '99214' })();
    expect(events[0].data.facts).toMatchObject({ emCode: '99214', emMinutes: 15 });
  });

  it('signs family therapy without the patient when only family members attend', () => {
    const events = signDraft({ serviceCategory: 'family_without_patient', participants: ['family_member', 'caregiver'] })();
    expect(events[0].data.facts.serviceCategory).toBe('family_without_patient');
  });
});
