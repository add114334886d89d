import {
  AUTHORIZATION_ID,
  TIME_ZONE,
  appointmentDetails,
  authorizationRecorded,
  coverageAdded,
  eligibilityChecked,
  givenAppointment,
  givenAuthorization,
  givenCoverage,
  appointmentBooked,
  schedulingContext,
} from '@revcycle/scheduling/testing';

import type { AuthorizationEvent } from '../../authorization/authorization.events';
import type { CoverageEvent } from '../../coverage/coverage.events';
import type { BookingFacts } from '../booking-warnings';
import { decideBookAppointment, type BookAppointment } from './book-appointment.command';

const { dateOfService: _derived, ...appointment } = appointmentDetails();
const usage = (encounterId: string): AuthorizationEvent => ({
  type: 'scheduling.AuthorizationUsageCounted',
  data: { authorizationId: AUTHORIZATION_ID, encounterId, serviceCode: '90837', dateOfService: '2025-02-01', units: 1 },
});

function insured(coverage: CoverageEvent[], auths: AuthorizationEvent[][] = [], unitsBooked = 0, required = true): BookingFacts {
  return {
    payment: 'insured',
    primaryCoverage: givenCoverage(coverage),
    priorAuthorizationRequired: required,
    eligibilityMaxAgeDays: 30,
    authorizations: auths.map((events) => ({ state: givenAuthorization(events), unitsBooked })),
  };
}
const book = (facts: BookingFacts, overrides: Partial<BookAppointment> = {}): BookAppointment => ({
  context: schedulingContext(),
  appointment,
  timeZone: TIME_ZONE,
  facts,
  ...overrides,
});
const verified = [coverageAdded(), eligibilityChecked('2025-02-20')];
const codes = (facts: BookingFacts) => decideBookAppointment(book(facts), givenAppointment([])).warnings.map((w) => w.code);

describe('BookAppointment', () => {
  it('books with the date of service taken in the practice time zone', () => {
    const late = { ...appointment, start: '2025-03-05T02:00:00Z', end: '2025-03-05T02:53:00Z' };
    const { events } = decideBookAppointment(book({ payment: 'self_pay' }, { appointment: late }), givenAppointment([]));
    expect(events[0].data.dateOfService).toBe('2025-03-04');
  });

  it('books a verified, authorized session without warnings', () => {
    expect(codes(insured(verified, [[authorizationRecorded()]]))).toEqual([]);
  });

  it('warns that coverage is inactive when it ended before the date of service', () => {
    expect(codes(insured([coverageAdded({ effectiveTo: '2025-02-28' }), eligibilityChecked('2025-02-20')], [[authorizationRecorded()]]))).toEqual(['COVERAGE_INACTIVE']);
  });

  it('warns that coverage is inactive when the last eligibility check said so', () => {
    expect(codes(insured([coverageAdded(), eligibilityChecked('2025-02-20', { active: false })], [[authorizationRecorded()]]))).toEqual(['COVERAGE_INACTIVE']);
  });

  it('warns that coverage is unverified when the last check is older than the practice allows', () => {
    expect(codes(insured([coverageAdded(), eligibilityChecked('2025-01-15')], [[authorizationRecorded()]]))).toEqual(['COVERAGE_UNVERIFIED']);
    expect(codes(insured([coverageAdded()], [[authorizationRecorded()]]))).toEqual(['COVERAGE_UNVERIFIED']);
  });

  it('warns that no authorization covers the service when the payer requires one', () => {
    expect(codes(insured(verified, [[authorizationRecorded({ coveredServiceCodes: ['90791'] })]]))).toEqual(['AUTHORIZATION_MISSING']);
    expect(codes(insured(verified, [], 0, false))).toEqual([]);
  });

  it('warns that the authorization has expired by the date of service', () => {
    expect(codes(insured(verified, [[authorizationRecorded({ endDate: '2025-03-03' })]]))).toEqual(['AUTHORIZATION_EXPIRED']);
  });

  it('warns that used plus booked sessions exhaust the authorization', () => {
    const nearlyUsed = [authorizationRecorded({ unitsAuthorized: 3 }), usage('enc-1'), usage('enc-2')];
    expect(codes(insured(verified, [nearlyUsed], 0))).toEqual([]);
    expect(codes(insured(verified, [nearlyUsed], 1))).toEqual(['AUTHORIZATION_EXHAUSTED']);
  });

  it('is satisfied by any one of several active authorizations', () => {
    const exhausted = [authorizationRecorded({ unitsAuthorized: 1 }), usage('enc-1')];
    const fresh = [authorizationRecorded({ authorizationId: 'auth-2' })];
    expect(codes(insured(verified, [exhausted, fresh]))).toEqual([]);
  });

  it('never warns about coverage for a self-pay patient', () => {
    expect(codes({ payment: 'self_pay' })).toEqual([]);
  });

  it('refuses a booking in the past', () => {
    const context = schedulingContext(new Date('2025-03-05T00:00:00Z'));
    expect(() => decideBookAppointment(book({ payment: 'self_pay' }, { context }), givenAppointment([]))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.INVALID_APPOINTMENT_TIME' }),
    );
  });

  it('refuses to reuse an appointment id', () => {
    expect(() => decideBookAppointment(book({ payment: 'self_pay' }), givenAppointment([appointmentBooked()]))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.APPOINTMENT_ALREADY_BOOKED' }),
    );
  });
});
