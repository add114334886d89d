import {
  BACKWARDS, END, EventStoreDBClient, FORWARDS, jsonEvent, START, StreamNotFoundError, WrongExpectedVersionError,
  type AppendResult as EsdbAppendResult, type Position,
} from '@eventstore/db-client';


import type { EventEnvelope, EventMetadata, NewEvent, StoredEvent } from '../envelope';
import { ConcurrencyError, IdempotencyKeyReused } from '../errors';
import {
  EventStore,
  type AppendOptions,
  type AppendResult,
  type LedgerEntry,
  type LedgerRecord,
  type MultiStreamAppendOptions,
  type ReadAllBatch,
  type ReadStreamOptions,
  type StreamAppend,
} from '../event-store.port';
import { CommandAlreadyRecorded, commandEventId } from '../idempotency';
import { EventSchemaRegistry } from '../upcasters';
import { EsdbLedger } from './esdb-ledger';
import { ESDB_START, formatEsdbCheckpoint, parseEsdbCheckpoint, parseTenantStream, tenantStream, toExpectedRevision, versionOf } from './esdb-mapping';
import { assertSecureConnection } from './esdb-security';

/** A recorded event as this adapter reads it; metadata is checked before it is trusted. */
interface Recorded {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

type StoredMetadata = EventMetadata & { schemaVersion: number };

/** Our metadata carries the tenant and schema version; anything else (binary, foreign JSON) is not ours. */
function ownMetadata(raw: unknown): StoredMetadata | undefined {
  if (!raw || typeof raw !== 'object' || raw instanceof Uint8Array) return undefined;
  const candidate = raw as Partial<StoredMetadata>;
  return typeof candidate.tenantId === 'string' && typeof candidate.schemaVersion === 'number' ? (raw as StoredMetadata) : undefined;
}

/** How far back a conflicting retry looks for its own events before calling it a conflict. */
const TAIL_SEARCH = 200n;

/**
 * EventStoreDB adapter (event-store.md §10): always an explicit expected revision unless the caller
 * asked for `any`, tenants kept apart by stream name, the ledger written after the append, checkpoints
 * `esdb:<commit>:<prepare>` over `$all` without system events.
 */
export class EsdbEventStore extends EventStore {
  readonly start = ESDB_START;
  private readonly ledger: EsdbLedger;

  constructor(private readonly client: EventStoreDBClient, private readonly schemas: EventSchemaRegistry = new EventSchemaRegistry()) {
    super();
    this.ledger = new EsdbLedger(client);
  }

  /** Connects after the start-up self-check; `development` admits insecure mode and default credentials. */
  static connect(connectionString: string, options: { development?: boolean; schemas?: EventSchemaRegistry } = {}): EsdbEventStore {
    assertSecureConnection(connectionString, options);
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options.schemas);
  }

  /** Closes the gRPC channel; the application's shutdown hook calls it. */
  close(): Promise<void> {
    return this.client.dispose();
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const { tenantId, ledger } = options;
    if (ledger) {
      events.forEach((event, index) => {
        if (event.eventId !== commandEventId(tenantId, ledger.commandId, index)) {
          throw new Error(`Event ${index} of command ${ledger.commandId} must carry the id derived from the command (event-store.md §10)`);
        }
      });
      const earlier = await this.ledger.find(tenantId, ledger.commandId);
      if (earlier && !earlier.payloadHash.equals(ledger.payloadHash)) throw new IdempotencyKeyReused(ledger.commandId);
      if (earlier) throw new CommandAlreadyRecorded(earlier);
    }
    const stream = tenantStream(tenantId, streamId);
    const data = events.map((event) =>
      jsonEvent({ id: event.eventId, type: event.type, data: event.data as Record<string, unknown>, metadata: { ...event.metadata, schemaVersion: event.schemaVersion } }),
    );
    let appended: { nextVersion: bigint; position: Position };
    try {
      appended = this.appendedAt(await this.client.appendToStream(stream, data, { expectedRevision: toExpectedRevision(options.expected) }));
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const actual = versionOf(error.actualVersion);
      const earlier = await this.findOwnAppend(stream, events, actual);
      if (!earlier) throw new ConcurrencyError(streamId, String(options.expected), actual);
      appended = earlier;
    }
    if (ledger) await this.ledger.record(tenantId, ledger, { body: ledger.result ?? null, streamId, version: appended.nextVersion.toString() });
    return {
      nextVersion: appended.nextVersion,
      checkpoint: formatEsdbCheckpoint(appended.position),
      // The events of one append share the commit record, so they share its commit position.
      globalPositions: events.map(() => appended.position.commit),
    };
  }

  /**
   * EventStoreDB (the client this adapter uses) has no multi-stream transaction: the streams are
   * appended in order and the last, with the ledger entry, commits the decision. A retry re-decides
   * on what the earlier parts left, so callers keep those parts idempotent.
   */
  async appendToStreams(appends: StreamAppend[], options: MultiStreamAppendOptions): Promise<AppendResult[]> {
    // No transaction spans streams here: the read set is checked just before the first append, which
    // narrows the window in which a moved stream goes unnoticed without closing it.
    for (const read of options.readSet ?? []) {
      const actual = await this.currentVersion(read.streamId, options.tenantId);
      if (actual !== read.version) throw new ConcurrencyError(read.streamId, read.version.toString(), actual);
    }
    const results: AppendResult[] = [];
    for (const [index, append] of appends.entries()) {
      const last = index === appends.length - 1;
      results.push(
        await this.appendToStream(append.streamId, append.events, {
          expected: append.expected,
          tenantId: options.tenantId,
          streamType: append.streamType,
          ledger: last ? options.ledger : undefined,
        }),
      );
    }
    return results;
  }

  private async currentVersion(streamId: string, tenantId: string): Promise<bigint> {
    try {
      for await (const resolved of this.client.readStream(tenantStream(tenantId, streamId), { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        if (resolved.event) return resolved.event.revision + 1n;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return 0n;
  }

  private appendedAt(result: EsdbAppendResult): { nextVersion: bigint; position: Position } {
    if (!result.position) throw new Error('EventStoreDB returned no log position for the append: a server older than 20.6 is not supported');
    return { nextVersion: result.nextExpectedRevision + 1n, position: result.position };
  }

  /** A retried append whose first answer was lost finds its own ids near the tail (§10): success, not a conflict. */
  private async findOwnAppend(stream: string, events: NewEvent[], actual: bigint): Promise<{ nextVersion: bigint; position: Position } | undefined> {
    if (actual === 0n) return undefined;
    const last = events[events.length - 1].eventId;
    for await (const resolved of this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: TAIL_SEARCH })) {
      const event = resolved.event;
      if (event?.id === last && event.position) return { nextVersion: event.revision + 1n, position: event.position };
    }
    return undefined;
  }

  async readStream(streamId: string, options: ReadStreamOptions): Promise<EventEnvelope[]> {
    const from = options.fromVersion ?? 0n;
    if (options.toVersion !== undefined && options.toVersion <= from) return [];
    const read = this.client.readStream(tenantStream(options.tenantId, streamId), {
      direction: FORWARDS,
      // Version v is followed by position v + 1, which is revision v.
      fromRevision: from === 0n ? START : from,
      ...(options.toVersion !== undefined ? { maxCount: options.toVersion - from } : {}),
    });
    const envelopes: EventEnvelope[] = [];
    try {
      for await (const resolved of read) {
        const event = resolved.event as Recorded | undefined;
        const metadata = ownMetadata(event?.metadata);
        // Defence in depth: the stream name already carries the tenant; the metadata must agree.
        if (!event || metadata?.tenantId !== options.tenantId) continue;
        if (options.asOf && event.created > options.asOf) break;
        envelopes.push(this.toEnvelope(streamId, event, metadata));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return envelopes;
  }

  /**
   * Reads `$all` after the checkpoint (exclusive), keeping only this adapter's tenant streams: system
   * (`$`) events and ledger entries are passed over, and the checkpoint still moves past them so a
   * consumer behind a run of hidden records is not stuck.
   */
  async readAll(after: string, limit: number): Promise<ReadAllBatch> {
    const events: StoredEvent[] = [];
    let checkpoint = after;
    let from = parseEsdbCheckpoint(after);
    for (let full = true; full && events.length < limit; ) {
      let seen = 0;
      // One more than asked: a page that starts on the record already seen still holds a new one.
      const fromPosition = from.commit === 0n && from.prepare === 0n ? START : from;
      const read = this.client.readAll({ direction: FORWARDS, fromPosition, maxCount: limit + 1 });
      for await (const resolved of read) {
        seen++;
        const event = resolved.event as (Recorded & { position: Position }) | undefined;
        if (!event || formatEsdbCheckpoint(event.position) <= checkpoint) continue;
        from = event.position;
        checkpoint = formatEsdbCheckpoint(event.position);
        const owner = parseTenantStream(event.streamId);
        const metadata = ownMetadata(event.metadata);
        if (!owner || !metadata || event.type.startsWith('$') || metadata.tenantId !== owner.tenantId) continue;
        events.push({ ...this.toEnvelope(owner.streamId, event, metadata), checkpoint, globalPosition: event.position.commit });
        if (events.length === limit) break;
      }
      full = seen === limit + 1;
    }
    return { events, checkpoint };
  }

  findLedgerEntry(tenantId: string, commandId: string): Promise<LedgerRecord | undefined> {
    return this.ledger.find(tenantId, commandId);
  }

  recordCommand(tenantId: string, ledger: LedgerEntry): Promise<void> {
    return this.ledger.record(tenantId, ledger, { body: ledger.result ?? null });
  }

  private toEnvelope(streamId: string, event: Recorded, stored: StoredMetadata): EventEnvelope {
    const { schemaVersion, ...metadata } = stored;
    return this.schemas.upcast({
      eventId: event.id,
      type: event.type,
      schemaVersion,
      data: event.data,
      metadata,
      streamId,
      streamPosition: event.revision + 1n,
      recordedAt: event.created,
    });
  }
}
