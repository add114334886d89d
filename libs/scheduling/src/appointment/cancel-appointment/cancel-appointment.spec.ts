import { APPOINTMENT_ID, PATIENT_ID, appointmentBooked, feeTerms, givenAppointment, payerPolicy, schedulingContext } from '@revcycle/scheduling/testing';

import { decideMarkNoShow } from '../mark-no-show/mark-no-show.command';
import { decideCancelAppointment, type CancelAppointment } from './cancel-appointment.command';

// The session starts 2025-03-04T14:00Z; the window is 24 hours.
const cancel = (now: string, overrides: Partial<CancelAppointment> = {}): CancelAppointment => ({
  context: schedulingContext(new Date(now)),
  appointmentId: APPOINTMENT_ID,
  cancelledBy: 'patient',
  reason: 'illness',
  fee: feeTerms(),
  ...overrides,
});
const booked = () => givenAppointment([appointmentBooked()]);
const lateFee = { appointmentId: APPOINTMENT_ID, patientId: PATIENT_ID, dateOfService: '2025-03-04', amountCents: 5_000 };

describe('CancelAppointment', () => {
  it('is an ordinary cancel with more notice than the window', () => {
    expect(decideCancelAppointment(cancel('2025-03-03T13:59:00Z'), booked())).toEqual([
      { type: 'scheduling.AppointmentCancelled', data: { appointmentId: APPOINTMENT_ID, cancelledBy: 'patient', reason: 'illness', late: false } },
    ]);
  });

  it('is a late cancel inside the window and charges the late-cancel fee', () => {
    const events = decideCancelAppointment(cancel('2025-03-03T14:01:00Z'), booked());
    expect(events.map((e) => e.type)).toEqual(['scheduling.AppointmentCancelled', 'scheduling.LateCancelFeeCharged']);
    expect(events[1].data).toEqual(lateFee);
  });

  it('never charges a Medicaid member, even if the plan switch says fees are allowed', () => {
    const fee = feeTerms({ kind: 'medicaid', policy: payerPolicy({ missedAppointmentFeesAllowed: true }) });
    const events = decideCancelAppointment(cancel('2025-03-04T10:00:00Z', { fee }), booked());
    expect(events.map((e) => e.type)).toEqual(['scheduling.AppointmentCancelled', 'scheduling.MissedAppointmentFeeWaived']);
  });

  it('never charges when a commercial payer forbids missed-appointment fees', () => {
    const fee = feeTerms({ kind: 'commercial', policy: payerPolicy({ missedAppointmentFeesAllowed: false }) });
    const events = decideCancelAppointment(cancel('2025-03-04T10:00:00Z', { fee }), booked());
    expect(events.some((e) => e.type === 'scheduling.LateCancelFeeCharged')).toBe(false);
  });

  it('charges a self-pay patient', () => {
    const events = decideCancelAppointment(cancel('2025-03-04T10:00:00Z', { fee: feeTerms(null) }), booked());
    expect(events[1]).toEqual({ type: 'scheduling.LateCancelFeeCharged', data: lateFee });
  });

  it('is never late when the practice cancels', () => {
    const events = decideCancelAppointment(cancel('2025-03-04T10:00:00Z', { cancelledBy: 'practice', reason: 'provider_unavailable' }), booked());
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ late: false });
  });

  it('refuses to cancel twice, so the fee cannot be charged twice', () => {
    const first = decideCancelAppointment(cancel('2025-03-04T10:00:00Z'), booked());
    const state = givenAppointment([appointmentBooked(), ...first]);
    expect(state).toMatchObject({ status: 'cancelled', late: true, feeSettled: true });
    expect(() => decideCancelAppointment(cancel('2025-03-04T10:05:00Z'), state)).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.APPOINTMENT_ALREADY_CANCELLED' }),
    );
  });
});

describe('MarkNoShow', () => {
  const noShow = (now: string, fee = feeTerms()) => ({ context: schedulingContext(new Date(now)), appointmentId: APPOINTMENT_ID, fee });

  it('records a no-show after the start time and charges the no-show fee', () => {
    const events = decideMarkNoShow(noShow('2025-03-04T14:20:00Z'), booked());
    expect(events).toEqual([
      { type: 'scheduling.PatientNoShowRecorded', data: { appointmentId: APPOINTMENT_ID } },
      { type: 'scheduling.NoShowFeeCharged', data: { ...lateFee, amountCents: 7_500 } },
    ]);
  });

  it('waives the no-show fee for a managed-Medicaid member', () => {
    const fee = feeTerms({ kind: 'managed_medicaid', policy: payerPolicy({ missedAppointmentFeesAllowed: false }) });
    expect(decideMarkNoShow(noShow('2025-03-04T14:20:00Z', fee), booked())[1]).toEqual({
      type: 'scheduling.MissedAppointmentFeeWaived',
      data: { appointmentId: APPOINTMENT_ID, kind: 'no_show', reason: 'payer_forbids' },
    });
  });

  it('refuses a no-show before the session should have started', () => {
    expect(() => decideMarkNoShow(noShow('2025-03-04T13:59:00Z'), booked())).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.INVALID_APPOINTMENT_TIME' }),
    );
  });

  it('refuses a second no-show, so the fee is never charged twice', () => {
    const first = decideMarkNoShow(noShow('2025-03-04T14:20:00Z'), booked());
    expect(() => decideMarkNoShow(noShow('2025-03-04T14:30:00Z'), givenAppointment([appointmentBooked(), ...first]))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.APPOINTMENT_ALREADY_NO_SHOW' }),
    );
  });

  it('charges nothing when the practice sets no fee', () => {
    const fee = { ...feeTerms(), policies: { lateCancelWindowHours: 24, lateCancelFeeCents: 0, noShowFeeCents: 0 } };
    expect(decideMarkNoShow(noShow('2025-03-04T14:20:00Z', fee), booked())).toHaveLength(1);
  });
});
