import { DatabaseError, type Pool } from 'pg';

import type { ExpectedVersion, MultiStreamAppendOptions, SqlConnection, StreamAppend } from '../event-store.port';
import { canonicalEventText } from './canonical-event';
import { streamKey } from '../stream-key';

/** One stream's part of an append, as the database functions take it. */
export interface AppendPart {
  stream: string;
  streamType: string;
  expected: string;
  /** The events' canonical texts: hashed as sent, parsed into columns by the database. */
  texts: string[];
  eventIds: string[];
}

/** One command's append: one or more parts that commit together, the ledger entry with the last. */
export interface AppendCall {
  tenant: string;
  parts: AppendPart[];
  commandId: string | null;
  commandType: string | null;
  payloadHash: Buffer | null;
  /** The ledger's response body as JSON text, or null without a ledger entry. */
  result: string | null;
  /** Streams read but not written, with the versions read (see `MultiStreamAppendOptions.readSet`). */
  reads: Array<{ stream: string; version: string }>;
}

export interface AppendRow {
  next_version: string;
  xid: string;
  positions: string[];
  /** When the events were recorded; only the set function reports it. */
  recorded_at?: Date;
}

export type AppendFailure = Error & { code: string; detail?: string; constraint?: string; part?: number };

/** What the database said about one call of a batch: a row per part, or the error of the part that failed. */
export type AppendAnswer = { rows: AppendRow[] } | { failure: AppendFailure };

/** Deadlocks and serialization failures concern the whole transaction, not the item: retried alone. */
const RETRY_ALONE = new Set(['40P01', '40001']);

export const expectedText = (expected: ExpectedVersion): string => (typeof expected === 'bigint' ? expected.toString() : expected);

/** A command's append as the database functions take it: canonical texts, expectations, ledger entry. */
export function appendCall(appends: StreamAppend[], options: MultiStreamAppendOptions): AppendCall {
  const ledger = options.ledger;
  const reads = (options.readSet ?? []).map(({ streamId, version }) => ({ stream: streamId, version: version.toString() }));
  if (reads.length > 0 && appends.some(({ expected }) => exactVersion(expectedText(expected)) === undefined)) {
    throw new Error('An append with a read set needs exact expected versions');
  }
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
    reads,
  };
}

/**
 * The write side of the PostgreSQL adapter: a lone append, or a batch of concurrent ones as one set
 * (migration 0005) with the item-by-item path (migration 0004) when some item is refused.
 */
export class PgAppendWriter {
  constructor(private readonly pool: Pool) {}

  /** A single-stream call on its own: the plain append function, no subtransaction. */
  async appendAlone(db: Pool | SqlConnection, call: AppendCall): Promise<AppendRow[]> {
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

  async appendBatch(calls: AppendCall[]): Promise<AppendAnswer[]> {
    if (fitsOneSet(calls)) {
      // Refused as a whole when any item is at fault; the item-by-item path below then finds which.
      const together = await this.appendSet(calls).catch((error: unknown) => {
        if (error instanceof DatabaseError) return error;
        throw error;
      });
      if (!(together instanceof DatabaseError)) return together;
      if (calls.length === 1 && calls[0].reads.length > 0) return [{ failure: together as AppendFailure }];
    }
    // Only the set function checks a read set: such calls go through it one at a time, after the rest.
    const plain = calls.flatMap((call, index) => (call.reads.length === 0 ? [index] : []));
    const answers: AppendAnswer[] = new Array(calls.length);
    const plainAnswers = plain.length > 0 ? await this.appendPlain(plain.map((index) => calls[index])) : [];
    plain.forEach((index, at) => (answers[index] = plainAnswers[at]));
    for (const [index, call] of calls.entries()) {
      if (call.reads.length > 0) answers[index] = await settle(this.appendSet([call]).then(([answer]) => answer.rows));
    }
    return answers;
  }

  private async appendPlain(calls: AppendCall[]): Promise<AppendAnswer[]> {
    if (calls.length === 1) return [await settle(this.appendAlone(this.pool, calls[0]))];
    const answers = await this.appendItems(this.pool, calls);
    for (const [index, answer] of answers.entries()) {
      if ('failure' in answer && RETRY_ALONE.has(answer.failure.code)) answers[index] = await settle(this.appendAlone(this.pool, calls[index]));
    }
    return answers;
  }

  /** The whole batch as one set (migrations 0005, 0007): five statements however many items it holds. */
  private async appendSet(calls: AppendCall[]): Promise<Array<{ rows: AppendRow[] }>> {
    const parts = calls.flatMap((call) => call.parts.map((part) => ({ tenant: call.tenant, part })));
    const eventPart: number[] = [];
    parts.forEach(({ part }, index) => part.texts.forEach(() => eventPart.push(index + 1)));
    const nextVersion = (part: AppendPart) => BigInt(exactVersion(part.expected)!) + BigInt(part.texts.length);
    // Commands of one practice read the same practice stream at the same version: checked once.
    const readKeys = new Set<string>();
    const reads = calls.flatMap((call) =>
      call.reads.flatMap((read) => {
        const key = `${streamKey(call.tenant, read.stream)}\u0000${read.version}`;
        if (readKeys.has(key)) return [];
        readKeys.add(key);
        return [{ tenant: call.tenant, read }];
      }),
    );
    // Prepared once per connection, as the reads are: the statement is a plain call. Arrays go as
    // literals built here: the driver's array encoder runs two regular expressions over every
    // element, and a batch has hundreds.
    const { rows } = await this.pool.query<{ event_id: string; global_position: string; xid: string; recorded_at: Date }>({
      name: 'event-store.append-set',
      text: `SELECT event_id, global_position, xid::text AS xid, recorded_at
               FROM event_store.append_set($1::text[], $2::text[], $3::text[], $4::bytea[], $5::jsonb[],
                                           $6::text[], $7::text[], $8::text[], $9::bigint[], $10::int[], $11::json,
                                           $12::text[], $13::text[], $14::bigint[])`,
      values: [
        textArray(calls.map((call) => call.tenant)),
        textArray(calls.map((call) => call.commandId)),
        textArray(calls.map((call) => call.commandType)),
        calls.map((call) => call.payloadHash),
        textArray(
          calls.map((call) => {
            if (call.result === null) return null;
            const last = call.parts[call.parts.length - 1];
            // The same ledger record append_to_stream writes: the response, and the last part's stream and version.
            return `{"body":${call.result},"streamId":${JSON.stringify(last.stream)},"version":"${nextVersion(last)}"}`;
          }),
        ),
        textArray(parts.map(({ tenant }) => tenant)),
        textArray(parts.map(({ part }) => part.stream)),
        textArray(parts.map(({ part }) => part.streamType)),
        parts.map(({ part }) => exactVersion(part.expected)),
        eventPart,
        `[${parts.map(({ part }) => part.texts.join(',')).join(',')}]`,
        textArray(reads.map(({ tenant }) => tenant)),
        textArray(reads.map(({ read }) => read.stream)),
        reads.map(({ read }) => read.version),
      ],
    });
    const positions = new Map(rows.map((row) => [row.event_id, row.global_position]));
    const { xid, recorded_at } = rows[0];
    return calls.map((call) => ({
      rows: call.parts.map((part) => ({
        next_version: nextVersion(part).toString(),
        xid,
        positions: part.eventIds.map((id) => positions.get(id)!),
        recorded_at,
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
}

export function settle(append: Promise<AppendRow[]>): Promise<AppendAnswer> {
  return append.then(
    (rows) => ({ rows }),
    (failure: AppendFailure) => ({ failure }),
  );
}

/** Elements that need no quotes in an array literal: ids, stream names, command types. */
const BARE_ELEMENT = /^[A-Za-z0-9._:/@+-]+$/;

/** An array literal of texts (PostgreSQL docs, "Array Value Input"): NULL, bare or quoted elements. */
export function textArray(values: ReadonlyArray<string | null>): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) literal += ',';
    if (value === null) literal += 'NULL';
    // A bare NULL (any case) would read as a null element, so four-letter elements are quoted.
    else if (value.length !== 4 && BARE_ELEMENT.test(value)) literal += value;
    else literal += `"${value.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${literal}}`;
}

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
      const key = streamKey(call.tenant, part.stream);
      if (exactVersion(part.expected) === undefined || seen.has(key)) return false;
      seen.add(key);
    }
  }
  return true;
}

function compareCalls(a: AppendCall, b: AppendCall): number {
  const keyA = streamKey(a.tenant, a.parts[0].stream);
  const keyB = streamKey(b.tenant, b.parts[0].stream);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}
