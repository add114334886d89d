import { Client } from 'pg';

import { newId } from '@revcycle/kernel';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import type { NewEvent } from '../envelope';
import { ConcurrencyError, DuplicateEventError, IdempotencyKeyReused } from '../errors';
import { eventStoreMigrations } from './migrations';
import { CommandAlreadyRecorded, payloadHash } from '../idempotency';
import { PgEventStore } from './pg-event-store';
import { verifyStreamChain } from './hash-chain';

const TENANT = 'practice-a';

function event(type = 'test.Happened', data: unknown = { n: 1 }): NewEvent {
  return {
    eventId: newId(),
    type,
    schemaVersion: 1,
    data,
    metadata: { tenantId: TENANT, actor: { id: 'user-1', role: 'admin' }, correlationId: newId(), occurredAt: '2026-01-01T00:00:00.000Z' },
  };
}

describe('PgEventStore', () => {
  let db: TestDatabase;
  let store: PgEventStore;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations());
    store = new PgEventStore(db.appPool);
  });
  afterAll(() => db.drop());

  it('appends and reads a stream in order with 1-based positions', async () => {
    const stream = `test-${newId()}`;
    const first = await store.appendToStream(stream, [event(), event()], { expected: 'no_stream', tenantId: TENANT });
    const second = await store.appendToStream(stream, [event('test.Other')], { expected: 2n, tenantId: TENANT });
    expect(first.nextVersion).toBe(2n);
    expect(second.nextVersion).toBe(3n);
    const events = await store.readStream(stream, { tenantId: TENANT });
    expect(events.map((e) => e.streamPosition)).toEqual([1n, 2n, 3n]);
    expect(events[2].type).toBe('test.Other');
    expect(await store.readStream(stream, { tenantId: TENANT, fromVersion: 1n, toVersion: 2n })).toHaveLength(1);
  });

  it('reads another tenant’s stream as empty', async () => {
    const stream = `test-${newId()}`;
    await store.appendToStream(stream, [event()], { expected: 'no_stream', tenantId: TENANT });
    expect(await store.readStream(stream, { tenantId: 'practice-b' })).toEqual([]);
  });

  it.each([
    ['no_stream on an existing stream', 'no_stream' as const, 1n],
    ['a stale exact version', 5n, 1n],
  ])('refuses %s with the actual version', async (_name, expected, actual) => {
    const stream = `test-${newId()}`;
    await store.appendToStream(stream, [event()], { expected: 'no_stream', tenantId: TENANT });
    const failure = store.appendToStream(stream, [event()], { expected, tenantId: TENANT });
    await expect(failure).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(failure).rejects.toMatchObject({ actual });
  });

  it('supports stream_exists and any', async () => {
    const stream = `test-${newId()}`;
    await expect(store.appendToStream(stream, [event()], { expected: 'stream_exists', tenantId: TENANT })).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await store.appendToStream(stream, [event()], { expected: 'any', tenantId: TENANT })).nextVersion).toBe(1n);
    expect((await store.appendToStream(stream, [event()], { expected: 'stream_exists', tenantId: TENANT })).nextVersion).toBe(2n);
    expect((await store.appendToStream(stream, [event()], { expected: 'any', tenantId: TENANT })).nextVersion).toBe(3n);
  });

  it('lets exactly one of 50 concurrent appends at the same version win, keeping versions contiguous', async () => {
    const stream = `test-${newId()}`;
    await store.appendToStream(stream, [event()], { expected: 'no_stream', tenantId: TENANT });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => store.appendToStream(stream, [event()], { expected: 1n, tenantId: TENANT })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(49);
    for (const r of rejected) expect(r.reason).toBeInstanceOf(ConcurrencyError);
    const positions = (await store.readStream(stream, { tenantId: TENANT })).map((e) => Number(e.streamPosition));
    expect(positions).toEqual([1, 2]);
  });

  it('refuses a reused event id', async () => {
    const duplicate = event();
    await store.appendToStream(`test-${newId()}`, [duplicate], { expected: 'no_stream', tenantId: TENANT });
    await expect(store.appendToStream(`test-${newId()}`, [duplicate], { expected: 'any', tenantId: TENANT })).rejects.toBeInstanceOf(DuplicateEventError);
  });

  it('writes the idempotency ledger with the append; the same key replays, a different payload is refused', async () => {
    const commandId = newId();
    const ledger = { commandId, commandType: 'test.Do', payloadHash: payloadHash({ a: 1 }), result: { ok: true } };
    await store.appendToStream(`test-${newId()}`, [event()], { expected: 'no_stream', tenantId: TENANT, ledger });
    const replay = store.appendToStream(`test-${newId()}`, [event()], { expected: 'no_stream', tenantId: TENANT, ledger });
    await expect(replay).rejects.toBeInstanceOf(CommandAlreadyRecorded);
    const reused = store.appendToStream(`test-${newId()}`, [event()], {
      expected: 'no_stream', tenantId: TENANT, ledger: { ...ledger, payloadHash: payloadHash({ a: 2 }) },
    });
    await expect(reused).rejects.toBeInstanceOf(IdempotencyKeyReused);
    const record = await store.findLedgerEntry(TENANT, commandId);
    expect(record?.result).toMatchObject({ body: { ok: true }, version: '1' });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events, for the app role and even for the owner', async () => {
    await store.appendToStream(`test-${newId()}`, [event()], { expected: 'no_stream', tenantId: TENANT });
    for (const sql of ['UPDATE event_store.events SET event_type = $$x$$', 'DELETE FROM event_store.events', 'TRUNCATE event_store.events']) {
      await expect(db.appPool.query(sql)).rejects.toThrow();
    }
    const admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      await expect(admin.query('UPDATE event_store.events SET event_type = $$x$$')).rejects.toThrow(/append-only/);
      await expect(admin.query('DELETE FROM event_store.events')).rejects.toThrow(/append-only/);
      await expect(admin.query('TRUNCATE event_store.events')).rejects.toThrow(/append-only/);
    } finally {
      await admin.end();
    }
  });

  describe('hash chain', () => {
    async function tamper(sql: string, stream: string): Promise<void> {
      const admin = new Client({ connectionString: db.adminUrl });
      await admin.connect();
      try {
        await admin.query('BEGIN');
        await admin.query('ALTER TABLE event_store.events DISABLE TRIGGER USER');
        await admin.query(sql, [stream]);
        await admin.query('ALTER TABLE event_store.events ENABLE TRIGGER USER');
        await admin.query('COMMIT');
      } finally {
        await admin.end();
      }
    }

    async function streamOfThree(): Promise<string> {
      const stream = `test-${newId()}`;
      await store.appendToStream(stream, [event('test.A', { amountCents: 100 }), event('test.B', { amountCents: 200 }), event('test.C', { amountCents: 300 })], {
        expected: 'no_stream', tenantId: TENANT,
      });
      return stream;
    }

    it('verifies an untouched stream', async () => {
      const stream = await streamOfThree();
      expect(await verifyStreamChain(db.appPool, TENANT, stream)).toMatchObject({ ok: true, eventsChecked: 3 });
    });

    it('verifies events whose text is non-ASCII, escaped or nested', async () => {
      const stream = `test-${newId()}`;
      const data = { label: 'Zoë Ünal – 心理 🧠', quote: 'say "hi"\\n', lines: [{ codes: ['90837', '95'], units: 1 }], empty: {} };
      await store.appendToStream(stream, [event('test.Unicode', data), event('test.Unicode', { n: -5 })], { expected: 'no_stream', tenantId: TENANT });
      expect(await verifyStreamChain(db.appPool, TENANT, stream)).toMatchObject({ ok: true, eventsChecked: 2 });
      expect((await store.readStream(stream, { tenantId: TENANT }))[0].data).toEqual(data);
    });

    it('finds a changed byte in the data', async () => {
      const stream = await streamOfThree();
      await tamper(`UPDATE event_store.events SET data = '{"amountCents":201}' WHERE stream_id = $1 AND stream_position = 2`, stream);
      expect(await verifyStreamChain(db.appPool, TENANT, stream)).toMatchObject({ ok: false, firstBadPosition: 2 });
    });

    it('finds a deleted row', async () => {
      const stream = await streamOfThree();
      await tamper(`DELETE FROM event_store.events WHERE stream_id = $1 AND stream_position = 2`, stream);
      expect(await verifyStreamChain(db.appPool, TENANT, stream)).toMatchObject({ ok: false, firstBadPosition: 2 });
    });

    it('finds a deleted tail', async () => {
      const stream = await streamOfThree();
      await tamper(`DELETE FROM event_store.events WHERE stream_id = $1 AND stream_position = 3`, stream);
      expect(await verifyStreamChain(db.appPool, TENANT, stream)).toMatchObject({ ok: false, firstBadPosition: 3 });
    });

    it('finds two swapped events', async () => {
      const stream = await streamOfThree();
      // The unique (stream, position) key forbids moving rows, so an attacker swaps their contents.
      await tamper(
        `WITH a AS (SELECT data FROM event_store.events WHERE stream_id = $1 AND stream_position = 1),
              b AS (SELECT data FROM event_store.events WHERE stream_id = $1 AND stream_position = 2)
         UPDATE event_store.events e SET data = CASE e.stream_position WHEN 1 THEN (SELECT data FROM b) ELSE (SELECT data FROM a) END
          WHERE e.stream_id = $1 AND e.stream_position IN (1, 2)`,
        stream,
      );
      expect(await verifyStreamChain(db.appPool, TENANT, stream)).toMatchObject({ ok: false, firstBadPosition: 1 });
    });
  });
});
