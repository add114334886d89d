import type { Pool, PoolClient } from 'pg';

import { canonicalJson } from '@revcycle/kernel';

import type { EventEnvelope, EventMetadata, NewEvent, StoredEvent } from '../envelope';
import { ConcurrencyError, DuplicateEventError, IdempotencyKeyReused } from '../errors';
import type { AppendOptions, AppendResult, ExpectedVersion, LedgerRecord, ReadAllBatch, ReadStreamOptions, SqlConnection } from '../event-store.port';
import { EventStore } from '../event-store.port';
import { CommandAlreadyRecorded } from '../idempotency';
import { EventSchemaRegistry } from '../upcasters';
import { formatPgCheckpoint, parsePgCheckpoint, PG_START } from './pg-checkpoint';

interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_position: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

const COLUMNS = `global_position, transaction_id, stream_id, stream_position, event_id, event_type, schema_version,
  data, metadata, recorded_at`;

/** The canonical text hashed into the chain (event-store.md §8); the append function adds the position. */
export function canonicalEventText(tenantId: string, streamId: string, event: NewEvent): string {
  return canonicalJson({
    data: event.data,
    eventId: event.eventId,
    eventType: event.type,
    metadata: event.metadata,
    schemaVersion: event.schemaVersion,
    streamId,
    tenantId,
  });
}

/** The same, as the UTF-8 bytes the database hashes. */
export function canonicalEventBytes(tenantId: string, streamId: string, event: NewEvent): Buffer {
  return Buffer.from(canonicalEventText(tenantId, streamId, event), 'utf8');
}

/** Observers of successful appends: wake local consumers, record latency. */
export interface AppendHooks {
  appended?: () => void;
  appendSeconds?: (seconds: number) => void;
}

const expectedText = (expected: ExpectedVersion): string => (typeof expected === 'bigint' ? expected.toString() : expected);

/**
 * PostgreSQL adapter: one function call per append, reads in `(transaction_id, global_position)` order
 * below the `xmin` horizon so a late-committing transaction is never skipped (event-store.md §3).
 */
export class PgEventStore extends EventStore {
  readonly start = PG_START;

  constructor(
    private readonly pool: Pool,
    private readonly schemas: EventSchemaRegistry = new EventSchemaRegistry(),
    private readonly hooks: AppendHooks = {},
  ) {
    super();
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const ledger = options.ledger;
    // One json array of the canonical texts: hashed as sent, parsed into columns by the function.
    const canonical = events.map((e) => canonicalEventText(options.tenantId, streamId, e));
    const params = [
      options.tenantId,
      streamId,
      options.streamType ?? streamId.split('-')[0],
      expectedText(options.expected),
      `[${canonical.join(',')}]`,
      ledger?.commandId ?? null,
      ledger?.commandType ?? null,
      ledger?.payloadHash ?? null,
      ledger ? JSON.stringify(ledger.result ?? null) : null,
    ];
    const started = process.hrtime.bigint();
    try {
      const { rows } = await (options.connection ?? this.pool).query(
        `SELECT next_version, xid::text AS xid, positions
           FROM event_store.append_to_stream($1, $2, $3, $4, $5::json, $6, $7, $8, $9::jsonb)`,
        params,
      );
      this.hooks.appendSeconds?.(Number(process.hrtime.bigint() - started) / 1e9);
      if (!options.connection) this.hooks.appended?.();
      const positions = (rows[0].positions as string[]).map(BigInt);
      return {
        nextVersion: BigInt(rows[0].next_version),
        globalPositions: positions,
        checkpoint: formatPgCheckpoint({ xid: BigInt(rows[0].xid), gp: positions[positions.length - 1] }),
      };
    } catch (error) {
      return this.explainAppendFailure(error, streamId, events, options);
    }
  }

  private async explainAppendFailure(error: unknown, streamId: string, events: NewEvent[], options: AppendOptions): Promise<never> {
    const pgError = error as { code?: string; detail?: string; constraint?: string };
    if (pgError.code === 'ES001') {
      throw new ConcurrencyError(streamId, expectedText(options.expected), BigInt(pgError.detail ?? '0'));
    }
    // A retry of a command that already committed collides on the ledger key or, having read the
    // newer stream, on its derived event ids: either way the ledger holds the answer.
    if (pgError.code === '23505' && options.ledger) {
      const record = await this.findLedgerEntry(options.tenantId, options.ledger.commandId);
      if (record && !record.payloadHash.equals(options.ledger.payloadHash)) throw new IdempotencyKeyReused(options.ledger.commandId);
      if (record) throw new CommandAlreadyRecorded(record);
    }
    if (pgError.code === '23505' && pgError.constraint === 'events_event_id_key') {
      throw new DuplicateEventError(events[0]?.eventId ?? 'unknown');
    }
    throw error;
  }

  async readStream(streamId: string, options: ReadStreamOptions): Promise<EventEnvelope[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM event_store.events
        WHERE tenant_id = $1 AND stream_id = $2 AND stream_position > $3
          AND ($4::bigint IS NULL OR stream_position <= $4) AND ($5::timestamptz IS NULL OR recorded_at <= $5)
        ORDER BY stream_position`,
      [options.tenantId, streamId, (options.fromVersion ?? 0n).toString(), options.toVersion?.toString() ?? null, options.asOf ?? null],
    );
    return rows.map((row) => this.toEnvelope(row));
  }

  /** One round trip for all of them, instead of one per stream. */
  override async readStreams(streamIds: string[], options: { tenantId: string }): Promise<Map<string, EventEnvelope[]>> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM event_store.events WHERE tenant_id = $1 AND stream_id = ANY($2::text[]) ORDER BY stream_id, stream_position`,
      [options.tenantId, streamIds],
    );
    const streams = new Map<string, EventEnvelope[]>(streamIds.map((id) => [id, []]));
    for (const row of rows) streams.get(row.stream_id)!.push(this.toEnvelope(row));
    return streams;
  }

  async readAll(after: string, limit: number): Promise<ReadAllBatch> {
    return this.readAllWith(this.pool, after, limit);
  }

  /** The §3 poll. It must run outside any transaction that has written, or it pins its own horizon. */
  async readAllWith(db: Pool | PoolClient | SqlConnection, after: string, limit: number): Promise<ReadAllBatch> {
    const position = parsePgCheckpoint(after);
    const { rows }: { rows: EventRow[] } = await (db as SqlConnection).query(
      `SELECT ${COLUMNS} FROM event_store.events
        WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          AND (transaction_id, global_position) > ($1::xid8, $2::bigint)
        ORDER BY transaction_id, global_position
        LIMIT $3`,
      [position.xid.toString(), position.gp.toString(), limit],
    );
    const events = rows.map((row) => this.toStored(row));
    return { events, checkpoint: events.length ? events[events.length - 1].checkpoint : after };
  }

  async findLedgerEntry(tenantId: string, commandId: string): Promise<LedgerRecord | undefined> {
    const { rows } = await this.pool.query<{ command_type: string; payload_hash: Buffer; result: unknown }>(
      'SELECT command_type, payload_hash, result FROM event_store.command_ledger WHERE tenant_id = $1 AND command_id = $2',
      [tenantId, commandId],
    );
    return rows[0] && { commandType: rows[0].command_type, payloadHash: rows[0].payload_hash, result: rows[0].result };
  }

  /** Records a command that decided no events, so its retry gets the same answer. */
  async recordCommand(tenantId: string, ledger: NonNullable<AppendOptions['ledger']>): Promise<void> {
    const inserted = await this.pool.query(
      `INSERT INTO event_store.command_ledger (tenant_id, command_id, command_type, payload_hash, result)
       VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT DO NOTHING`,
      [tenantId, ledger.commandId, ledger.commandType, ledger.payloadHash, JSON.stringify({ body: ledger.result ?? null })],
    );
    if (inserted.rowCount === 0) {
      const record = await this.findLedgerEntry(tenantId, ledger.commandId);
      if (record && !record.payloadHash.equals(ledger.payloadHash)) throw new IdempotencyKeyReused(ledger.commandId);
    }
  }

  private toEnvelope(row: EventRow): EventEnvelope {
    return this.schemas.upcast({
      eventId: row.event_id,
      type: row.event_type,
      schemaVersion: row.schema_version,
      data: row.data,
      metadata: row.metadata,
      streamId: row.stream_id,
      streamPosition: BigInt(row.stream_position),
      recordedAt: row.recorded_at,
    });
  }

  private toStored(row: EventRow): StoredEvent {
    const gp = BigInt(row.global_position);
    return {
      ...this.toEnvelope(row),
      globalPosition: gp,
      checkpoint: formatPgCheckpoint({ xid: BigInt(row.transaction_id), gp }),
    };
  }
}
