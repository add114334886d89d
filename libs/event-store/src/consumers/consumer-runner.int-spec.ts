import { Client } from 'pg';

import { newId } from '@revcycle/kernel';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import type { NewEvent, StoredEvent } from '../envelope';
import type { SqlConnection } from '../event-store.port';
import { eventStoreMigrations } from '../postgres/migrations';
import { PgEventStore } from '../postgres/pg-event-store';
import type { Consumer } from './consumer';
import { ConsumerRunner } from './consumer-runner';

const TENANT = 'practice-a';

function event(type: string, data: Record<string, number> = {}): NewEvent {
  return {
    eventId: newId(),
    type,
    schemaVersion: 1,
    data,
    metadata: { tenantId: TENANT, actor: { id: 'user-1', role: 'admin' }, correlationId: newId(), occurredAt: '2026-01-01T00:00:00.000Z' },
  };
}

/** Sums `n` per stream into a table named for its version, like a versioned read model. */
function summing(version: number, hooks: { before?: (e: StoredEvent, tx: SqlConnection) => Promise<void> } = {}, mode?: Consumer['mode']): Consumer {
  const table = `test_read.sums_v${version}`;
  return {
    name: 'test.sums',
    version,
    mode,
    handles: ['test.Added'],
    async apply(e, tx) {
      await tx.query(
        `INSERT INTO ${table} (stream_id, total, events) VALUES ($1, $2, 1)
         ON CONFLICT (stream_id) DO UPDATE SET total = ${table}.total + EXCLUDED.total, events = ${table}.events + 1`,
        [e.streamId, (e.data as { n: number }).n],
      );
      await hooks.before?.(e, tx);
    },
    reset: async (tx) => {
      await tx.query(`DELETE FROM ${table}`);
    },
  };
}

/** The same read model, written with one grouped statement per batch. */
function summingInBatches(rejectNegative = false): Consumer {
  const single = summing(1, { before: async (e) => { if (rejectNegative && (e.data as { n: number }).n < 0) throw new Error('negative amount'); } });
  return {
    ...single,
    async applyBatch(events, tx) {
      if (rejectNegative && events.some((e) => (e.data as { n: number }).n < 0)) throw new Error('negative amount in batch');
      const totals = new Map<string, { total: number; events: number }>();
      for (const e of events) {
        const row = totals.get(e.streamId) ?? { total: 0, events: 0 };
        totals.set(e.streamId, { total: row.total + (e.data as { n: number }).n, events: row.events + 1 });
      }
      await tx.query(
        `INSERT INTO test_read.sums_v1 (stream_id, total, events)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[])
         ON CONFLICT (stream_id) DO UPDATE SET total = sums_v1.total + EXCLUDED.total, events = sums_v1.events + EXCLUDED.events`,
        [[...totals.keys()], [...totals.values()].map((t) => t.total), [...totals.values()].map((t) => t.events)],
      );
    },
  };
}

describe('ConsumerRunner', () => {
  let db: TestDatabase;
  let store: PgEventStore;
  const runners: ConsumerRunner[] = [];

  const runner = (consumers: Consumer[], options = {}) => {
    const created = new ConsumerRunner(db.appPool, store, consumers, { backoffMs: 5, attempts: 2, ...options });
    runners.push(created);
    return created;
  };

  async function rows(version: number): Promise<Array<{ stream_id: string; total: number; events: number }>> {
    const { rows: found } = await db.appPool.query(`SELECT stream_id, total, events FROM test_read.sums_v${version} ORDER BY stream_id`);
    return found;
  }

  async function appendMany(count: number, poisonAt = -1): Promise<void> {
    for (let i = 0; i < count; i++) {
      await store.appendToStream(`s-${i % 7}`, [event('test.Added', { n: i === poisonAt ? -1 : i })], { expected: 'any', tenantId: TENANT });
    }
  }

  async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  beforeEach(async () => {
    db = await createTestDatabase(eventStoreMigrations());
    store = new PgEventStore(db.appPool);
    const admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA test_read; GRANT USAGE ON SCHEMA test_read TO revcycle_app;`);
    for (const v of [1, 2]) {
      await admin.query(`CREATE TABLE test_read.sums_v${v} (stream_id text PRIMARY KEY, total bigint NOT NULL, events int NOT NULL);
        GRANT SELECT, INSERT, UPDATE, DELETE ON test_read.sums_v${v} TO revcycle_app;`);
    }
    await admin.end();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await db.drop();
  });

  it('applies every event once, in batches, with the checkpoint committed alongside', async () => {
    await appendMany(120);
    const r = runner([summing(1)], { batchSize: 50 });
    expect(await r.catchUp(summing(1))).toBe(120);
    const result = await rows(1);
    expect(result.reduce((sum, row) => sum + row.events, 0)).toBe(120);
    expect(result.reduce((sum, row) => sum + Number(row.total), 0)).toBe((119 * 120) / 2);
    expect(await r.catchUp(summing(1))).toBe(0);
  });

  it('resumes after a crash mid-batch (write done, commit never reached) equal to a clean rebuild', async () => {
    await appendMany(200);
    let crashed = false;
    const crashing = summing(1, {
      before: async (e, tx) => {
        if (!crashed && (e.data as { n: number }).n === 137) {
          crashed = true;
          // The connection dies between the read-model write and the commit, as in a killed process.
          await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
        }
      },
    });
    const r = runner([crashing], { batchSize: 64 });
    await r.catchUp(crashing);
    expect(crashed).toBe(true);
    const afterCrash = await rows(1);
    const rebuilt = runner([summing(1)]);
    await rebuilt.checkpoints.resetForRebuild(summing(1), 'rebuild-test');
    await rebuilt.checkpoints.releaseLease(summing(1), 'rebuild-test');
    await rebuilt.catchUp(summing(1));
    expect(await rows(1)).toEqual(afterCrash);
    expect(afterCrash.reduce((sum, row) => sum + row.events, 0)).toBe(200);
  });

  it('applies whole batches with one statement when the consumer can, leaving the same rows', async () => {
    await appendMany(300);
    const r = runner([summingInBatches()], { batchSize: 128 });
    expect(await r.catchUp(summingInBatches())).toBe(300);
    const batched = await rows(1);
    const single = runner([summing(1)]);
    await single.checkpoints.resetForRebuild(summing(1), 'rebuild-test');
    await single.checkpoints.releaseLease(summing(1), 'rebuild-test');
    await single.catchUp(summing(1));
    expect(await rows(1)).toEqual(batched);
  });

  it('falls back to one event at a time when a batch fails, halting exactly before the poison event', async () => {
    await appendMany(30, 17);
    const r = runner([summingInBatches(true)], { batchSize: 100 });
    await r.catchUp(summingInBatches(true));
    const [status] = await r.checkpoints.status();
    expect(status).toMatchObject({ status: 'halted', parkedEvents: 1 });
    expect((await rows(1)).reduce((sum, row) => sum + row.events, 0)).toBe(17);
  });

  it('halts before a poison event, parks it and reports it; the events before it are applied', async () => {
    await appendMany(30, 17);
    const poisoned = summing(1, { before: async (e) => { if ((e.data as { n: number }).n < 0) throw new Error('negative amount'); } });
    const r = runner([poisoned]);
    await r.catchUp(poisoned);
    const [status] = await r.checkpoints.status();
    expect(status).toMatchObject({ status: 'halted', parkedEvents: 1 });
    expect((await rows(1)).reduce((sum, row) => sum + row.events, 0)).toBe(17);
  });

  it('in skip-and-park mode parks the poison event and applies the rest', async () => {
    await appendMany(30, 17);
    const poisoned = summing(1, { before: async (e) => { if ((e.data as { n: number }).n < 0) throw new Error('negative amount'); } }, 'skip-and-park');
    const r = runner([poisoned]);
    await r.catchUp(poisoned);
    const [status] = await r.checkpoints.status();
    expect(status).toMatchObject({ status: 'running', parkedEvents: 1 });
    expect((await rows(1)).reduce((sum, row) => sum + row.events, 0)).toBe(29);
  });

  it('lets one of two instances own a consumer; the other takes over after the lease lapses, without double-applying', async () => {
    await appendMany(50);
    const a = runner([summing(1)], { instanceId: 'a', leaseMs: 400 });
    const b = runner([summing(1)], { instanceId: 'b', leaseMs: 400 });
    await a.start();
    await b.start();
    await until(async () => (await rows(1)).reduce((s, row) => s + row.events, 0) === 50);
    const [owned] = await a.checkpoints.status();
    const first = owned.owner;
    await (first === 'a' ? a : b).stop();
    await appendMany(50);
    await until(async () => (await rows(1)).reduce((s, row) => s + row.events, 0) === 100);
    const [after] = await a.checkpoints.status();
    expect(after.owner).not.toBe(first);
  });

  it('wakes on append without waiting for the fallback poll', async () => {
    const r = runner([summing(1)]);
    const wakingStore = new PgEventStore(db.appPool, undefined, { appended: () => r.wake() });
    await r.start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const started = Date.now();
    await wakingStore.appendToStream('s-wake', [event('test.Added', { n: 5 })], { expected: 'any', tenantId: TENANT });
    await until(async () => (await rows(1)).length === 1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('builds a new version beside the serving one and switches reads when it has caught up', async () => {
    await appendMany(40);
    const v1 = runner([summing(1)]);
    await v1.catchUp(summing(1));
    const both = runner([summing(1), summing(2)]);
    await both.start();
    await until(async () => (await both.checkpoints.status()).some((s) => s.version === 2 && s.serving));
    const status = await both.checkpoints.status();
    expect(status.find((s) => s.version === 1)).toMatchObject({ serving: false, status: 'retired' });
    expect(await rows(2)).toEqual(await rows(1));
  });
});
