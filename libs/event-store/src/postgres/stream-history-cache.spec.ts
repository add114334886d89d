import type { EventEnvelope } from '../envelope';
import { StreamHistoryCache } from './stream-history-cache';

const events = (from: number, count: number): EventEnvelope[] =>
  Array.from({ length: count }, (_, i) => ({
    eventId: `e${from + i}`,
    type: 'test.Happened',
    schemaVersion: 1,
    data: {},
    metadata: { tenantId: 't', actor: { id: 'u', role: 'admin' }, correlationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z' },
    streamId: 's',
    streamPosition: BigInt(from + i),
    recordedAt: new Date(0),
  }));

describe('StreamHistoryCache', () => {
  it('given a held history, when newer events are read, then it holds and returns the whole history', () => {
    const cache = new StreamHistoryCache({ maxEvents: 100, maxStreamLength: 100 });
    cache.extend('a', [], events(1, 2));
    const whole = cache.extend('a', cache.get('a'), events(3, 1));
    expect(whole.map((e) => e.streamPosition)).toEqual([1n, 2n, 3n]);
    expect(cache.get('a')).toHaveLength(3);
  });

  it('given a longer history already held by a concurrent read, when a shorter one arrives, then the longer one stays', () => {
    const cache = new StreamHistoryCache({ maxEvents: 100, maxStreamLength: 100 });
    cache.extend('a', [], events(1, 3));
    expect(cache.extend('a', [], events(1, 2))).toHaveLength(2);
    expect(cache.get('a')).toHaveLength(3);
  });

  it('when more events are held than allowed, then the least recently read streams leave first', () => {
    const cache = new StreamHistoryCache({ maxEvents: 5, maxStreamLength: 100 });
    cache.extend('old', [], events(1, 2));
    cache.extend('recent', [], events(1, 2));
    cache.get('old');
    cache.extend('new', [], events(1, 2));
    expect(cache.get('recent')).toEqual([]);
    expect(cache.get('old')).toHaveLength(2);
    expect(cache.get('new')).toHaveLength(2);
  });

  it('keeps a stream read often among the newer half, so a burst of new streams evicts the unread ones first', () => {
    const cache = new StreamHistoryCache({ maxEvents: 10, maxStreamLength: 100 });
    for (const key of ['hot', 'a', 'b', 'c', 'd']) cache.extend(key, [], events(1, 2));
    for (let i = 0; i < 20; i++) cache.get('hot');
    cache.extend('e', [], events(1, 2));
    cache.extend('f', [], events(1, 2));
    expect(cache.get('a')).toEqual([]);
    expect(cache.get('b')).toEqual([]);
    expect(cache.get('hot')).toHaveLength(2);
    expect(cache.get('c')).toHaveLength(2);
  });

  it('when a stream is longer than the per-stream limit, then it is returned but not held', () => {
    const cache = new StreamHistoryCache({ maxEvents: 100, maxStreamLength: 3 });
    expect(cache.extend('long', [], events(1, 4))).toHaveLength(4);
    expect(cache.get('long')).toEqual([]);
  });
});
