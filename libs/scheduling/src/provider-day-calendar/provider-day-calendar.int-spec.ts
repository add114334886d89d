import { Database, eventStoreMigrations } from '@revcycle/event-store';
import { APPOINTMENT_ID, PROVIDER_ID, TENANT, appointmentBooked, project, storedEvents } from '@revcycle/scheduling/testing';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { schedulingMigrations } from '../scheduling.module';
import { ProviderDayCalendarProjection } from './provider-day-calendar.projection';
import { GetProviderDayCalendar, GetProviderDayCalendarHandler } from './provider-day-calendar.query';

const SECOND = '0190a8f2-4c1e-7a10-9d2b-0000000000a2';

describe('Provider day calendar', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations(), ...schedulingMigrations()]);
  });
  afterAll(() => db.drop());

  const events = storedEvents([
    appointmentBooked(),
    appointmentBooked({ appointmentId: SECOND, start: '2025-03-04T13:00:00Z', end: '2025-03-04T13:53:00Z' }),
    { type: 'scheduling.AppointmentRescheduled', data: { appointmentId: SECOND, start: '2025-03-04T16:00:00Z', end: '2025-03-04T16:53:00Z', dateOfService: '2025-03-04' } },
    { type: 'scheduling.PatientCheckedIn', data: { appointmentId: APPOINTMENT_ID, checkedInAt: '2025-03-04T13:55:00Z' } },
    { type: 'scheduling.AppointmentCancelled', data: { appointmentId: SECOND, cancelledBy: 'patient', reason: 'illness', late: true } },
  ]);
  const day = () => new GetProviderDayCalendarHandler(new Database(db.appPool)).execute(new GetProviderDayCalendar(TENANT, PROVIDER_ID, '2025-03-04'));

  it('shows the day in start order with each appointment’s latest status, the same after a replay', async () => {
    await project(db.appPool, new ProviderDayCalendarProjection(), events);
    const once = await day();
    expect(once.map((r) => [r.appointmentId, r.start, r.status, r.lateCancel])).toEqual([
      [APPOINTMENT_ID, '2025-03-04T14:00:00.000Z', 'checked_in', false],
      [SECOND, '2025-03-04T16:00:00.000Z', 'cancelled', true],
    ]);
    await project(db.appPool, new ProviderDayCalendarProjection(), events);
    expect(await day()).toEqual(once);
  });
});
