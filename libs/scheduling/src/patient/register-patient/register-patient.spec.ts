import { PATIENT_ID, schedulingContext } from '@revcycle/scheduling/testing';

import { decideCorrectPatientDemographics } from '../correct-patient-demographics/correct-patient-demographics.command';
import { decideLabelPart2Records } from '../label-part2-records/label-part2-records.command';
import { decideLinkPaymentRecord } from '../link-payment-record/link-payment-record.command';
import type { PatientDemographics, PatientEvent } from '../patient.events';
import { evolvePatient, initialPatientState } from '../patient.state';
import { decideRegisterPatient, type RegisterPatient } from './register-patient.command';

const phi: PatientDemographics = {
  firstName: 'Synthetic',
  lastName: 'Person',
  birthDate: '1990-05-17',
  administrativeSex: 'U',
  address: { line1: '1 Synthetic Way', line2: null, city: 'Springfield', state: 'IL', postalCode: '62701' },
  phone: null,
  email: null,
};
const context = schedulingContext();
const register = (overrides: Partial<RegisterPatient> = {}): RegisterPatient => ({
  context,
  patientId: PATIENT_ID,
  phi,
  guarantor: { kind: 'self' },
  contactPreferences: { channels: ['sms'], appointmentReminders: true, voicemailAllowed: false },
  part2: null,
  ...overrides,
});
const given = (events: PatientEvent[]) => events.reduce(evolvePatient, initialPatientState);
const registered = () => given(decideRegisterPatient(register(), initialPatientState));

describe('Patient registration', () => {
  it('registers demographics under phi, with empty coverage and authorization indexes', () => {
    expect(registered()).toMatchObject({ status: 'registered', phi, coverageIds: [], authorizationIds: [] });
  });

  it('refuses a birth date in the future or not in the calendar, naming only the patient id', () => {
    for (const birthDate of ['2025-03-02', '1990-02-30']) {
      expect(() => decideRegisterPatient(register({ phi: { ...phi, birthDate } }), initialPatientState)).toThrow(
        expect.objectContaining({ code: 'SCHEDULING.INVALID_BIRTH_DATE', details: { patientId: PATIENT_ID } }),
      );
    }
  });

  it('refuses registering twice', () => {
    expect(() => decideRegisterPatient(register(), registered())).toThrow(expect.objectContaining({ code: 'SCHEDULING.PATIENT_ALREADY_REGISTERED' }));
  });

  it('appends a correction and ignores an identical one', () => {
    const corrected = { ...phi, lastName: 'Renamed' };
    const events = decideCorrectPatientDemographics({ context, patientId: PATIENT_ID, phi: corrected }, registered());
    expect(events).toHaveLength(1);
    expect(decideCorrectPatientDemographics({ context, patientId: PATIENT_ID, phi: corrected }, given([...decideRegisterPatient(register(), initialPatientState), ...events]))).toEqual([]);
  });

  it('keeps a Part 2 label from one program and refuses another program', () => {
    const label = { sourceProgramId: 'program-1', effectiveFrom: '2025-01-01' };
    const history = [...decideRegisterPatient(register(), initialPatientState), ...decideLabelPart2Records({ context, patientId: PATIENT_ID, label }, registered())];
    expect(decideLabelPart2Records({ context, patientId: PATIENT_ID, label }, given(history))).toEqual([]);
    expect(() => decideLabelPart2Records({ context, patientId: PATIENT_ID, label: { ...label, sourceProgramId: 'program-2' } }, given(history))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.PATIENT_ALREADY_LABELLED_PART2' }),
    );
  });

  it('indexes each coverage and authorization once, and only for a registered patient', () => {
    const link = (kind: 'coverage' | 'authorization', recordId: string, state = registered()) =>
      decideLinkPaymentRecord({ context, patientId: PATIENT_ID, kind, recordId }, state);
    const history = [...decideRegisterPatient(register(), initialPatientState), ...link('coverage', 'cov-1'), ...link('authorization', 'auth-1')];
    expect(given(history)).toMatchObject({ coverageIds: ['cov-1'], authorizationIds: ['auth-1'] });
    expect(link('coverage', 'cov-1', given(history))).toEqual([]);
    expect(() => link('coverage', 'cov-1', initialPatientState)).toThrow(expect.objectContaining({ code: 'SCHEDULING.PATIENT_NOT_FOUND' }));
  });
});
