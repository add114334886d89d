import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';

import { EVENT_TYPE, measureRate, sampleData, sampleMetadata } from './workload';

/**
 * Child process of the store bench: measures `@event-driven-io/emmett-postgresql` appends at one
 * concurrency in its own database and sends the rate to the parent. Same workload as ours: one
 * ~300-byte event with envelope metadata per append, each to a new stream that must not exist.
 */
async function main(connectionString: string, clients: number): Promise<void> {
  // A pool as large as the client count, like ours; Emmett's default pool holds 10 connections.
  const pool = new Pool({ connectionString, max: clients });
  const eventStore = getPostgreSQLEventStore(connectionString, { connectionOptions: { pool } });
  try {
    await eventStore.schema.migrate();
    const rate = await measureRate(clients, () =>
      eventStore.appendToStream(`claim-${randomUUID()}`, [{ type: EVENT_TYPE, data: sampleData(), metadata: sampleMetadata() }], {
        expectedStreamVersion: STREAM_DOES_NOT_EXIST,
      }),
    );
    process.send!(rate);
  } finally {
    await eventStore.close();
    await pool.end();
  }
}

const [connectionString, clients] = process.argv.slice(2);
main(connectionString, Number(clients)).catch((error: unknown) => {
  console.error('Emmett peer failed:', error);
  process.exitCode = 1;
});
