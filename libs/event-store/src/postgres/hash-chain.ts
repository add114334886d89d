import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

import { canonicalEventBytes } from './canonical-event';

export interface ChainVerdict {
  streamId: string;
  ok: boolean;
  eventsChecked: number;
  /** First stream position whose stored bytes, link or order does not verify. */
  firstBadPosition?: number;
  reason?: string;
}

const GENESIS = Buffer.alloc(32);

function positionBytes(position: bigint): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigInt64BE(position);
  return bytes;
}

/**
 * Recomputes a stream's hash chain from the stored events (event-store.md §8) and compares it with
 * each stored hash and with the stream head, so a changed byte, a deleted row or a swap is found.
 */
export async function verifyStreamChain(pool: Pool, tenantId: string, streamId: string): Promise<ChainVerdict> {
  const { rows } = await pool.query<{
    stream_position: string; event_id: string; event_type: string; schema_version: number;
    data: unknown; metadata: never; prev_hash: Buffer; hash: Buffer;
  }>(
    `SELECT stream_position, event_id, event_type, schema_version, data, metadata, prev_hash, hash
       FROM event_store.events WHERE tenant_id = $1 AND stream_id = $2 ORDER BY stream_position`,
    [tenantId, streamId],
  );
  const head = await pool.query<{ version: string; last_hash: Buffer }>(
    'SELECT version, last_hash FROM event_store.streams WHERE tenant_id = $1 AND stream_id = $2',
    [tenantId, streamId],
  );
  let prev = GENESIS;
  const fail = (position: number, reason: string): ChainVerdict => ({ streamId, ok: false, eventsChecked: position - 1, firstBadPosition: position, reason });
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const expectedPosition = BigInt(index + 1);
    if (BigInt(row.stream_position) !== expectedPosition) return fail(index + 1, 'a stream position is missing');
    if (!row.prev_hash.equals(prev)) return fail(index + 1, 'the link to the previous event does not match');
    const canonical = canonicalEventBytes(tenantId, streamId, {
      eventId: row.event_id,
      type: row.event_type,
      schemaVersion: row.schema_version,
      data: row.data,
      metadata: row.metadata,
    });
    const hash = createHash('sha256').update(prev).update(positionBytes(expectedPosition)).update(canonical).digest();
    if (!hash.equals(row.hash)) return fail(index + 1, 'the stored event does not match its hash');
    prev = hash;
  }
  const stream = head.rows[0];
  if (!stream) return rows.length ? fail(1, 'the stream head is missing') : { streamId, ok: true, eventsChecked: 0 };
  if (BigInt(stream.version) !== BigInt(rows.length)) return fail(rows.length + 1, 'events are missing from the end of the stream');
  if (!stream.last_hash.equals(prev)) return fail(rows.length, 'the stream head does not match the last event');
  return { streamId, ok: true, eventsChecked: rows.length };
}

/** Verifies every stream of a tenant; returns only the streams that fail. */
export async function verifyTenantChains(pool: Pool, tenantId: string): Promise<ChainVerdict[]> {
  const { rows } = await pool.query<{ stream_id: string }>('SELECT stream_id FROM event_store.streams WHERE tenant_id = $1', [tenantId]);
  const failures: ChainVerdict[] = [];
  for (const row of rows) {
    const verdict = await verifyStreamChain(pool, tenantId, row.stream_id);
    if (!verdict.ok) failures.push(verdict);
  }
  return failures;
}
