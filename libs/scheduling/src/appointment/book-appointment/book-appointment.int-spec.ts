import { CommandPipeline, Database, EventSchemaRegistry, eventStoreMigrations, PgEventStore } from '@revcycle/event-store';
import { newId, type CommandContext } from '@revcycle/kernel';
import { LOCATION_ID, TENANT, givenPatient, givenPractice, givenProvider } from '@revcycle/scheduling/testing';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { ListAuthorizationUtilizationHandler } from '../../authorization-utilization/authorization-utilization.query';
import { ReserveProviderTimeHandler } from '../../provider-calendar/reserve-provider-time/reserve-provider-time.handler';
import { providerCalendarStreamId } from '../../provider-calendar/provider-calendar.state';
import { schedulingMigrations } from '../../scheduling.module';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import { BookAppointmentHandler, BookAppointmentMessage, type Booking } from './book-appointment.handler';

const PATIENT = newId();
const PROVIDER = newId();
const DAY = Date.UTC(new Date().getUTCFullYear() + 1, 2, 2, 14);

describe('BookAppointment against the real store', () => {
  let db: TestDatabase;
  let store: PgEventStore;
  let handler: BookAppointmentHandler;
  let streams: SchedulingStreams;

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations(), ...schedulingMigrations()]);
    store = new PgEventStore(db.appPool);
    const pipeline = new CommandPipeline(store, new EventSchemaRegistry());
    streams = new SchedulingStreams(store);
    handler = new BookAppointmentHandler(pipeline, streams, new ReserveProviderTimeHandler(pipeline), new ListAuthorizationUtilizationHandler(new Database(db.appPool)));
    await givenPractice(store);
    await givenProvider(store, PROVIDER);
    await givenPatient(store, PATIENT);
  });
  afterAll(() => db.drop());

  const context = (key = newId()): CommandContext => ({ tenantId: TENANT, actor: { id: 'desk-1', role: 'front_desk' }, correlationId: newId(), commandId: key, now: new Date() });
  const booking = (startMs: number): Booking => ({
    patientId: PATIENT,
    providerId: PROVIDER,
    locationId: LOCATION_ID,
    modality: 'in_person',
    serviceCode: '90837',
    plannedUnits: 1,
    start: new Date(startMs).toISOString(),
    end: new Date(startMs + 53 * 60_000).toISOString(),
  });

  it.each([0, 1, 2, 3, 4])('lets exactly one of 10 racing, overlapping bookings through (round %i)', async (round) => {
    const base = DAY + round * 86_400_000;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => handler.execute(new BookAppointmentMessage(context(), booking(base + i * 5 * 60_000)))),
    );
    const booked = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));
    expect(booked).toHaveLength(1);
    expect(refused).toEqual(Array(9).fill('SCHEDULING.PROVIDER_ALREADY_BOOKED'));
    const calendar = await streams.state(TENANT, providerCalendarStreamId(PROVIDER, new Date(base).toISOString().slice(0, 7)), deciders.providerCalendar);
    const held = calendar.status === 'active' ? calendar.holds.filter((s) => Date.parse(s.start) >= base && Date.parse(s.start) < base + 86_400_000) : [];
    expect(held).toHaveLength(1);
    const { rows } = await db.appPool.query(
      `SELECT count(*)::int AS n FROM event_store.events WHERE event_type = 'scheduling.AppointmentBooked' AND (data->>'start')::timestamptz BETWEEN $1 AND $2`,
      [new Date(base), new Date(base + 86_400_000)],
    );
    expect(rows[0].n).toBe(1);
  });

  it('answers a retried request from the ledger without booking twice', async () => {
    const key = newId();
    const request = booking(DAY + 10 * 86_400_000);
    const first = await handler.execute(new BookAppointmentMessage(context(key), request));
    const again = await Promise.all([1, 2, 3].map(() => handler.execute(new BookAppointmentMessage(context(key), request))));
    expect(again.map((r) => r.body)).toEqual([first.body, first.body, first.body]);
    expect(again.every((r) => r.replayed)).toBe(true);
  });

  it('refuses reusing a key for a different request', async () => {
    const key = newId();
    await handler.execute(new BookAppointmentMessage(context(key), booking(DAY + 20 * 86_400_000)));
    await expect(handler.execute(new BookAppointmentMessage(context(key), booking(DAY + 21 * 86_400_000)))).rejects.toMatchObject({
      code: 'EVENT_STORE.IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('given a provider whose enrollment another process ended after this one last read it, then the booking sees the end and is refused', async () => {
    const provider = newId();
    await givenProvider(store, provider);
    // The second booking of the month finds every stream held, the third trusts them.
    for (const day of [40, 41]) await handler.execute(new BookAppointmentMessage(context(), { ...booking(DAY + day * 86_400_000), providerId: provider }));
    const ended = { type: 'scheduling.ProviderEnrollmentEnded', data: { providerId: provider, activeTo: '2025-06-30' } };
    const metadata = { tenantId: TENANT, actor: { id: 'admin-1', role: 'admin' as const }, correlationId: newId(), occurredAt: new Date().toISOString() };
    await new PgEventStore(db.appPool).appendToStream(`provider-${provider}`, [{ ...ended, eventId: newId(), schemaVersion: 1, metadata }], { expected: 1n, tenantId: TENANT });
    await expect(handler.execute(new BookAppointmentMessage(context(), { ...booking(DAY + 42 * 86_400_000), providerId: provider }))).rejects.toMatchObject({
      code: 'SCHEDULING.PROVIDER_NOT_ACTIVE',
    });
  });
});

