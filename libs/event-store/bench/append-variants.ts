import { randomUUID } from 'node:crypto';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { Client, Pool } from 'pg';

import { PgEventStore } from '@revcycle/event-store';

import { BENCH_TENANT, EVENT_TYPE, measureRate, sampleData, sampleEvent, sampleMetadata, type Rate } from './workload';

/**
 * The raw baseline: the same columns and the same unique keys as `event_store.events`, plus its poll
 * index, but no stream row, no hash chain and no function call. It is the floor a store cannot beat.
 */
export async function createRawTable(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`
      CREATE SCHEMA bench;
      CREATE TABLE bench.events (
        global_position bigserial   PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        tenant_id       text        NOT NULL,
        stream_id       text        NOT NULL,
        stream_position bigint      NOT NULL,
        event_id        uuid        NOT NULL,
        event_type      text        NOT NULL,
        schema_version  int         NOT NULL DEFAULT 1,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, stream_id, stream_position),
        UNIQUE (event_id));
      CREATE INDEX ON bench.events (transaction_id, global_position);
      GRANT USAGE ON SCHEMA bench TO revcycle_app;
      GRANT SELECT, INSERT ON bench.events TO revcycle_app;
      GRANT USAGE ON SEQUENCE bench.events_global_position_seq TO revcycle_app;`);
  } finally {
    await client.end();
  }
}

/** Each call appends one event to a new stream, as a command creating an aggregate does. */
export function measureStore(pool: Pool, clients: number): Promise<Rate> {
  const store = new PgEventStore(pool);
  return measureRate(clients, () =>
    store.appendToStream(`claim-${randomUUID()}`, [sampleEvent()], { expected: 'no_stream', tenantId: BENCH_TENANT }),
  );
}

/** A single-row INSERT in autocommit: one round trip, one commit, nothing else. */
export function measureRawInsert(pool: Pool, clients: number): Promise<Rate> {
  return measureRate(clients, () =>
    pool.query(
      `INSERT INTO bench.events (tenant_id, stream_id, stream_position, event_id, event_type, data, metadata)
       VALUES ($1, $2, 1, $3, $4, $5, $6)`,
      [BENCH_TENANT, `claim-${randomUUID()}`, randomUUID(), EVENT_TYPE, JSON.stringify(sampleData()), JSON.stringify(sampleMetadata())],
    ),
  );
}

/**
 * Emmett runs in a child process: its driver replaces node-postgres's global type parsers, which
 * would otherwise change how this process reads rows in the later measurements.
 */
export function measureEmmett(connectionString: string, clients: number): Promise<Rate> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'emmett-peer.js'), [connectionString, String(clients)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let rate: Rate | undefined;
    child.on('message', (message) => (rate = message as Rate));
    child.on('error', reject);
    child.on('exit', (code) => (rate ? resolve(rate) : reject(new Error(`Emmett peer exited with code ${code} and no figures`))));
  });
}
