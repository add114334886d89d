import type { Decider } from './command-pipeline';
import type { DomainEvent, EventEnvelope } from './envelope';

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

  constructor(private readonly maxStreams = 20_000) {}

  fold<S, E extends DomainEvent>(tenantId: string, streamId: string, decider: Decider<S, E>, history: readonly EventEnvelope[]): S {
    const key = `${tenantId}\u0000${streamId}`;
    const folded = this.held.get(key);
    const reusable =
      folded !== undefined &&
      folded.decider === decider &&
      folded.length <= history.length &&
      history[folded.length - 1].eventId === folded.lastEventId;
    let state = reusable ? (folded.state as S) : decider.initialState;
    for (let i = reusable ? folded.length : 0; i < history.length; i++) state = decider.evolve(state, history[i] as unknown as E);
    if (history.length === 0) return state;
    this.held.delete(key);
    this.held.set(key, { decider: decider as Decider<unknown, DomainEvent>, length: history.length, lastEventId: history[history.length - 1].eventId, state });
    if (this.held.size > this.maxStreams) this.held.delete(this.held.keys().next().value!);
    return state;
  }
}
