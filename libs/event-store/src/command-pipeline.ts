import { DomainError, newId, type CommandContext } from '@revcycle/kernel';

import type { DomainEvent, EventEnvelope, EventMetadata, NewEvent } from './envelope';
import { ConcurrencyError, IdempotencyKeyReused } from './errors';
import { EventStore, type ExpectedVersion, type LedgerRecord, type StreamVersion } from './event-store.port';
import { CommandAlreadyRecorded, commandEventId, payloadHash } from './idempotency';
import { EventSchemaRegistry } from './upcasters';

/** The pure half of an aggregate: its initial state and how an event changes it. */
export interface Decider<S, E extends DomainEvent> {
  initialState: S;
  evolve(state: S, event: E): S;
}

export interface CommandRequest<S, E extends DomainEvent, R> {
  streamId: string;
  decider: Decider<S, E>;
  context: CommandContext;
  /** Stable name such as `scheduling.BookAppointment`; part of the idempotency fingerprint. */
  commandType: string;
  /** The command's input as the client sent it, hashed for the idempotency ledger. */
  payload: unknown;
  /** From `If-Match`: the stream version the client saw. A mismatch is a conflict, never retried. */
  expectedVersion?: bigint;
  /**
   * The command creates this stream (its id is new): decide on the initial state without reading
   * first. If the stream exists after all, the append conflicts and the normal path takes over.
   */
  newStream?: boolean;
  /** The stream as the caller already read it (batched with other streams): used for the first decision only. */
  history?: EventEnvelope[];
  decide(state: S, version: bigint): E[];
  /**
   * Other streams the same decision writes (PostgreSQL: in the same transaction, so all or none),
   * each decided on its own state after the main stream; read with it again after a conflict.
   */
  alongside?: AlongsideStream[];
  /**
   * Streams the decision read but does not write, at the versions read: the append is refused if
   * any moved (a `ConcurrencyError`), so a caller may read them from held histories (`trustHeld`).
   */
  readSet?: StreamVersion[];
  /** The response body; stored in the ledger, so ids and codes only, never PHI. */
  respond(outcome: { state: S; version: bigint; events: E[] }): R;
}

export interface AlongsideStream {
  streamId: string;
  decider: Decider<any, any>;
  /** As the caller already read it; used for the first decision only. */
  history?: EventEnvelope[];
  decide(state: any): DomainEvent[];
}

export interface CommandOutcome<R> {
  body: R;
  /** Stream version after the command (the ETag). */
  version: bigint;
  /** True when an earlier request with the same idempotency key produced this answer. */
  replayed: boolean;
  checkpoint?: string;
}

interface StoredResult {
  body?: unknown;
  version?: string;
}

/**
 * The one command pipeline (house style P2): read and fold the stream, decide, append with the
 * expected version, envelope metadata and the idempotency ledger in the same write; on a version
 * conflict without If-Match, re-read and re-decide once (event-store.md §5), never re-append blindly.
 */
export class CommandPipeline {
  constructor(
    private readonly store: EventStore,
    private readonly schemas: EventSchemaRegistry,
  ) {}

  async handle<S, E extends DomainEvent, R>(request: CommandRequest<S, E, R>): Promise<CommandOutcome<R>> {
    const { context } = request;
    const ledger = context.commandId
      ? { commandId: context.commandId, commandType: request.commandType, payloadHash: payloadHash({ type: request.commandType, payload: request.payload }) }
      : undefined;
    // The ledger is consulted only when something refuses the command: a retry of a request that
    // already committed is refused by its own effects (or collides in the append), so the common path
    // pays no extra round trip for idempotency.
    const answeredBefore = async (refusal: unknown): Promise<CommandOutcome<R>> => {
      const earlier = ledger && (await this.store.findLedgerEntry(context.tenantId, ledger.commandId));
      if (earlier) return this.replay(earlier, ledger.payloadHash, ledger.commandId);
      throw refusal;
    };
    for (let attempt = 0; ; attempt++) {
      const { history, beside } = await this.histories(request, attempt);
      const version = versionOf(history);
      if (request.expectedVersion !== undefined && request.expectedVersion !== version) {
        return answeredBefore(new ConcurrencyError(request.streamId, request.expectedVersion.toString(), version));
      }
      const state = this.store.folded.fold(context.tenantId, request.streamId, request.decider, history);
      let decided: E[];
      let besideDecided: Array<{ streamId: string; version: bigint; events: DomainEvent[] }>;
      try {
        decided = request.decide(state, version);
        besideDecided = (request.alongside ?? []).map((other, index) => {
          const events = beside[index];
          const otherState = this.store.folded.fold(context.tenantId, other.streamId, other.decider, events);
          return { streamId: other.streamId, version: versionOf(events), events: other.decide(otherState) };
        });
      } catch (refusal) {
        if (!(refusal instanceof DomainError)) throw refusal;
        return answeredBefore(refusal);
      }
      const next = decided.reduce((s, e) => request.decider.evolve(s, e), state);
      const body = request.respond({ state: next, version: version + BigInt(decided.length), events: decided });
      const besideWrites = besideDecided.filter((other) => other.events.length > 0);
      if (decided.length === 0) {
        if (besideWrites.length > 0) throw new Error(`${request.commandType} wrote beside ${request.streamId} without writing to it`);
        if (!ledger) return { body, version, replayed: false };
        const earlier = await this.store.findLedgerEntry(context.tenantId, ledger.commandId);
        if (earlier) return this.replay(earlier, ledger.payloadHash, ledger.commandId);
        await this.store.recordCommand(context.tenantId, { ...ledger, result: JSON.stringify(body) });
        return { body, version, replayed: false };
      }
      try {
        const expected = (v: bigint): ExpectedVersion => (v === 0n ? 'no_stream' : v);
        // Kept as text: jsonb would reorder keys, and a replay must answer byte for byte the same.
        const recorded = ledger && { ...ledger, result: JSON.stringify(body) };
        const metadata = metadataOf(context);
        const own = this.envelope(decided, context, metadata, true);
        // One call for one stream or several: the streams beside are written first, the main one last.
        const results = await this.store.appendToStreams(
          [
            ...besideWrites.map((other) => ({ streamId: other.streamId, events: this.envelope(other.events, context, metadata, false), expected: expected(other.version) })),
            { streamId: request.streamId, events: own, expected: expected(version) },
          ],
          { tenantId: context.tenantId, ledger: recorded, readSet: request.readSet },
        );
        const result = results[results.length - 1];
        return { body, version: result.nextVersion, replayed: false, checkpoint: result.checkpoint };
      } catch (error) {
        if (error instanceof CommandAlreadyRecorded) return this.replay(error.record, ledger!.payloadHash, ledger!.commandId);
        if (!(error instanceof ConcurrencyError)) throw error;
        // A decision on a stream not read just now (new, or read earlier in a batch) gets one more try.
        const firstReadNow = request.newStream || request.history || request.alongside?.length ? 1 : 0;
        const retry = request.expectedVersion === undefined && attempt <= firstReadNow;
        if (!retry) return answeredBefore(error);
      }
    }
  }

  /** The main stream's history and those of the streams beside it: as given on the first attempt, read afresh after. */
  private async histories<S, E extends DomainEvent, R>(
    request: CommandRequest<S, E, R>,
    attempt: number,
  ): Promise<{ history: EventEnvelope[]; beside: EventEnvelope[][] }> {
    const alongside = request.alongside ?? [];
    const tenantId = request.context.tenantId;
    const known = attempt === 0 ? (request.history ?? (request.newStream ? [] : undefined)) : undefined;
    const besideKnown = attempt === 0 && alongside.every((other) => other.history !== undefined);
    if (known && (alongside.length === 0 || besideKnown)) return { history: known, beside: alongside.map((other) => other.history!) };
    if (alongside.length === 0) return { history: await this.store.readStream(request.streamId, { tenantId }), beside: [] };
    const ids = [request.streamId, ...alongside.map((other) => other.streamId)];
    const read = await this.store.readStreams(ids, { tenantId });
    return { history: known ?? read.get(request.streamId)!, beside: alongside.map((other) => read.get(other.streamId)!) };
  }

  private envelope(events: DomainEvent[], context: CommandContext, metadata: EventMetadata, derivedIds: boolean): NewEvent[] {
    return events.map((event, index) => ({
      // Derived from the idempotency key so a retried append after a lost answer stores nothing twice;
      // streams written beside the main one decide idempotently instead, and take fresh ids.
      eventId: derivedIds && context.commandId ? commandEventId(context.tenantId, context.commandId, index) : newId(),
      type: event.type,
      data: event.data,
      schemaVersion: this.schemas.currentVersion(event.type),
      metadata,
    }));
  }

  private replay<R>(record: LedgerRecord, hash: Buffer, commandId: string): CommandOutcome<R> {
    if (!record.payloadHash.equals(hash)) throw new IdempotencyKeyReused(commandId);
    const stored = record.result as StoredResult;
    return { body: JSON.parse(stored.body as string) as R, version: BigInt(stored.version ?? '0'), replayed: true };
  }
}

/**
 * The metadata a command's events share (stored events are never mutated): a plain copy of the
 * context, with absent ids left out rather than stored as undefined.
 */
function metadataOf(context: CommandContext): EventMetadata {
  const metadata: EventMetadata = {
    tenantId: context.tenantId,
    actor: { id: context.actor.id, role: context.actor.role },
    correlationId: context.correlationId,
    occurredAt: context.now.toISOString(),
  };
  if (context.causationId !== undefined) metadata.causationId = context.causationId;
  if (context.commandId !== undefined) metadata.commandId = context.commandId;
  if (context.requestId !== undefined) metadata.requestId = context.requestId;
  return metadata;
}

/** A stream's version is the position of its last event (0 when empty). */
function versionOf(history: EventEnvelope[]): bigint {
  return history.length ? history[history.length - 1].streamPosition : 0n;
}
