import type { EventEnvelope, NewEvent, StoredEvent } from './envelope';
import { FoldedStates } from './folded-states';

/** How the stream must stand before an append: a count of events (0 = empty) or a named state. */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendOptions {
  expected: ExpectedVersion;
  tenantId: string;
  /** Stream category, e.g. `claim` for `claim-<uuid>`. */
  streamType?: string;
  /** Idempotency ledger entry written with the append (PostgreSQL: same transaction). */
  ledger?: LedgerEntry;
  /** An open connection of the adapter's own kind to append within (PostgreSQL: a client inside BEGIN). */
  connection?: SqlConnection;
}

/** The slice of a SQL client the PostgreSQL adapter needs; other adapters ignore it. */
export interface SqlConnection {
  query(text: string, params?: unknown[]): Promise<{ rows: any[]; rowCount?: number | null }>;
}

export interface LedgerEntry {
  commandId: string;
  commandType: string;
  /** SHA-256 of the canonical command payload. */
  payloadHash: Buffer;
  /** Response to hand back on a retry; never PHI. */
  result: unknown;
}

export interface AppendResult {
  /** Stream version after the append (count of events). */
  nextVersion: bigint;
  /** Checkpoint of the last appended event in the global order. */
  checkpoint: string;
  globalPositions: bigint[];
}

/** One stream's share of a multi-stream append. */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedVersion;
  streamType?: string;
}

export interface MultiStreamAppendOptions {
  tenantId: string;
  /** Written with the last stream's append, which is the one a retry's answer names. */
  ledger?: LedgerEntry;
  /**
   * Streams the decision read but does not write, at the versions it read: the append is refused
   * with a `ConcurrencyError` when any has moved (PostgreSQL: checked in the append's transaction).
   */
  readSet?: StreamVersion[];
}

/** A stream at a version (0 = absent). */
export interface StreamVersion {
  streamId: string;
  version: bigint;
}

export interface ReadStreamsOptions {
  tenantId: string;
  /**
   * Answer from histories this process already holds when it holds every stream, without asking
   * the database: only for a decision whose append checks those versions (`readSet`, or the
   * expected version of a stream it writes).
   */
  trustHeld?: boolean;
}

export interface ReadStreamOptions {
  tenantId: string;
  fromVersion?: bigint;
  toVersion?: bigint;
  /** Only events recorded at or before this instant (compliance replay: "as of"). */
  asOf?: Date;
}

export interface ReadAllBatch {
  events: StoredEvent[];
  /** Checkpoint after the last event of the batch (or the input checkpoint when empty). */
  checkpoint: string;
}

/** Stored result of an earlier command with the same idempotency key. */
export interface LedgerRecord {
  commandType: string;
  payloadHash: Buffer;
  result: unknown;
}

/**
 * The event store port. Versions are counts (0 = empty), stream positions are 1-based, checkpoints are
 * opaque strings that only the issuing adapter parses. Errors are the typed ones in `errors.ts`.
 */
export abstract class EventStore {
  /** States of recently read streams, so commands evolve only the events read since (see `FoldedStates`). */
  readonly folded = new FoldedStates();

  abstract appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /**
   * Several streams written as one decision, each with its expected version; results in the same
   * order. A refusal (a `ConcurrencyError` names the stream) writes nothing on PostgreSQL, where it is
   * one transaction; adapters without multi-stream transactions append in order, the last one
   * committing the decision.
   */
  abstract appendToStreams(appends: StreamAppend[], options: MultiStreamAppendOptions): Promise<AppendResult[]>;
  abstract readStream(streamId: string, options: ReadStreamOptions): Promise<EventEnvelope[]>;
  abstract readAll(after: string, limit: number): Promise<ReadAllBatch>;

  /** Several whole streams of one tenant at once (a command's reference facts); absent streams read empty. */
  async readStreams(streamIds: string[], options: ReadStreamsOptions): Promise<Map<string, EventEnvelope[]>> {
    const streams = await Promise.all(streamIds.map((id) => this.readStream(id, options)));
    return new Map(streamIds.map((id, index) => [id, streams[index]]));
  }
  abstract findLedgerEntry(tenantId: string, commandId: string): Promise<LedgerRecord | undefined>;
  /** Records a command that decided no events, so a retry gets the same answer. */
  abstract recordCommand(tenantId: string, ledger: LedgerEntry): Promise<void>;
  /** Checkpoint that orders before every event. */
  abstract readonly start: string;
}
