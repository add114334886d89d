import type { Decider } from './command-pipeline';
import type { DomainEvent, EventEnvelope } from './envelope';
import { streamKey } from './stream-key';

export interface FoldedStateLimits {
  /** Streams whose state is held; the least recently folded leave first. */
  maxStreams: number;
  /** Events folded into all held states together, a proxy for their memory. */
  maxEvents: number;
}

export const DEFAULT_FOLDED_STATE_LIMITS: FoldedStateLimits = { maxStreams: 20_000, maxEvents: 200_000 };

interface FoldedState {
  decider: Decider<unknown, DomainEvent>;
  /** Events folded into `state`, and the id of the last: a history matches when it holds that id there. */
  length: number;
  lastEventId: string;
  state: unknown;
}

/**
 * The state each recently read stream folded to, so the next command on the same stream evolves only
 * the events after it instead of the whole history again (a provider's calendar month grows by one
 * hold per booking). Sound because stored events never change and states are never mutated: a
 * history whose event at the folded length has the same id holds the same prefix.
 */
export class FoldedStates {
  /** Insertion order is recency order. */
  private readonly held = new Map<string, FoldedState>();
  /** Events folded into the held states: a state grows with its history (a calendar month's holds). */
  private events = 0;

  constructor(private readonly limits: FoldedStateLimits = DEFAULT_FOLDED_STATE_LIMITS) {}

  fold<S, E extends DomainEvent>(tenantId: string, streamId: string, decider: Decider<S, E>, history: readonly EventEnvelope[]): S {
    const key = streamKey(tenantId, streamId);
    const folded = this.held.get(key);
    const reusable =
      folded !== undefined &&
      folded.decider === decider &&
      folded.length <= history.length &&
      history[folded.length - 1].eventId === folded.lastEventId;
    let state = reusable ? (folded.state as S) : decider.initialState;
    for (let i = reusable ? folded.length : 0; i < history.length; i++) state = decider.evolve(state, history[i] as unknown as E);
    if (history.length === 0) return state;
    if (folded) this.forget(key, folded);
    this.held.set(key, { decider: decider as Decider<unknown, DomainEvent>, length: history.length, lastEventId: history[history.length - 1].eventId, state });
    this.events += history.length;
    for (const [oldest, entry] of this.held) {
      if (this.held.size <= this.limits.maxStreams && this.events <= this.limits.maxEvents) break;
      this.forget(oldest, entry);
    }
    return state;
  }

  private forget(key: string, entry: FoldedState): void {
    this.held.delete(key);
    this.events -= entry.length;
  }
}
