import { CLINICIAN_ACCOUNT, RENDERING_PROVIDER_ID, SUPERVISOR_ID, clinicianContext, encounterOpened, givenEncounter } from '@revcycle/encounters/testing';

import type { EncounterEvent } from '../encounter.events';
import { decideSignEncounter } from '../sign-encounter/sign-encounter.command';
import { decideVoidEncounter } from '../void-encounter/void-encounter.command';
import { decideAddEncounterAddendum, type AddEncounterAddendum } from './add-encounter-addendum.command';

const ENCOUNTER_ID = encounterOpened().data.encounterId;

function signedHistory(): EncounterEvent[] {
  const opened = encounterOpened();
  const signed = decideSignEncounter(
    { context: clinicianContext(), encounterId: ENCOUNTER_ID, signingProviderId: RENDERING_PROVIDER_ID, signingAccount: CLINICIAN_ACCOUNT },
    givenEncounter([opened]),
  );
  return [opened, ...signed];
}

const addendum = (overrides: Partial<AddEncounterAddendum> = {}): AddEncounterAddendum => ({
  context: clinicianContext('clinician', new Date('2025-03-05T09:00:00Z')),
  encounterId: ENCOUNTER_ID,
  addendumId: 'add-1',
  reason: 'correction',
  changes: { endTime: '2025-03-04T14:45:00Z' },
  recordingProviderId: RENDERING_PROVIDER_ID,
  recordingAccount: CLINICIAN_ACCOUNT,
  ...overrides,
});

describe('AddEncounterAddendum', () => {
  it('records a correction as its own event with the changed fields and re-derived minutes', () => {
    const [event] = decideAddEncounterAddendum(addendum(), givenEncounter(signedHistory()));
    expect(event.type).toBe('encounters.EncounterAddendumRecorded');
    expect(event.data.changedFields).toEqual(['endTime', 'minutes']);
    expect(event.data.facts.minutes).toBe(45);
    expect(event.data.reason).toBe('correction');
  });

  it('keeps each addendum: a second one builds on the first', () => {
    const history = signedHistory();
    const first = decideAddEncounterAddendum(addendum(), givenEncounter(history));
    const second = decideAddEncounterAddendum(
      addendum({ addendumId: 'add-2', reason: 'late_entry', changes: { diagnoses: ['F33.1'] } }),
      givenEncounter([...history, ...first]),
    );
    expect(second[0].data.facts.minutes).toBe(45);
    expect(second[0].data.changedFields).toEqual(['diagnoses']);
    expect(givenEncounter([...history, ...first, ...second])).toMatchObject({ addendumIds: ['add-1', 'add-2'] });
  });

  it('writes nothing when the same addendum is retried', () => {
    const history = signedHistory();
    const first = decideAddEncounterAddendum(addendum(), givenEncounter(history));
    expect(decideAddEncounterAddendum(addendum(), givenEncounter([...history, ...first]))).toEqual([]);
  });

  it('is not ready on a draft: drafts are revised, not amended', () => {
    expect(() => decideAddEncounterAddendum(addendum(), givenEncounter([encounterOpened()]))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.NOT_READY_FOR_ADDENDUM' }),
    );
  });

  it('refuses an addendum that changes nothing', () => {
    const unchanged = addendum({ changes: { endTime: encounterOpened().data.facts.endTime } });
    expect(() => decideAddEncounterAddendum(unchanged, givenEncounter(signedHistory()))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.INVALID_ENCOUNTER_FACTS' }),
    );
  });

  it('refuses note text in the changes', () => {
    const changes = { clinicalNotes: 'free text' } as AddEncounterAddendum['changes'];
    expect(() => decideAddEncounterAddendum(addendum({ changes }), givenEncounter(signedHistory()))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.INVALID_CLINICAL_NOTE_TEXT' }),
    );
  });

  it('refuses an addendum that would leave the encounter unbillable', () => {
    expect(() => decideAddEncounterAddendum(addendum({ changes: { diagnoses: [] } }), givenEncounter(signedHistory()))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.NOT_READY_FOR_SIGNING' }),
    );
  });

  it('refuses an addendum recorded as a provider who neither rendered nor supervised the session', () => {
    expect(() => decideAddEncounterAddendum(addendum({ recordingProviderId: SUPERVISOR_ID }), givenEncounter(signedHistory()))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.INVALID_SIGNER' }),
    );
  });

  it('refuses an addendum from a user who is not the recording provider’s account', () => {
    expect(() => decideAddEncounterAddendum(addendum({ recordingAccount: { userId: 'user-2' } }), givenEncounter(signedHistory()))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.INVALID_SIGNER', message: expect.stringContaining('does not act as provider') }),
    );
  });

  it('refuses addenda on a voided encounter', () => {
    const history = signedHistory();
    const voided = decideVoidEncounter({ context: clinicianContext(), encounterId: ENCOUNTER_ID, reason: 'duplicate' }, givenEncounter(history));
    expect(() => decideAddEncounterAddendum(addendum(), givenEncounter([...history, ...voided]))).toThrow(
      expect.objectContaining({ code: 'ENCOUNTERS.ALREADY_VOIDED' }),
    );
  });
});
