import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';

import { ConsumerRunner, formatPgCheckpoint, parsePgCheckpoint, PgEventStore, type Consumer } from '@revcycle/event-store';

import { BENCH_TENANT } from './workload';

const TYPES = ['claims.ClaimSubmitted', 'claims.ClaimAccepted', 'claims.ClaimDenied', 'payments.PaymentPosted', 'payments.AdjustmentApplied'];
/** Rows per fill statement: one short transaction each (event-store.md §3 rule 3). */
const FILL_CHUNK = 100_000;
export const BATCH_SIZE = 1_000;

/** Counts events per type: the simplest read model; a whole batch is one grouped upsert. */
export const typeCounts: Consumer = {
  name: 'bench.event-type-counts',
  version: 1,
  handles: TYPES,
  async apply(event, tx) {
    await tx.query(
      `INSERT INTO bench_read.event_type_counts AS c (event_type, events) VALUES ($1, 1)
       ON CONFLICT (event_type) DO UPDATE SET events = c.events + 1`,
      [event.type],
    );
  },
  async applyBatch(events, tx) {
    const counts = new Map<string, number>();
    for (const event of events) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
    await tx.query(
      `INSERT INTO bench_read.event_type_counts AS c (event_type, events)
       SELECT * FROM unnest($1::text[], $2::bigint[])
       ON CONFLICT (event_type) DO UPDATE SET events = c.events + EXCLUDED.events`,
      [[...counts.keys()], [...counts.values()]],
    );
  },
};

async function asAdmin(adminUrl: string, sql: string, params: unknown[] = []): Promise<Array<Record<string, string>>> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function createReadModel(adminUrl: string): Promise<void> {
  await asAdmin(
    adminUrl,
    `CREATE SCHEMA bench_read;
     CREATE TABLE bench_read.event_type_counts (event_type text PRIMARY KEY, events bigint NOT NULL);
     GRANT USAGE ON SCHEMA bench_read TO revcycle_app;
     GRANT SELECT, INSERT, UPDATE, DELETE ON bench_read.event_type_counts TO revcycle_app;`,
  );
}

/**
 * Grows the log by `count` events straight into the event-store tables as the superuser: ten events
 * per claim stream, ~300-byte data and full envelope metadata. The hash columns hold well-formed but
 * unchained values; nothing here verifies them. Vacuumed afterwards, as autovacuum would have been.
 */
export async function fillLog(adminUrl: string, count: number): Promise<void> {
  const [{ head }] = await asAdmin(adminUrl, 'SELECT count(*) AS head FROM event_store.events');
  for (let from = Number(head); from < Number(head) + count; from += FILL_CHUNK) {
    const to = Math.min(from + FILL_CHUNK, Number(head) + count) - 1;
    await asAdmin(
      adminUrl,
      `WITH g AS (SELECT i, 'claim-' || md5('s' || (i / 10))::uuid AS stream FROM generate_series($1::bigint, $2::bigint) i),
       s AS (INSERT INTO event_store.streams (tenant_id, stream_id, stream_type, version, last_hash)
             SELECT $3, stream, 'claim', 10, sha256(stream::bytea) FROM g WHERE i % 10 = 0)
       INSERT INTO event_store.events (tenant_id, stream_id, stream_position, event_id, event_type, data, metadata, prev_hash, hash)
       SELECT $3, stream, i % 10 + 1, md5('e' || i)::uuid, ($4::text[])[i % 5 + 1],
              jsonb_build_object('claimId', md5('c' || (i / 10))::uuid, 'encounterId', md5('n' || (i / 10))::uuid,
                'payerId', 'payer-60054', 'diagnoses', jsonb_build_array('F41.1', 'F33.1'),
                'serviceLines', jsonb_build_array(jsonb_build_object('procedure', '90837', 'modifiers', jsonb_build_array('95'),
                  'units', 1, 'chargeCents', 18000 + i % 500, 'diagnosisPointers', jsonb_build_array(1, 2))),
                'totalChargeCents', 18000 + i % 500, 'serviceDate', '2026-01-15'),
              jsonb_build_object('tenantId', $3::text, 'actor', jsonb_build_object('id', md5('a' || i % 40)::uuid, 'role', 'biller'),
                'correlationId', md5('r' || i)::uuid, 'causationId', md5('q' || i)::uuid, 'commandId', md5('m' || i)::uuid,
                'requestId', md5('h' || i)::uuid, 'occurredAt', '2026-01-15T10:00:00.000Z'),
              sha256(('p' || i)::bytea), sha256(('e' || i)::bytea)
         FROM g`,
      [from, to, BENCH_TENANT, TYPES],
    );
  }
  await asAdmin(adminUrl, 'VACUUM (ANALYZE) event_store.events, event_store.streams');
}

/** Moves the consumer's checkpoint to just before the last `tail` events of the log and returns it. */
export async function rewindToTail(adminUrl: string, consumer: Consumer, tail: number): Promise<string> {
  const [row] = await asAdmin(
    adminUrl,
    `UPDATE event_store.checkpoints c SET position_xid = e.transaction_id, position_gp = e.global_position
       FROM (SELECT transaction_id, global_position FROM event_store.events
              ORDER BY transaction_id DESC, global_position DESC OFFSET $3 LIMIT 1) e
      WHERE c.consumer = $1 AND c.version = $2
      RETURNING c.position_xid::text AS xid, c.position_gp::text AS gp`,
    [consumer.name, consumer.version, tail],
  );
  if (!row) throw new Error(`no checkpoint row for ${consumer.name}`);
  return formatPgCheckpoint({ xid: BigInt(row.xid), gp: BigInt(row.gp) });
}

/** Catch-up of the projection through the consumer runner, in events per second; refuses a wrong count. */
export async function measureCatchUp(pool: Pool, expected: number): Promise<number> {
  const runner = new ConsumerRunner(pool, new PgEventStore(pool), [typeCounts], { batchSize: BATCH_SIZE, instanceId: 'bench' });
  const started = performance.now();
  const applied = await runner.catchUp(typeCounts);
  const seconds = (performance.now() - started) / 1000;
  if (applied !== expected) throw new Error(`catch-up applied ${applied} events, expected ${expected}`);
  return Math.round(applied / seconds);
}

/** The same poll as the store's `readAll`, rows taken as the driver returns them: the read path's ceiling. */
export async function measureRawScan(pool: Pool, after: string, expected: number): Promise<number> {
  const start = parsePgCheckpoint(after);
  let [xid, gp] = [start.xid.toString(), start.gp.toString()];
  let rows = 0;
  const started = performance.now();
  for (;;) {
    const batch = await pool.query(
      `SELECT global_position, transaction_id, tenant_id, stream_id, stream_position, event_id, event_type, schema_version,
              data, metadata, recorded_at
         FROM event_store.events
        WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot()) AND (transaction_id, global_position) > ($1::xid8, $2::bigint)
        ORDER BY transaction_id, global_position LIMIT $3`,
      [xid, gp, BATCH_SIZE],
    );
    if (batch.rows.length === 0) break;
    rows += batch.rows.length;
    ({ transaction_id: xid, global_position: gp } = batch.rows[batch.rows.length - 1]);
  }
  const seconds = (performance.now() - started) / 1000;
  if (rows !== expected) throw new Error(`raw scan read ${rows} rows, expected ${expected}`);
  return Math.round(rows / seconds);
}
