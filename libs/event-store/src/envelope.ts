import type { ActorRef } from '@revcycle/kernel';

/** Metadata on every event. Never PHI: ids, roles and timestamps only. */
export interface EventMetadata {
  tenantId: string;
  actor: ActorRef;
  correlationId: string;
  causationId?: string;
  commandId?: string;
  requestId?: string;
  /** When the decision was taken (the command's clock reading), ISO 8601. */
  occurredAt: string;
}

/** An event as a decider produces it: a stable type string and plain data. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
}

/** An event ready to append: the store adds position, hash and transaction id. */
export interface NewEvent extends DomainEvent {
  eventId: string;
  schemaVersion: number;
  metadata: EventMetadata;
}

/** An event as read back from a stream, upcast to its current schema version. */
export interface EventEnvelope extends NewEvent {
  streamId: string;
  streamPosition: bigint;
  recordedAt: Date;
}

/** An event in the global log, with the checkpoint that resumes right after it. */
export interface StoredEvent extends EventEnvelope {
  checkpoint: string;
  globalPosition: bigint;
}
