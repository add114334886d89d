import type { DomainEvent } from '@revcycle/event-store';
import { EventStore } from '@revcycle/event-store';

/**
 * Folds one stream to its current state. Commands read their inputs from streams, never from the
 * asynchronous read models (event-store.md §7: invariants hold with consumers paused).
 */
export async function foldStream<S>(
  store: EventStore,
  streamId: string,
  tenantId: string,
  initial: S,
  evolve: (state: S, event: DomainEvent) => S,
): Promise<S> {
  const events = await store.readStream(streamId, { tenantId });
  return events.reduce(evolve, initial);
}
