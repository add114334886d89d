import { DatabaseError, type Pool, type PoolClient } from 'pg';

import { canonicalJson } from '@revcycle/kernel';

import type { EventEnvelope, EventMetadata, NewEvent, StoredEvent } from '../envelope';
import { ConcurrencyError, DuplicateEventError, IdempotencyKeyReused } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  ExpectedVersion,
  LedgerRecord,
  MultiStreamAppendOptions,
  ReadAllBatch,
  ReadStreamOptions,
  SqlConnection,
  StreamAppend,
} from '../event-store.port';
import { EventStore } from '../event-store.port';
import { CommandAlreadyRecorded } from '../idempotency';
import { EventSchemaRegistry } from '../upcasters';
import { formatPgCheckpoint, parsePgCheckpoint, PG_START } from './pg-checkpoint';
import { Batcher } from './batcher';
import { DEFAULT_HISTORY_LIMITS, StreamHistoryCache, type StreamHistoryLimits } from './stream-history-cache';

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

/** How appends from many concurrent commands share transactions (see `Batcher`). */
export interface AppendBatching {
  /** Append transactions in flight at once; more waiting appends join the next batch. */
  concurrency: number;
  /** Appends per batch; kept under PostgreSQL's 64 cached subtransactions per backend. */
  maxBatch: number;
}

// One call in flight: measured with bench:api, one batch at a time beat two (3.0-3.5k against 2.4-2.8k
// bookings/s on 2 cores), since larger batches spend less per command on statements and commits.
const DEFAULT_BATCHING: AppendBatching = { concurrency: 1, maxBatch: 32 };

/** One stream's part of an append, as the database functions take it. */
interface AppendPart {
  stream: string;
  streamType: string;
  expected: string;
  /** The events' canonical texts: hashed as sent, parsed into columns by the database. */
  texts: string[];
  eventIds: string[];
}

/** One command's append: one or more parts that commit together, the ledger entry with the last. */
interface AppendCall {
  tenant: string;
  parts: AppendPart[];
  commandId: string | null;
  commandType: string | null;
  payloadHash: Buffer | null;
  /** The ledger's response body as JSON text, or null without a ledger entry. */
  result: string | null;
}

interface AppendRow {
  next_version: string;
  xid: string;
  positions: string[];
}

/** Whole streams of one tenant, read together. */
interface StreamsRead {
  tenantId: string;
  streamIds: string[];
}

type AppendFailure = Error & { code: string; detail?: string; constraint?: string; part?: number };

/** What the database said about one call of a batch: a row per part, or the error of the part that failed. */
type AppendAnswer = { rows: AppendRow[] } | { failure: AppendFailure };

/** Deadlocks and serialization failures concern the whole transaction, not the item: retried alone. */
const RETRY_ALONE = new Set(['40P01', '40001']);

const expectedText = (expected: ExpectedVersion): string => (typeof expected === 'bigint' ? expected.toString() : expected);

/**
 * PostgreSQL adapter: one function call per append (or per batch of concurrent appends), reads in
 * `(transaction_id, global_position)` order below the `xmin` horizon so a late-committing transaction
 * is never skipped (event-store.md §3).
 */
export class PgEventStore extends EventStore {
  readonly start = PG_START;
  private readonly batcher: Batcher<AppendCall, AppendAnswer>;
  private readonly reads: Batcher<StreamsRead, EventEnvelope[][]>;
  private readonly histories: StreamHistoryCache;

  constructor(
    private readonly pool: Pool,
    private readonly schemas: EventSchemaRegistry = new EventSchemaRegistry(),
    private readonly hooks: AppendHooks = {},
    batching: AppendBatching = DEFAULT_BATCHING,
    historyLimits: StreamHistoryLimits = DEFAULT_HISTORY_LIMITS,
  ) {
    super();
    this.histories = new StreamHistoryCache(historyLimits);
    this.batcher = new Batcher((calls) => this.appendBatch(calls), batching.concurrency, batching.maxBatch);
    this.reads = new Batcher((requests) => this.readBatch(requests), batching.concurrency, batching.maxBatch);
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const appends = [{ streamId, events, expected: options.expected, streamType: options.streamType }];
    const call = this.callFor(appends, options);
    // An append inside the caller's transaction must use that transaction; the others may share one.
    const run = options.connection ? settle(this.appendAlone(options.connection, call)) : this.batcher.submit(call);
    const [result] = await this.finish(run, appends, options, !options.connection);
    return result;
  }

  async appendToStreams(appends: StreamAppend[], options: MultiStreamAppendOptions): Promise<AppendResult[]> {
    if (appends.length === 0) throw new Error('A multi-stream append needs at least one stream');
    return this.finish(this.batcher.submit(this.callFor(appends, options)), appends, options, true);
  }

  private callFor(appends: StreamAppend[], options: MultiStreamAppendOptions): AppendCall {
    const ledger = options.ledger;
    return {
      tenant: options.tenantId,
      parts: appends.map(({ streamId, events, expected, streamType }) => ({
        stream: streamId,
        streamType: streamType ?? streamId.split('-')[0],
        expected: expectedText(expected),
        texts: events.map((e) => canonicalEventText(options.tenantId, streamId, e)),
        eventIds: events.map((e) => e.eventId),
      })),
      commandId: ledger?.commandId ?? null,
      commandType: ledger?.commandType ?? null,
      payloadHash: ledger?.payloadHash ?? null,
      result: ledger ? JSON.stringify(ledger.result ?? null) : null,
    };
  }

  private async finish(run: Promise<AppendAnswer>, appends: StreamAppend[], options: MultiStreamAppendOptions, shared: boolean): Promise<AppendResult[]> {
    const started = process.hrtime.bigint();
    const answer = await run;
    if ('failure' in answer) return this.explainAppendFailure(answer.failure, appends, options);
    this.hooks.appendSeconds?.(Number(process.hrtime.bigint() - started) / 1e9);
    if (shared) this.hooks.appended?.();
    return answer.rows.map((row) => {
      const positions = row.positions.map(BigInt);
      return {
        nextVersion: BigInt(row.next_version),
        globalPositions: positions,
        checkpoint: formatPgCheckpoint({ xid: BigInt(row.xid), gp: positions[positions.length - 1] }),
      };
    });
  }

  /** A single-stream call on its own: the plain append function, no subtransaction. */
  private async appendAlone(db: Pool | SqlConnection, call: AppendCall): Promise<AppendRow[]> {
    if (call.parts.length > 1) {
      const [answer] = await this.appendItems(db, [call]);
      if ('failure' in answer) throw answer.failure;
      return answer.rows;
    }
    const [part] = call.parts;
    const { rows } = await db.query(
      `SELECT next_version, xid::text AS xid, positions
         FROM event_store.append_to_stream($1, $2, $3, $4, $5::json, $6, $7, $8, $9::jsonb)`,
      [call.tenant, part.stream, part.streamType, part.expected, eventsArray(part), call.commandId, call.commandType, call.payloadHash, call.result],
    );
    return rows as AppendRow[];
  }

  private async appendBatch(calls: AppendCall[]): Promise<AppendAnswer[]> {
    if (fitsOneSet(calls)) {
      // Refused as a whole when any item is at fault; the item-by-item path below then finds which.
      const together = await this.appendSet(calls).catch((error: unknown) => {
        if (error instanceof DatabaseError) return undefined;
        throw error;
      });
      if (together) return together;
    }
    if (calls.length === 1) return [await settle(this.appendAlone(this.pool, calls[0]))];
    const answers = await this.appendItems(this.pool, calls);
    for (const [index, answer] of answers.entries()) {
      if ('failure' in answer && RETRY_ALONE.has(answer.failure.code)) answers[index] = await settle(this.appendAlone(this.pool, calls[index]));
    }
    return answers;
  }

  /** The whole batch as one set (see migration 0005): five statements however many items it holds. */
  private async appendSet(calls: AppendCall[]): Promise<AppendAnswer[]> {
    const parts = calls.flatMap((call) => call.parts.map((part) => ({ tenant: call.tenant, part })));
    const eventPart: number[] = [];
    parts.forEach(({ part }, index) => part.texts.forEach(() => eventPart.push(index + 1)));
    const nextVersion = (part: AppendPart) => BigInt(exactVersion(part.expected)!) + BigInt(part.texts.length);
    const { rows } = await this.pool.query<{ event_id: string; global_position: string; xid: string }>(
      `SELECT event_id, global_position, xid::text AS xid
         FROM event_store.append_set($1::text[], $2::text[], $3::text[], $4::bytea[], $5::jsonb[],
                                     $6::text[], $7::text[], $8::text[], $9::bigint[], $10::int[], $11::json)`,
      [
        calls.map((call) => call.tenant),
        calls.map((call) => call.commandId),
        calls.map((call) => call.commandType),
        calls.map((call) => call.payloadHash),
        calls.map((call) => {
          if (call.result === null) return null;
          const last = call.parts[call.parts.length - 1];
          // The same ledger record append_to_stream writes: the response, and the last part's stream and version.
          return `{"body":${call.result},"streamId":${JSON.stringify(last.stream)},"version":"${nextVersion(last)}"}`;
        }),
        parts.map(({ tenant }) => tenant),
        parts.map(({ part }) => part.stream),
        parts.map(({ part }) => part.streamType),
        parts.map(({ part }) => exactVersion(part.expected)),
        eventPart,
        `[${parts.map(({ part }) => part.texts.join(',')).join(',')}]`,
      ],
    );
    const positions = new Map(rows.map((row) => [row.event_id, row.global_position]));
    const xid = rows[0].xid;
    return calls.map((call) => ({
      rows: call.parts.map((part) => ({
        next_version: nextVersion(part).toString(),
        xid,
        positions: part.eventIds.map((id) => positions.get(id)!),
      })),
    }));
  }

  /**
   * Calls that queued together, in one transaction. Items go in stream order, so two batches lock
   * stream rows in the same order and cannot deadlock each other.
   */
  private async appendItems(db: Pool | SqlConnection, calls: AppendCall[]): Promise<AppendAnswer[]> {
    const order = calls.map((_, index) => index).sort((a, b) => compareCalls(calls[a], calls[b]));
    const sorted = order.map((index) => calls[index]);
    const parts = sorted.flatMap((call) => call.parts);
    const firstParts: number[] = [];
    let next = 1;
    for (const call of sorted) {
      firstParts.push(next);
      next += call.parts.length;
    }
    const { rows } = await db.query(
      `SELECT item, part, next_version, xid::text AS xid, positions, error_code, error_detail, error_constraint
         FROM event_store.append_batch($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::bytea[], $7::jsonb[],
                                       $8::text[], $9::text[], $10::text[], $11::json[])`,
      [
        sorted.map((call) => call.tenant),
        firstParts,
        sorted.map((call) => call.parts.length),
        sorted.map((call) => call.commandId),
        sorted.map((call) => call.commandType),
        sorted.map((call) => call.payloadHash),
        sorted.map((call) => call.result),
        parts.map((part) => part.stream),
        parts.map((part) => part.streamType),
        parts.map((part) => part.expected),
        parts.map(eventsArray),
      ],
    );
    const answers = calls.map((): AppendAnswer => ({ rows: [] }));
    for (const row of rows as Array<AppendRow & { item: number; part: number; error_code: string | null; error_detail: string | null; error_constraint: string | null }>) {
      const index = order[row.item - 1];
      const answer = answers[index];
      if (row.error_code !== null) {
        answers[index] = {
          failure: Object.assign(new Error(`append refused with SQLSTATE ${row.error_code}`), {
            code: row.error_code,
            detail: row.error_detail ?? undefined,
            constraint: row.error_constraint ?? undefined,
            part: row.part - 1,
          }),
        };
      } else if ('rows' in answer) {
        answer.rows.push(row);
      }
    }
    return answers;
  }

  private async explainAppendFailure(error: unknown, appends: StreamAppend[], options: MultiStreamAppendOptions): Promise<never> {
    const pgError = error as { code?: string; detail?: string; constraint?: string; part?: number };
    const failed = appends[pgError.part ?? 0] ?? appends[0];
    if (pgError.code === 'ES001') {
      throw new ConcurrencyError(failed.streamId, expectedText(failed.expected), BigInt(pgError.detail ?? '0'));
    }
    // A retry of a command that already committed collides on the ledger key or, having read the
    // newer stream, on its derived event ids: either way the ledger holds the answer.
    if (pgError.code === '23505' && options.ledger) {
      const record = await this.findLedgerEntry(options.tenantId, options.ledger.commandId);
      if (record && !record.payloadHash.equals(options.ledger.payloadHash)) throw new IdempotencyKeyReused(options.ledger.commandId);
      if (record) throw new CommandAlreadyRecorded(record);
    }
    if (pgError.code === '23505' && pgError.constraint === 'events_event_id_key') {
      throw new DuplicateEventError(failed.events[0]?.eventId ?? 'unknown');
    }
    throw error;
  }

  async readStream(streamId: string, options: ReadStreamOptions): Promise<EventEnvelope[]> {
    if (options.fromVersion === undefined && options.toVersion === undefined && options.asOf === undefined) {
      const [history] = await this.reads.submit({ tenantId: options.tenantId, streamIds: [streamId] });
      return history;
    }
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM event_store.events
        WHERE tenant_id = $1 AND stream_id = $2 AND stream_position > $3
          AND ($4::bigint IS NULL OR stream_position <= $4) AND ($5::timestamptz IS NULL OR recorded_at <= $5)
        ORDER BY stream_position`,
      [options.tenantId, streamId, (options.fromVersion ?? 0n).toString(), options.toVersion?.toString() ?? null, options.asOf ?? null],
    );
    return rows.map((row) => this.toEnvelope(row));
  }

  /** One round trip for all of them, shared with other commands' reads that queue meanwhile. */
  override async readStreams(streamIds: string[], options: { tenantId: string }): Promise<Map<string, EventEnvelope[]>> {
    const streams = await this.reads.submit({ tenantId: options.tenantId, streamIds });
    return new Map(streamIds.map((id, index) => [id, streams[index]]));
  }

  /**
   * Whole streams for several requests in one query. Streams read before are asked only for their
   * newer events; each request gets its own copy of each history.
   */
  private async readBatch(requests: StreamsRead[]): Promise<EventEnvelope[][][]> {
    const known = new Map<string, { tenantId: string; streamId: string; held: readonly EventEnvelope[] }>();
    for (const { tenantId, streamIds } of requests) {
      for (const streamId of streamIds) {
        const key = historyKey(tenantId, streamId);
        if (!known.has(key)) known.set(key, { tenantId, streamId, held: this.histories.get(key) });
      }
    }
    const wanted = [...known.values()];
    // Prepared once per connection: the statement is a plain call, the function holds the plan (migration 0006).
    const { rows } = await this.pool.query<EventRow & { tenant_id: string }>({
      name: 'event-store.read-streams',
      text: `SELECT tenant_id, ${COLUMNS} FROM event_store.read_streams($1::text[], $2::text[], $3::bigint[])`,
      values: [wanted.map((w) => w.tenantId), wanted.map((w) => w.streamId), wanted.map((w) => w.held.length)],
    });
    const newer = new Map<string, EventEnvelope[]>();
    for (const row of rows) {
      const key = historyKey(row.tenant_id, row.stream_id);
      const list = newer.get(key);
      if (list) list.push(this.toEnvelope(row));
      else newer.set(key, [this.toEnvelope(row)]);
    }
    const full = new Map<string, EventEnvelope[]>();
    for (const [key, { held }] of known) full.set(key, this.histories.extend(key, held, newer.get(key) ?? []));
    return requests.map(({ tenantId, streamIds }) => streamIds.map((id) => [...full.get(historyKey(tenantId, id))!]));
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

function settle(append: Promise<AppendRow[]>): Promise<AppendAnswer> {
  return append.then(
    (rows) => ({ rows }),
    (failure: AppendFailure) => ({ failure }),
  );
}

const historyKey = (tenantId: string, streamId: string) => `${tenantId}\u0000${streamId}`;

const eventsArray = (part: AppendPart): string => `[${part.texts.join(',')}]`;

/** The version a part expects as a number (0 for a new stream), or undefined for `any` / `stream_exists`. */
function exactVersion(expected: string): string | undefined {
  if (expected === 'no_stream') return '0';
  return /^\d+$/.test(expected) ? expected : undefined;
}

/** Whether a batch can go as one set: exact expectations only, and no stream in two parts. */
function fitsOneSet(calls: AppendCall[]): boolean {
  const seen = new Set<string>();
  for (const call of calls) {
    for (const part of call.parts) {
      const key = historyKey(call.tenant, part.stream);
      if (exactVersion(part.expected) === undefined || seen.has(key)) return false;
      seen.add(key);
    }
  }
  return true;
}

function compareCalls(a: AppendCall, b: AppendCall): number {
  const keyA = historyKey(a.tenant, a.parts[0].stream);
  const keyB = historyKey(b.tenant, b.parts[0].stream);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}
