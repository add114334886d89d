import type { StoredEvent } from '../envelope';
import type { SqlConnection } from '../event-store.port';

/**
 * A durable consumer of the stored log: a projection (read model) or a policy. `apply` runs inside the
 * transaction that also advances the checkpoint, on the connection it is given, so its writes and the
 * checkpoint commit together (event-store.md §7).
 */
export interface Consumer {
  /** Kebab-case name, e.g. `scheduling.provider-calendar`; never PHI. */
  name: string;
  /** A new version rebuilds beside the old one and takes over reads when caught up. */
  version: number;
  /** `halt` (default) stops before a poison event; `skip-and-park` parks it and goes on (dashboards only). */
  mode?: 'halt' | 'skip-and-park';
  /** Event types it reacts to; the checkpoint still moves past the others. */
  handles: readonly string[];
  apply(event: StoredEvent, tx: SqlConnection): Promise<void>;
  /**
   * Optional: the handled events of a whole batch at once (one statement instead of one per event).
   * Must leave the same rows as `apply` one by one; on failure the runner falls back to `apply` to
   * find the failing event.
   */
  applyBatch?(events: StoredEvent[], tx: SqlConnection): Promise<void>;
  /** Clears the read model before a rebuild from the start of the log. */
  reset?(tx: SqlConnection): Promise<void>;
}

/** Thrown by a consumer for a failure worth retrying without parking (a dependency briefly away). */
export class TransientConsumerError extends Error {}

export interface ConsumerStatus {
  name: string;
  version: number;
  status: string;
  serving: boolean;
  checkpoint: string;
  lagEvents: number;
  parkedEvents: number;
  owner: string | null;
  lastError: string | null;
}
