import { CLINICIAN_ACCOUNT, RENDERING_PROVIDER_ID, clinicianContext, encounterOpened, givenEncounter } from '@revcycle/encounters/testing';

import { decideReviseEncounter } from '../revise-encounter/revise-encounter.command';
import { decideSignEncounter } from '../sign-encounter/sign-encounter.command';
import { decideVoidEncounter, type VoidEncounter } from './void-encounter.command';

const ENCOUNTER_ID = encounterOpened().data.encounterId;
const voidIt: VoidEncounter = { context: clinicianContext(), encounterId: ENCOUNTER_ID, reason: 'wrong_patient' };

describe('VoidEncounter (entered in error)', () => {
  it('voids a draft and says it was never signed', () => {
    const [event] = decideVoidEncounter(voidIt, givenEncounter([encounterOpened()]));
    expect(event).toEqual({
      type: 'encounters.EncounterVoided',
      data: { encounterId: ENCOUNTER_ID, reason: 'wrong_patient', wasSigned: false, voidedAt: '2025-03-04T16:00:00.000Z' },
    });
  });

  it('voids a signed encounter so coding can withdraw the charge', () => {
    const opened = encounterOpened();
    const signed = decideSignEncounter(
      { context: clinicianContext(), encounterId: ENCOUNTER_ID, signingProviderId: RENDERING_PROVIDER_ID, signingAccount: CLINICIAN_ACCOUNT },
      givenEncounter([opened]),
    );
    expect(decideVoidEncounter(voidIt, givenEncounter([opened, ...signed]))[0].data.wasSigned).toBe(true);
  });

  it('refuses to void twice', () => {
    const opened = encounterOpened();
    const voided = decideVoidEncounter(voidIt, givenEncounter([opened]));
    expect(() => decideVoidEncounter(voidIt, givenEncounter([opened, ...voided]))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.ALREADY_VOIDED' }),
    );
  });
});

describe('ReviseEncounter', () => {
  const revise = (endTime: string) => ({
    context: clinicianContext(),
    encounterId: ENCOUNTER_ID,
    facts: { ...encounterOpened().data.facts, endTime, minutes: undefined },
  });

  it('revises a draft and re-derives minutes', () => {
    const { minutes: _m, ...facts } = encounterOpened().data.facts;
    const [event] = decideReviseEncounter(
      { context: clinicianContext(), encounterId: ENCOUNTER_ID, facts: { ...facts, endTime: '2025-03-04T14:30:00Z' } },
      givenEncounter([encounterOpened()]),
    );
    expect(event.data.facts.minutes).toBe(30);
  });

  it('refuses to revise a signed encounter', () => {
    const opened = encounterOpened();
    const signed = decideSignEncounter(
      { context: clinicianContext(), encounterId: ENCOUNTER_ID, signingProviderId: RENDERING_PROVIDER_ID, signingAccount: CLINICIAN_ACCOUNT },
      givenEncounter([opened]),
    );
    const { minutes: _m, ...facts } = opened.data.facts;
    expect(() =>
      decideReviseEncounter({ context: clinicianContext(), encounterId: ENCOUNTER_ID, facts }, givenEncounter([opened, ...signed])),
    ).toThrow(expect.objectContaining({ code: 'ENCOUNTERS.ALREADY_SIGNED' }));
  });

  it('refuses a client-supplied minutes value: minutes are derived', () => {
    expect(() => decideReviseEncounter(revise('2025-03-04T14:30:00Z') as never, givenEncounter([encounterOpened()]))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.INVALID_ENCOUNTER_FACTS', details: expect.objectContaining({ field: 'minutes' }) }),
    );
  });
});
