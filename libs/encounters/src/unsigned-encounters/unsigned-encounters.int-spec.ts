import { Database, PgEventStore, eventStoreMigrations, type DomainEvent } from '@revcycle/event-store';
import { newId } from '@revcycle/kernel';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';
import { RENDERING_PROVIDER_ID, encounterOpened } from '@revcycle/encounters/testing';

import { EncountersConfig } from '../encounters.config';
import { encountersMigrations } from '../encounters.module';
import { UnsignedEncountersProjection } from './unsigned-encounters.projection';
import { ListUnsignedEncountersHandler, ListUnsignedEncounters } from './unsigned-encounters.query';

const TENANT = 'practice-worklist';
let db: TestDatabase;
let store: PgEventStore;
const projection = new UnsignedEncountersProjection();

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations(), ...encountersMigrations()]);
  store = new PgEventStore(db.appPool);
});
afterAll(() => db.drop());

async function given(encounterId: string, events: DomainEvent[], occurredAt = '2025-03-04T15:00:00.000Z'): Promise<void> {
  const metadata = { tenantId: TENANT, actor: { id: 'clinician-1', role: 'clinician' as const }, correlationId: 'c', occurredAt };
  const existing = await store.readStream(`encounter-${encounterId}`, { tenantId: TENANT });
  await store.appendToStream(
    `encounter-${encounterId}`,
    events.map((event) => ({ ...event, eventId: newId(), schemaVersion: 1, metadata })),
    { expected: existing.length === 0 ? 'no_stream' : BigInt(existing.length), tenantId: TENANT },
  );
}

function opened(encounterId: string, endTime: string) {
  const event = encounterOpened({ startTime: '2025-03-04T14:00:00Z', endTime });
  return { ...event, data: { ...event.data, encounterId } };
}

async function applyAll(): Promise<void> {
  const { events } = await store.readAll(store.start, 1000);
  const client = await db.appPool.connect();
  try {
    for (const event of events) if (projection.handles.includes(event.type)) await projection.apply(event, client);
  } finally {
    client.release();
  }
}

async function rows() {
  const result = await db.appPool.query(
    `SELECT encounter_id, to_char(date_of_service, 'YYYY-MM-DD') AS dos, session_ended_at, signed_at, voided_at
       FROM encounters.unsigned_encounters_v1 WHERE tenant_id = $1 ORDER BY encounter_id`,
    [TENANT],
  );
  return result.rows;
}

const [late, revisedLate, signed, voided] = ['e1', 'e2', 'e3', 'e4'].map((suffix) => `0190a8f2-4c1e-7a10-9d2b-0000000000${suffix}`);

describe('unsigned-encounters projection', () => {
  beforeAll(async () => {
    await given(late, [opened(late, '2025-03-04T14:53:00Z')]);
    await given(revisedLate, [opened(revisedLate, '2025-03-04T14:30:00Z')]);
    await given(revisedLate, [{ type: 'encounters.EncounterFactsRevised', data: { encounterId: revisedLate, facts: { ...opened(revisedLate, '').data.facts, endTime: '2025-03-05T10:00:00Z', dateOfService: '2025-03-05' } } }]);
    await given(signed, [opened(signed, '2025-03-04T14:53:00Z')]);
    await given(signed, [{ type: 'encounters.EncounterSigned', data: { encounterId: signed, signedAt: '2025-03-04T20:53:00.000Z' } }]);
    await given(voided, [opened(voided, '2025-03-04T14:53:00Z')]);
    await given(voided, [{ type: 'encounters.EncounterVoided', data: { encounterId: voided, reason: 'duplicate', wasSigned: false, voidedAt: '2025-03-04T16:00:00.000Z' } }]);
    await applyAll();
  });

  it('keeps one row per encounter: open until signed or voided, revisions moving the session end', async () => {
    expect(await rows()).toEqual([
      expect.objectContaining({ encounter_id: late, dos: '2025-03-04', signed_at: null, voided_at: null }),
      expect.objectContaining({ encounter_id: revisedLate, dos: '2025-03-05', session_ended_at: new Date('2025-03-05T10:00:00Z') }),
      expect.objectContaining({ encounter_id: signed, signed_at: new Date('2025-03-04T20:53:00Z') }),
      expect.objectContaining({ encounter_id: voided, voided_at: new Date('2025-03-04T16:00:00Z') }),
    ]);
  });

  it('gives the same rows when every event is applied again, and after a reset and rebuild', async () => {
    const before = await rows();
    await applyAll();
    expect(await rows()).toEqual(before);
    await projection.reset(db.appPool);
    expect(await rows()).toEqual([]);
    await applyAll();
    expect(await rows()).toEqual(before);
  });

  it('lists sessions unsigned past the threshold, oldest first, with the charge lag of signed ones', async () => {
    const handler = new ListUnsignedEncountersHandler(new Database(db.appPool), new EncountersConfig(24));
    const worklist = await handler.execute(new ListUnsignedEncounters(TENANT, new Date('2025-03-06T09:00:00Z'), { limit: 100 }));
    expect(worklist.items.map((item) => [item.encounterId, item.hoursUnsigned])).toEqual([[late, 42]]);
    expect(worklist.chargeLag).toEqual({ signedLast30Days: 1, medianHoursToSign: 6 });
    const later = await handler.execute(new ListUnsignedEncounters(TENANT, new Date('2025-03-06T10:00:00Z'), { limit: 100 }, RENDERING_PROVIDER_ID));
    expect(later.items.map((item) => item.encounterId)).toEqual([late, revisedLate]);
    const otherProvider = await handler.execute(new ListUnsignedEncounters(TENANT, new Date('2025-03-06T10:00:00Z'), { limit: 100 }, newId()));
    expect(otherProvider.items).toEqual([]);
  });

  it('given more sessions than a page holds, when read page by page, then each comes once, oldest first', async () => {
    const handler = new ListUnsignedEncountersHandler(new Database(db.appPool), new EncountersConfig(24));
    const now = new Date('2025-03-06T10:00:00Z');
    const first = await handler.execute(new ListUnsignedEncounters(TENANT, now, { limit: 1 }));
    expect(first.items.map((item) => item.encounterId)).toEqual([late]);
    expect(first.next).toEqual(expect.any(String));
    const second = await handler.execute(new ListUnsignedEncounters(TENANT, now, { limit: 1, after: first.next! }));
    expect(second.items.map((item) => item.encounterId)).toEqual([revisedLate]);
    expect(second.next).toBeNull();
    await expect(handler.execute(new ListUnsignedEncounters(TENANT, now, { limit: 1, after: 'bm90IGEgY3Vyc29y' }))).rejects.toMatchObject({
      code: 'VALIDATION.FAILED',
    });
  });
});
