import { Database, eventStoreMigrations } from '@revcycle/event-store';
import { PROVIDER_ID, TENANT, appointmentBooked, project, storedEvents } from '@revcycle/scheduling/testing';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { schedulingMigrations } from '../scheduling.module';
import { MissedAppointmentRatesProjection } from './missed-appointment-rates.projection';
import { ListMissedAppointmentRates, ListMissedAppointmentRatesHandler } from './missed-appointment-rates.query';

const id = (n: number) => `0190a8f2-4c1e-7a10-9d2b-00000000010${n}`;

describe('Missed-appointment rates by provider and month', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations(), ...schedulingMigrations()]);
  });
  afterAll(() => db.drop());

  // March: two kept, one no-show, one late cancel, one cancelled in good time (not due); one moved to April.
  const events = storedEvents([
    ...[1, 2, 3, 4, 5, 6].map((n) => appointmentBooked({ appointmentId: id(n) })),
    { type: 'scheduling.PatientCheckedIn', data: { appointmentId: id(1), checkedInAt: '2025-03-04T13:55:00Z' } },
    { type: 'scheduling.PatientCheckedIn', data: { appointmentId: id(2), checkedInAt: '2025-03-04T13:55:00Z' } },
    { type: 'scheduling.PatientNoShowRecorded', data: { appointmentId: id(3) } },
    { type: 'scheduling.AppointmentCancelled', data: { appointmentId: id(4), cancelledBy: 'patient', reason: 'illness', late: true } },
    { type: 'scheduling.AppointmentCancelled', data: { appointmentId: id(5), cancelledBy: 'patient', reason: 'weather', late: false } },
    { type: 'scheduling.AppointmentRescheduled', data: { appointmentId: id(6), start: '2025-04-01T14:00:00Z', end: '2025-04-01T14:53:00Z', dateOfService: '2025-04-01' } },
    { type: 'scheduling.PatientNoShowRecorded', data: { appointmentId: id(6) } },
  ]);
  const rates = () => new ListMissedAppointmentRatesHandler(new Database(db.appPool)).execute(new ListMissedAppointmentRates(TENANT, '2025-03', '2025-04'));

  it('counts no-shows and late cancels over the sessions that came due, the same after a replay', async () => {
    await project(db.appPool, new MissedAppointmentRatesProjection(), events);
    const once = await rates();
    expect(once).toEqual([
      { providerId: PROVIDER_ID, month: '2025-03', sessionsDue: 4, noShows: 1, lateCancels: 1, noShowRate: 0.25, lateCancelRate: 0.25 },
      { providerId: PROVIDER_ID, month: '2025-04', sessionsDue: 1, noShows: 1, lateCancels: 0, noShowRate: 1, lateCancelRate: 0 },
    ]);
    await project(db.appPool, new MissedAppointmentRatesProjection(), events);
    expect(await rates()).toEqual(once);
  });
});
