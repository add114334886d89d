import type { EventEnvelope } from '../envelope';

export interface StreamHistoryLimits {
  /** Events held across all streams; the least recently read streams leave first. */
  maxEvents: number;
  /** Longer streams are not held: they would crowd out many short ones. */
  maxStreamLength: number;
}

export const DEFAULT_HISTORY_LIMITS: StreamHistoryLimits = { maxEvents: 50_000, maxStreamLength: 1_000 };

/**
 * Whole-stream histories already read, so the next read of a stream asks the database only for the
 * events after them. Stored events never change (the events table refuses UPDATE and DELETE), so a
 * held prefix stays true; the database still answers every read, so nothing newer is ever missed.
 */
export class StreamHistoryCache {
  /** Insertion order is recency order: a read moves its stream to the end. */
  private readonly held = new Map<string, EventEnvelope[]>();
  private events = 0;

  constructor(private readonly limits: StreamHistoryLimits = DEFAULT_HISTORY_LIMITS) {}

  /** The held history of a stream (never to be mutated by the caller), or an empty one. */
  get(key: string): readonly EventEnvelope[] {
    const history = this.held.get(key);
    if (!history) return [];
    this.held.delete(key);
    this.held.set(key, history);
    return history;
  }

  /**
   * Extends a stream's history with events read after it. A gap or overlap (another read already
   * extended it) keeps whichever history is longer and consistent; the result is the full history.
   */
  extend(key: string, from: readonly EventEnvelope[], newer: EventEnvelope[]): EventEnvelope[] {
    const history = [...from, ...newer];
    const current = this.held.get(key);
    if (current && current.length >= history.length) return history;
    if (current) this.forget(key);
    if (history.length > 0 && history.length <= this.limits.maxStreamLength) {
      this.held.set(key, history);
      this.events += history.length;
      this.evict();
    }
    return history;
  }

  private forget(key: string): void {
    this.events -= this.held.get(key)?.length ?? 0;
    this.held.delete(key);
  }

  private evict(): void {
    for (const key of this.held.keys()) {
      if (this.events <= this.limits.maxEvents) return;
      this.forget(key);
    }
  }
}
