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
  /**
   * Insertion order is recency order, nearly: a read moves its stream to the end unless fewer moves
   * than half the held streams happened since its last one, so it still sits in the newer half. The
   * hottest streams (a practice, its busiest patients) are read by every command, and moving them
   * each time cost more than the rest of the lookup.
   */
  private readonly held = new Map<string, { history: EventEnvelope[]; movedAt: number }>();
  private events = 0;
  /** Counts moves to the end (reads and new histories). */
  private moves = 0;

  constructor(private readonly limits: StreamHistoryLimits = DEFAULT_HISTORY_LIMITS) {}

  /** The held history of a stream (never to be mutated by the caller), or an empty one. */
  get(key: string): readonly EventEnvelope[] {
    const entry = this.held.get(key);
    if (!entry) return [];
    if (this.moves - entry.movedAt >= this.held.size / 2) {
      this.held.delete(key);
      this.held.set(key, entry);
      entry.movedAt = ++this.moves;
    }
    return entry.history;
  }

  /**
   * Extends a stream's history with events read after it. A gap or overlap (another read already
   * extended it) keeps whichever history is longer and consistent; the result is the full history.
   */
  extend(key: string, from: readonly EventEnvelope[], newer: EventEnvelope[]): EventEnvelope[] {
    const history = [...from, ...newer];
    const current = this.held.get(key)?.history;
    if (current && current.length >= history.length) return history;
    if (current) this.forget(key);
    if (history.length > 0 && history.length <= this.limits.maxStreamLength) {
      this.held.set(key, { history, movedAt: ++this.moves });
      this.events += history.length;
      this.evict();
    }
    return history;
  }

  private forget(key: string): void {
    this.events -= this.held.get(key)?.history.length ?? 0;
    this.held.delete(key);
  }

  private evict(): void {
    for (const key of this.held.keys()) {
      if (this.events <= this.limits.maxEvents) return;
      this.forget(key);
    }
  }
}
