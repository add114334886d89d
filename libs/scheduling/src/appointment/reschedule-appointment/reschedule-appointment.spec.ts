import {
  APPOINTMENT_ID,
  TIME_ZONE,
  appointmentBooked,
  authorizationRecorded,
  coverageAdded,
  eligibilityChecked,
  givenAppointment,
  givenAuthorization,
  givenCoverage,
  schedulingContext,
} from '@revcycle/scheduling/testing';

import type { BookingFacts } from '../booking-warnings';
import { decideCheckInPatient } from '../check-in-patient/check-in-patient.command';
import { decideCompleteAppointment } from '../complete-appointment/complete-appointment.command';
import { decideRescheduleAppointment, type RescheduleAppointment } from './reschedule-appointment.command';

const selfPay: BookingFacts = { payment: 'self_pay' };
const reschedule = (start: string, end: string, overrides: Partial<RescheduleAppointment> = {}): RescheduleAppointment => ({
  context: schedulingContext(),
  appointmentId: APPOINTMENT_ID,
  start,
  end,
  timeZone: TIME_ZONE,
  facts: selfPay,
  ...overrides,
});
const booked = () => givenAppointment([appointmentBooked()]);

describe('RescheduleAppointment', () => {
  it('moves the session and takes the new local date of service', () => {
    const { events } = decideRescheduleAppointment(reschedule('2025-03-06T03:00:00Z', '2025-03-06T03:53:00Z'), booked());
    expect(events[0].data).toEqual({ appointmentId: APPOINTMENT_ID, start: '2025-03-06T03:00:00Z', end: '2025-03-06T03:53:00Z', dateOfService: '2025-03-05' });
    expect(givenAppointment([appointmentBooked(), ...events])).toMatchObject({ status: 'booked', appointment: { dateOfService: '2025-03-05' } });
  });

  it('writes nothing for the same time', () => {
    expect(decideRescheduleAppointment(reschedule('2025-03-04T14:00:00Z', '2025-03-04T14:53:00Z'), booked()).events).toEqual([]);
  });

  it('warns when the new date falls after the authorization ends', () => {
    const facts: BookingFacts = {
      payment: 'insured',
      primaryCoverage: givenCoverage([coverageAdded(), eligibilityChecked('2025-02-20')]),
      priorAuthorizationRequired: true,
      eligibilityMaxAgeDays: 30,
      authorizations: [{ state: givenAuthorization([authorizationRecorded()]), unitsBooked: 0 }],
    };
    const { warnings } = decideRescheduleAppointment(reschedule('2025-04-01T14:00:00Z', '2025-04-01T14:53:00Z', { facts }), booked());
    expect(warnings.map((w) => w.code)).toEqual(['AUTHORIZATION_EXPIRED']);
  });

  it('refuses the past, an inverted slot, and an appointment no longer booked', () => {
    expect(() => decideRescheduleAppointment(reschedule('2025-02-28T14:00:00Z', '2025-02-28T14:53:00Z'), booked())).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.INVALID_APPOINTMENT_TIME' }),
    );
    expect(() => decideRescheduleAppointment(reschedule('2025-03-05T14:53:00Z', '2025-03-05T14:00:00Z'), booked())).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.INVALID_APPOINTMENT_TIME' }),
    );
    const cancelled = givenAppointment([appointmentBooked(), { type: 'scheduling.AppointmentCancelled', data: { appointmentId: APPOINTMENT_ID, cancelledBy: 'practice', reason: 'weather', late: false } }]);
    expect(() => decideRescheduleAppointment(reschedule('2025-03-05T14:00:00Z', '2025-03-05T14:53:00Z'), cancelled)).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.APPOINTMENT_ALREADY_CANCELLED' }),
    );
  });
});

describe('CheckInPatient and CompleteAppointment', () => {
  const onDay = schedulingContext(new Date('2025-03-04T13:30:00Z'));
  const checkIn = (context = onDay) => decideCheckInPatient({ context, appointmentId: APPOINTMENT_ID, timeZone: TIME_ZONE }, booked());

  it('checks in on the practice-local day of service only', () => {
    expect(checkIn()).toEqual([{ type: 'scheduling.PatientCheckedIn', data: { appointmentId: APPOINTMENT_ID, checkedInAt: '2025-03-04T13:30:00.000Z' } }]);
    expect(() => checkIn(schedulingContext(new Date('2025-03-05T06:00:00Z')))).toThrow(expect.objectContaining({ code: 'SCHEDULING.INVALID_APPOINTMENT_TIME' }));
  });

  it('completes after check-in with the facts the encounters context opens from', () => {
    const state = givenAppointment([appointmentBooked(), ...checkIn()]);
    const part2 = { sourceProgramId: 'program-1' };
    const [completed] = decideCompleteAppointment({ context: schedulingContext(new Date('2025-03-04T15:00:00Z')), appointmentId: APPOINTMENT_ID, part2 }, state);
    expect(completed.data).toMatchObject({ appointmentId: APPOINTMENT_ID, serviceCode: '90837', dateOfService: '2025-03-04', completedAt: '2025-03-04T15:00:00.000Z', part2 });
  });

  it('refuses completing before check-in, and completing twice', () => {
    const complete = (state = booked()) => decideCompleteAppointment({ context: onDay, appointmentId: APPOINTMENT_ID, part2: null }, state);
    expect(() => complete()).toThrow(expect.objectContaining({ code: 'SCHEDULING.APPOINTMENT_NOT_READY_FOR_COMPLETION' }));
    const done = givenAppointment([appointmentBooked(), ...checkIn(), ...complete(givenAppointment([appointmentBooked(), ...checkIn()]))]);
    expect(() => complete(done)).toThrow(expect.objectContaining({ code: 'SCHEDULING.APPOINTMENT_ALREADY_COMPLETED' }));
  });
});
