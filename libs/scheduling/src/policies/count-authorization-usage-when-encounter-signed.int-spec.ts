import { CommandPipeline, ConcurrencyError, EventSchemaRegistry, eventStoreMigrations, PgEventStore, type StoredEvent } from '@revcycle/event-store';
import { newId } from '@revcycle/kernel';
import { TENANT, appointmentBooked, authorizationRecorded, givenPatient, givenStream, storedEvents } from '@revcycle/scheduling/testing';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { appointmentStreamId } from '../appointment/appointment.state';
import { authorizationStreamId } from '../authorization/authorization.state';
import { schedulingMigrations } from '../scheduling.module';
import { deciders, SchedulingStreams } from '../scheduling-streams';
import { CountAuthorizationUsageWhenEncounterSigned } from './count-authorization-usage-when-encounter-signed.policy';

const PATIENT = newId();
const AUTHORIZATION = newId();

function signed(encounterId: string, appointmentId: string) {
  const facts = { dateOfService: '2025-03-04', startTime: '2025-03-04T14:00:00Z', endTime: '2025-03-04T14:53:00Z', minutes: 53 };
  return { type: 'encounters.EncounterSigned', data: { encounterId, patientId: PATIENT, appointmentId, part2: null, facts, signedByProviderId: 'p', signedAt: '2025-03-04T16:00:00Z' } };
}

describe('Authorization usage counted from concurrent signings', () => {
  let db: TestDatabase;
  let streams: SchedulingStreams;
  let policy: CountAuthorizationUsageWhenEncounterSigned;
  const appointments = Array.from({ length: 10 }, () => newId());
  const encounters = appointments.map(() => newId());

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations(), ...schedulingMigrations()]);
    const store = new PgEventStore(db.appPool);
    streams = new SchedulingStreams(store);
    policy = new CountAuthorizationUsageWhenEncounterSigned(new CommandPipeline(store, new EventSchemaRegistry()), streams);
    await givenPatient(store, PATIENT, [AUTHORIZATION]);
    await givenStream(store, authorizationStreamId(AUTHORIZATION), [authorizationRecorded({ authorizationId: AUTHORIZATION, patientId: PATIENT, unitsAuthorized: 3 })]);
    for (const appointmentId of appointments) await givenStream(store, appointmentStreamId(appointmentId), [appointmentBooked({ appointmentId, patientId: PATIENT })]);
  });
  afterAll(() => db.drop());

  /** What the consumer runner does with a failed event: apply it again (the command id is the same). */
  async function deliver(event: StoredEvent): Promise<void> {
    for (;;) {
      try {
        return await policy.apply(event, db.appPool);
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
  }
  const usage = async () => {
    const { rows } = await db.appPool.query(
      `SELECT event_type, count(*)::int AS n FROM event_store.events WHERE stream_id = $1 GROUP BY event_type`,
      [authorizationStreamId(AUTHORIZATION)],
    );
    return Object.fromEntries(rows.map((r) => [r.event_type, r.n]));
  };
  const signings = storedEvents(encounters.map((encounterId, i) => signed(encounterId, appointments[i])));

  it('counts exactly the authorized units and records the rest as refused', async () => {
    await Promise.all(signings.map(deliver));
    const state = await streams.state(TENANT, authorizationStreamId(AUTHORIZATION), deciders.authorization);
    expect(state).toMatchObject({ status: 'open', unitsUsed: 3 });
    expect(await usage()).toEqual({ 'scheduling.AuthorizationRecorded': 1, 'scheduling.AuthorizationUsageCounted': 3, 'scheduling.AuthorizationUsageRefused': 7 });
  });

  it('writes nothing more when every signing is delivered again', async () => {
    await Promise.all(signings.map(deliver));
    expect(await usage()).toMatchObject({ 'scheduling.AuthorizationUsageCounted': 3, 'scheduling.AuthorizationUsageRefused': 7 });
  });

  it('returns the units of a voided signed encounter, once', async () => {
    const state = await streams.state(TENANT, authorizationStreamId(AUTHORIZATION), deciders.authorization);
    const counted = state.status === 'open' ? Object.keys(state.countedByEncounter)[0] : '';
    const [voided] = storedEvents([{ type: 'encounters.EncounterVoided', data: { encounterId: counted, reason: 'duplicate', wasSigned: true, voidedAt: '2025-03-05T10:00:00Z' } }]);
    await deliver(voided);
    await deliver(voided);
    expect(await streams.state(TENANT, authorizationStreamId(AUTHORIZATION), deciders.authorization)).toMatchObject({ unitsUsed: 2 });
    expect(await usage()).toMatchObject({ 'scheduling.AuthorizationUsageReversed': 1 });
  });
});
