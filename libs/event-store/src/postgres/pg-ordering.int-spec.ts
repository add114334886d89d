import { Client } from 'pg';

import { newId } from '@revcycle/kernel';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import type { NewEvent } from '../envelope';
import { eventStoreMigrations } from './migrations';
import { PgEventStore } from './pg-event-store';

// The ordering scenarios of event-store.md §12 (S1-S4 and the rollback variant): a reader below the
// xmin horizon in (xid, gp) order never skips an event and never delivers one twice.
const TENANT = 'practice-a';

function event(): NewEvent {
  return {
    eventId: newId(),
    type: 'test.Happened',
    schemaVersion: 1,
    data: {},
    metadata: { tenantId: TENANT, actor: { id: 'user-1', role: 'admin' }, correlationId: newId(), occurredAt: '2026-01-01T00:00:00.000Z' },
  };
}

describe('PostgreSQL log order under concurrent commits', () => {
  let db: TestDatabase;
  let store: PgEventStore;
  let checkpoint: string;
  const clients: Client[] = [];

  async function open(): Promise<Client> {
    const client = new Client({ connectionString: db.appUrl });
    await client.connect();
    clients.push(client);
    return client;
  }

  async function appendIn(client: Client): Promise<bigint> {
    const result = await store.appendToStream(`test-${newId()}`, [event()], { expected: 'no_stream', tenantId: TENANT, connection: client });
    return result.globalPositions[0];
  }

  /** One poll from the running checkpoint; the checkpoint advances like a consumer's would. */
  async function poll(): Promise<bigint[]> {
    const batch = await store.readAll(checkpoint, 1000);
    checkpoint = batch.checkpoint;
    return batch.events.map((e) => e.globalPosition);
  }

  /** Polls until `count` events arrived; other test files' writers may hold the horizon back briefly. */
  async function pollFor(count: number): Promise<bigint[]> {
    const seen: bigint[] = [];
    const deadline = Date.now() + 10_000;
    while (seen.length < count && Date.now() < deadline) {
      seen.push(...(await poll()));
      if (seen.length < count) await new Promise((r) => setTimeout(r, 20));
    }
    return seen;
  }

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations());
    store = new PgEventStore(db.appPool);
  });
  beforeEach(async () => {
    checkpoint = store.start;
    while ((await poll()).length > 0);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end()));
  });
  afterAll(() => db.drop());

  it('S1: an earlier transaction held open while a later one commits is delivered, not skipped', async () => {
    const t1 = await open();
    const t2 = await open();
    await t1.query('BEGIN');
    const gp1 = await appendIn(t1);
    await t2.query('BEGIN');
    const gp2 = await appendIn(t2);
    await t2.query('COMMIT');
    expect(await poll()).toEqual([]);
    await t1.query('COMMIT');
    expect(await pollFor(2)).toEqual([gp1, gp2]);
    expect(await poll()).toEqual([]);
  });

  it('S2: transaction ids and positions assigned in opposite orders lose nothing', async () => {
    const t1 = await open();
    const t2 = await open();
    await t1.query('BEGIN');
    await t1.query('SELECT pg_current_xact_id()');
    await t2.query('BEGIN');
    await t2.query('SELECT pg_current_xact_id()');
    const gpOfT2 = await appendIn(t2);
    const gpOfT1 = await appendIn(t1);
    expect(gpOfT2 < gpOfT1).toBe(true);
    await t1.query('COMMIT');
    const first = await pollFor(1);
    expect(first).toEqual([gpOfT1]);
    await t2.query('COMMIT');
    expect(await pollFor(1)).toEqual([gpOfT2]);
    expect(await poll()).toEqual([]);
  });

  it('a rolled-back append leaves a hole that never stalls the reader', async () => {
    const t1 = await open();
    await t1.query('BEGIN');
    await appendIn(t1);
    await t1.query('ROLLBACK');
    const t2 = await open();
    const committed = await appendIn(t2);
    expect(await pollFor(1)).toEqual([committed]);
  });

  it('S3: an idle read-only transaction does not hold new events back', async () => {
    const reader = await open();
    await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await reader.query('SELECT count(*) FROM event_store.streams');
    const writer = await open();
    const gp = await appendIn(writer);
    expect(await pollFor(1)).toEqual([gp]);
    await reader.query('COMMIT');
  });

  it('S4: an idle writer stalls the reader until it commits, and then nothing is lost', async () => {
    const idle = await open();
    await idle.query('BEGIN');
    await idle.query('SELECT pg_current_xact_id()');
    const writer = await open();
    const gp = await appendIn(writer);
    expect(await poll()).toEqual([]);
    await idle.query('COMMIT');
    expect(await pollFor(1)).toEqual([gp]);
  });

  it('delivers 400 events from 8 racing writers exactly once each, in a stable order', async () => {
    const writers = await Promise.all(Array.from({ length: 8 }, () => open()));
    const appended: bigint[] = [];
    const seen: bigint[] = [];
    const reading = (async () => {
      const deadline = Date.now() + 20_000;
      while (seen.length < 400 && Date.now() < deadline) seen.push(...(await poll()));
    })();
    await Promise.all(
      writers.map(async (client) => {
        for (let i = 0; i < 50; i++) {
          await client.query('BEGIN');
          appended.push(await appendIn(client));
          await new Promise((r) => setTimeout(r, i % 3));
          await client.query('COMMIT');
        }
      }),
    );
    await reading;
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => (a < b ? -1 : 1))).toEqual([...appended].sort((a, b) => (a < b ? -1 : 1)));
  });
});
