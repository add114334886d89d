import { Database, eventStoreMigrations } from '@revcycle/event-store';
import { TENANT, appointmentBooked, authorizationRecorded, project, storedEvents } from '@revcycle/scheduling/testing';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { schedulingMigrations } from '../scheduling.module';
import { AuthorizationUtilizationProjection } from './authorization-utilization.projection';
import { ListAuthorizationUtilization, ListAuthorizationUtilizationHandler } from './authorization-utilization.query';

const PATIENT = '0190a8f2-4c1e-7a10-9d2b-0000000000c9';
const FIRST = '0190a8f2-4c1e-7a10-9d2b-0000000001d1';
const SECOND = '0190a8f2-4c1e-7a10-9d2b-0000000001d2';
const appt = (n: number) => `0190a8f2-4c1e-7a10-9d2b-00000000020${n}`;
const encounter = (n: number) => `0190a8f2-4c1e-7a10-9d2b-00000000030${n}`;

describe('Authorization utilization', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations(), ...schedulingMigrations()]);
  });
  afterAll(() => db.drop());

  const usage = (authorizationId: string, n: number) => ({ authorizationId, encounterId: encounter(n), serviceCode: '90837', dateOfService: '2025-02-10', units: 1 });
  const events = storedEvents([
    authorizationRecorded({ authorizationId: FIRST, patientId: PATIENT, unitsAuthorized: 4, startDate: '2025-01-01', endDate: '2025-03-31' }),
    authorizationRecorded({ authorizationId: SECOND, patientId: PATIENT, unitsAuthorized: 10, startDate: '2025-04-01', endDate: '2025-06-30' }),
    { type: 'scheduling.AuthorizationUsageCounted', data: usage(FIRST, 1) },
    { type: 'scheduling.AuthorizationUsageCounted', data: usage(FIRST, 2) },
    { type: 'scheduling.AuthorizationUsageReversed', data: { authorizationId: FIRST, encounterId: encounter(2), units: 1 } },
    // Booked: two in March (first authorization), one in April (second), one cancelled, one signed.
    ...[1, 2, 3, 4, 5].map((n) => appointmentBooked({ appointmentId: appt(n), patientId: PATIENT })),
    { type: 'scheduling.AppointmentRescheduled', data: { appointmentId: appt(3), start: '2025-04-08T14:00:00Z', end: '2025-04-08T14:53:00Z', dateOfService: '2025-04-08' } },
    { type: 'scheduling.AppointmentCancelled', data: { appointmentId: appt(4), cancelledBy: 'practice', reason: 'weather', late: false } },
    { type: 'encounters.EncounterSigned', data: { encounterId: encounter(5), patientId: PATIENT, appointmentId: appt(5) } },
  ]);
  const list = () => new ListAuthorizationUtilizationHandler(new Database(db.appPool)).execute(new ListAuthorizationUtilization(TENANT, PATIENT));

  it('shows used, remaining and projected units per authorization, the same after a replay', async () => {
    await project(db.appPool, new AuthorizationUtilizationProjection(), events);
    const once = await list();
    expect(once.map((r) => [r.authorizationId, r.unitsAuthorized, r.unitsUsed, r.unitsRemaining, r.unitsBooked, r.unitsProjectedRemaining])).toEqual([
      [FIRST, 4, 1, 3, 2, 1],
      [SECOND, 10, 0, 10, 1, 9],
    ]);
    await project(db.appPool, new AuthorizationUtilizationProjection(), events);
    expect(await list()).toEqual(once);
  });
});
