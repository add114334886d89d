import type { Pool } from 'pg';

import type { SqlConnection } from '../event-store.port';
import { formatPgCheckpoint, parsePgCheckpoint } from '../postgres/pg-checkpoint';
import type { Consumer, ConsumerStatus } from './consumer';

interface CheckpointRow {
  consumer: string;
  version: number;
  position_xid: string;
  position_gp: string;
  status: string;
  serving: boolean;
  owner: string | null;
  last_error: string | null;
}

/** Checkpoint rows, leases and parked events of the consumers (event-store.md §4, §7). */
export class CheckpointStore {
  constructor(private readonly pool: Pool) {}

  /** Creates the row at the start of the log; the first version of a name serves reads at once. */
  async register(consumer: Consumer): Promise<void> {
    await this.pool.query(
      `INSERT INTO event_store.checkpoints (consumer, version, serving)
       VALUES ($1, $2, NOT EXISTS (SELECT 1 FROM event_store.checkpoints WHERE consumer = $1 AND serving))
       ON CONFLICT DO NOTHING`,
      [consumer.name, consumer.version],
    );
  }

  /** Takes or renews the lease; true when this instance owns the consumer now. */
  async acquireLease(consumer: Consumer, owner: string, leaseMs: number): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE event_store.checkpoints SET owner = $3, lease_until = now() + ($4 || ' milliseconds')::interval
        WHERE consumer = $1 AND version = $2 AND (owner IS NULL OR owner = $3 OR lease_until < now())`,
      [consumer.name, consumer.version, owner, String(leaseMs)],
    );
    return result.rowCount === 1;
  }

  async releaseLease(consumer: Consumer, owner: string): Promise<void> {
    await this.pool.query(
      'UPDATE event_store.checkpoints SET owner = NULL, lease_until = NULL WHERE consumer = $1 AND version = $2 AND owner = $3',
      [consumer.name, consumer.version, owner],
    );
  }

  async read(consumer: Consumer): Promise<{ checkpoint: string; status: string; serving: boolean }> {
    const { rows } = await this.pool.query<CheckpointRow>(
      'SELECT position_xid::text, position_gp, status, serving FROM event_store.checkpoints WHERE consumer = $1 AND version = $2',
      [consumer.name, consumer.version],
    );
    const row = rows[0];
    return { checkpoint: formatPgCheckpoint({ xid: BigInt(row.position_xid), gp: BigInt(row.position_gp) }), status: row.status, serving: row.serving };
  }

  /** Compare-and-set inside the consumer's transaction: false means another instance moved it. */
  async advance(tx: SqlConnection, consumer: Consumer, owner: string, from: string, to: string): Promise<boolean> {
    const [a, b] = [parsePgCheckpoint(from), parsePgCheckpoint(to)];
    const result = await tx.query(
      `UPDATE event_store.checkpoints SET position_xid = $4::xid8, position_gp = $5, updated_at = now()
        WHERE consumer = $1 AND version = $2 AND owner = $3 AND position_xid = $6::xid8 AND position_gp = $7`,
      [consumer.name, consumer.version, owner, b.xid.toString(), b.gp.toString(), a.xid.toString(), a.gp.toString()],
    );
    return result.rowCount === 1;
  }

  async park(tx: SqlConnection, consumer: Consumer, event: { eventId: string; checkpoint: string }, error: Error, attempts: number): Promise<void> {
    const position = parsePgCheckpoint(event.checkpoint);
    await tx.query(
      `INSERT INTO event_store.parked_events (consumer, version, event_id, transaction_id, global_position, error_class,
         error_message, attempts, first_failed_at, last_failed_at)
       VALUES ($1, $2, $3, $4::xid8, $5, $6, $7, $8, now(), now())
       ON CONFLICT (consumer, version, event_id) DO UPDATE SET attempts = event_store.parked_events.attempts + EXCLUDED.attempts,
         last_failed_at = now(), error_message = EXCLUDED.error_message, resolved_at = NULL`,
      [consumer.name, consumer.version, event.eventId, position.xid.toString(), position.gp.toString(), error.name,
        error.message.slice(0, 500), attempts],
    );
  }

  async halt(tx: SqlConnection, consumer: Consumer, reason: string): Promise<void> {
    await tx.query(`UPDATE event_store.checkpoints SET status = 'halted', last_error = $3 WHERE consumer = $1 AND version = $2`, [
      consumer.name, consumer.version, reason.slice(0, 500),
    ]);
  }

  /** After an operator fixed the cause: resume a halted consumer from where it stopped. */
  async resume(name: string, version: number): Promise<void> {
    await this.pool.query(`UPDATE event_store.checkpoints SET status = 'running', last_error = NULL WHERE consumer = $1 AND version = $2`, [name, version]);
    await this.pool.query(`UPDATE event_store.parked_events SET resolved_at = now() WHERE consumer = $1 AND version = $2 AND resolved_at IS NULL`, [name, version]);
  }

  /** A caught-up newer version takes over reads; older versions retire. */
  async takeOver(consumer: Consumer): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE event_store.checkpoints SET serving = (version = $2),
              status = CASE WHEN version < $2 THEN 'retired' ELSE status END
        WHERE consumer = $1 AND EXISTS (SELECT 1 FROM event_store.checkpoints WHERE consumer = $1 AND serving AND version < $2)`,
      [consumer.name, consumer.version],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async status(): Promise<ConsumerStatus[]> {
    const { rows } = await this.pool.query<CheckpointRow & { head: string | null; parked: string }>(
      `SELECT c.consumer, c.version, c.position_xid::text, c.position_gp, c.status, c.serving, c.owner, c.last_error,
              (SELECT max(global_position) FROM event_store.events) AS head,
              (SELECT count(*) FROM event_store.parked_events p
                WHERE p.consumer = c.consumer AND p.version = c.version AND p.resolved_at IS NULL) AS parked
         FROM event_store.checkpoints c ORDER BY c.consumer, c.version`,
    );
    return rows.map((row) => ({
      name: row.consumer,
      version: row.version,
      status: row.status,
      serving: row.serving,
      owner: row.owner,
      lastError: row.last_error,
      checkpoint: formatPgCheckpoint({ xid: BigInt(row.position_xid), gp: BigInt(row.position_gp) }),
      // Positions are dense per sequence but commit out of order: lag is an estimate, exact when idle.
      lagEvents: Math.max(0, Number(BigInt(row.head ?? '0') - BigInt(row.position_gp))),
      parkedEvents: Number(row.parked),
    }));
  }

  /** Back to the start of the log, with the read model cleared in the same transaction. */
  async resetForRebuild(consumer: Consumer, owner: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await consumer.reset?.(client);
      await client.query(
        `UPDATE event_store.checkpoints SET position_xid = '0', position_gp = 0, status = 'running', last_error = NULL, owner = $3,
                lease_until = now() + interval '5 minutes' WHERE consumer = $1 AND version = $2`,
        [consumer.name, consumer.version, owner],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}
