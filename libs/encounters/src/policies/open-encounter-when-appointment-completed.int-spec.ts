import { CommandPipeline, ConsumerRunner, EventSchemaRegistry, PgEventStore, eventStoreMigrations } from '@revcycle/event-store';
import { newId } from '@revcycle/kernel';
import type { AppointmentCompleted } from '@revcycle/scheduling';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { encountersMigrations } from '../encounters.module';
import { encounterIdForAppointment, OpenEncounterWhenAppointmentCompleted } from './open-encounter-when-appointment-completed.policy';

const TENANT = 'practice-policy';
let db: TestDatabase;
let store: PgEventStore;
let policy: OpenEncounterWhenAppointmentCompleted;
let runner: ConsumerRunner;

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations(), ...encountersMigrations()]);
  const schemas = new EventSchemaRegistry();
  store = new PgEventStore(db.appPool, schemas);
  policy = new OpenEncounterWhenAppointmentCompleted(new CommandPipeline(store, schemas));
  runner = new ConsumerRunner(db.appPool, store, [policy], { instanceId: 'spec' });
});
afterAll(() => db.drop());

async function completeAppointment(modality: AppointmentCompleted['data']['modality'] = 'video'): Promise<string> {
  const appointmentId = newId();
  const completed: AppointmentCompleted = {
    type: 'scheduling.AppointmentCompleted',
    data: {
      appointmentId,
      patientId: newId(),
      providerId: newId(),
      locationId: newId(),
      modality,
      serviceCode: '90837',
      dateOfService: '2025-03-04',
      start: '2025-03-04T14:00:00.000Z',
      end: '2025-03-04T14:55:00.000Z',
      completedAt: '2025-03-04T15:00:00.000Z',
    },
  };
  const metadata = { tenantId: TENANT, actor: { id: 'front-desk-1', role: 'front_desk' as const }, correlationId: 'corr-visit', occurredAt: '2025-03-04T15:00:00.000Z' };
  await store.appendToStream(`appointment-${appointmentId}`, [{ ...completed, eventId: newId(), schemaVersion: 1, metadata }], { expected: 'no_stream', tenantId: TENANT });
  return appointmentId;
}

const encounterEvents = (appointmentId: string) =>
  store.readStream(`encounter-${encounterIdForAppointment(appointmentId)}`, { tenantId: TENANT });

describe('OpenEncounterWhenAppointmentCompleted', () => {
  it('opens a draft encounter from a completed appointment, caused by and correlated with it', async () => {
    const appointmentId = await completeAppointment();
    await runner.catchUp(policy);
    const [opened, ...rest] = await encounterEvents(appointmentId);
    expect(rest).toEqual([]);
    expect(opened.type).toBe('encounters.EncounterOpened');
    expect(opened.data).toMatchObject({ appointmentId, facts: { minutes: 55, modality: 'video', patientLocation: null, serviceCategory: null } });
    const [source] = await store.readStream(`appointment-${appointmentId}`, { tenantId: TENANT });
    expect(opened.metadata).toMatchObject({
      causationId: source.eventId,
      correlationId: 'corr-visit',
      actor: { id: 'policy:open-encounter-when-appointment-completed', role: 'system' },
      occurredAt: '2025-03-04T15:00:00.000Z',
    });
  });

  it('opens the encounter once when the completion is delivered twice', async () => {
    const appointmentId = await completeAppointment('in_person');
    await runner.catchUp(policy);
    const { events } = await store.readAll(store.start, 1000);
    const completion = events.find((event) => (event.data as { appointmentId?: string }).appointmentId === appointmentId && event.type === 'scheduling.AppointmentCompleted')!;
    await policy.apply(completion);
    await runner.checkpoints.resetForRebuild(policy, 'spec');
    await runner.catchUp(policy);
    expect((await encounterEvents(appointmentId)).map((event) => event.type)).toEqual(['encounters.EncounterOpened']);
  });

  it('leaves an open encounter alone when another completion names the same appointment', async () => {
    const appointmentId = await completeAppointment();
    const [first] = await store.readStream(`appointment-${appointmentId}`, { tenantId: TENANT });
    await store.appendToStream(`appointment-${appointmentId}`, [{ ...first, eventId: newId() }], { expected: 1n, tenantId: TENANT });
    await runner.catchUp(policy);
    expect(await encounterEvents(appointmentId)).toHaveLength(1);
    const { rows } = await db.appPool.query(`SELECT status FROM event_store.checkpoints WHERE consumer = $1`, [policy.name]);
    expect(rows[0].status).toBe('running');
  });

  it('derives the same encounter id from the same appointment and different ones from others', () => {
    const appointmentId = newId();
    expect(encounterIdForAppointment(appointmentId)).toBe(encounterIdForAppointment(appointmentId));
    expect(encounterIdForAppointment(appointmentId)).not.toBe(encounterIdForAppointment(newId()));
  });
});
