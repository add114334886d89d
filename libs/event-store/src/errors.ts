import { DomainError } from '@revcycle/kernel';

/** The stream was not at the expected version; `actual` is what it was (0 when absent). */
export class ConcurrencyError extends DomainError {
  constructor(readonly streamId: string, readonly expected: string, readonly actual: bigint) {
    super('EVENT_STORE.VERSION_CONFLICT', `Stream ${streamId} is at version ${actual}, expected ${expected}`, {
      streamId,
      expected,
      actualVersion: actual.toString(),
    });
  }
}

/** An event id already stored at a different place (a retried append that does not match). */
export class DuplicateEventError extends DomainError {
  constructor(readonly eventId: string) {
    super('EVENT_STORE.DUPLICATE_EVENT', `Event ${eventId} is already stored elsewhere`, { eventId });
  }
}

/** The stream does not exist for this tenant (another tenant's stream reads the same). */
export class StreamNotFound extends DomainError {
  constructor(readonly streamId: string) {
    super('EVENT_STORE.STREAM_NOT_FOUND', `Stream ${streamId} was not found`, { streamId });
  }
}

/** Same idempotency key, different request (event-store.md §6): the API answers 422. */
export class IdempotencyKeyReused extends DomainError {
  constructor(readonly commandId: string) {
    super('EVENT_STORE.IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request', {});
  }
}
