import type { Decider } from './command-pipeline';
import type { DomainEvent, EventEnvelope } from './envelope';
import { FoldedStates } from './folded-states';

const history = (ids: string[]): EventEnvelope[] =>
  ids.map((eventId, i) => ({
    eventId,
    type: 'test.Counted',
    schemaVersion: 1,
    data: { id: eventId },
    metadata: { tenantId: 't', actor: { id: 'u', role: 'admin' }, correlationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z' },
    streamId: 's',
    streamPosition: BigInt(i + 1),
    recordedAt: new Date(0),
  }));

/** Folds to the list of event ids seen, counting each evolve call. */
function tracingDecider(): Decider<string[], DomainEvent> & { calls: number } {
  const decider = {
    calls: 0,
    initialState: [] as string[],
    evolve(state: string[], event: DomainEvent): string[] {
      decider.calls++;
      return [...state, (event.data as { id: string }).id];
    },
  };
  return decider;
}

describe('FoldedStates', () => {
  it('given a folded stream, when it is read again with newer events, then only those are evolved', () => {
    const states = new FoldedStates();
    const decider = tracingDecider();
    states.fold('t', 's', decider, history(['a', 'b', 'c']));
    const state = states.fold('t', 's', decider, history(['a', 'b', 'c', 'd', 'e']));
    expect(state).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(decider.calls).toBe(5);
  });

  it('given a folded stream, when a history with another event at that length arrives, then it folds from the start', () => {
    const states = new FoldedStates();
    const decider = tracingDecider();
    states.fold('t', 's', decider, history(['a', 'b']));
    expect(states.fold('t', 's', decider, history(['a', 'x', 'y']))).toEqual(['a', 'x', 'y']);
    expect(decider.calls).toBe(5);
  });

  it('given a folded stream, when a shorter history or another decider or tenant asks, then the held state is not used', () => {
    const states = new FoldedStates();
    const decider = tracingDecider();
    const other = tracingDecider();
    states.fold('t', 's', decider, history(['a', 'b', 'c']));
    expect(states.fold('t', 's', decider, history(['a']))).toEqual(['a']);
    expect(states.fold('t', 's', other, history(['a', 'b', 'c']))).toEqual(['a', 'b', 'c']);
    expect(states.fold('u', 's', decider, history(['a', 'b', 'c']))).toEqual(['a', 'b', 'c']);
    expect(decider.calls).toBe(7);
    expect(other.calls).toBe(3);
  });

  it('given more streams than it may hold, when another is folded, then the least recently folded leaves first', () => {
    const states = new FoldedStates({ maxStreams: 2, maxEvents: 100 });
    const decider = tracingDecider();
    states.fold('t', 'one', decider, history(['a']));
    states.fold('t', 'two', decider, history(['b']));
    states.fold('t', 'one', decider, history(['a']));
    states.fold('t', 'three', decider, history(['c']));
    decider.calls = 0;
    states.fold('t', 'one', decider, history(['a']));
    states.fold('t', 'two', decider, history(['b']));
    expect(decider.calls).toBe(1);
  });

  it('given states holding more events than allowed, when another is folded, then the oldest leave until it fits', () => {
    const states = new FoldedStates({ maxStreams: 100, maxEvents: 4 });
    const decider = tracingDecider();
    states.fold('t', 'long', decider, history(['a', 'b', 'c']));
    states.fold('t', 'short', decider, history(['d']));
    states.fold('t', 'next', decider, history(['e']));
    decider.calls = 0;
    states.fold('t', 'short', decider, history(['d']));
    states.fold('t', 'next', decider, history(['e']));
    expect(decider.calls).toBe(0);
    states.fold('t', 'long', decider, history(['a', 'b', 'c']));
    expect(decider.calls).toBe(3);
  });
});
