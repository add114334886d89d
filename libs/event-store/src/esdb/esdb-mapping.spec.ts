import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';

import {
  ESDB_START, formatEsdbCheckpoint, ledgerStream, parseEsdbCheckpoint, parseTenantStream, tenantStream, toExpectedRevision, versionOf,
} from './esdb-mapping';

describe('EventStoreDB mapping', () => {
  it.each([
    ['no_stream', NO_STREAM],
    [0n, NO_STREAM],
    ['stream_exists', STREAM_EXISTS],
    ['any', ANY],
    [1n, 0n],
    [2n, 1n],
    [9_007_199_254_740_993n, 9_007_199_254_740_992n],
  ] as const)('maps expected version %p to revision %p', (expected, revision) => {
    expect(toExpectedRevision(expected)).toBe(revision);
  });

  it('refuses a negative expected version instead of sending ANY-like values', () => {
    expect(() => toExpectedRevision(-1n)).toThrow(RangeError);
  });

  it('turns the revision the server reports into a version (event count)', () => {
    expect(versionOf(NO_STREAM)).toBe(0n);
    expect(versionOf(0n)).toBe(1n);
    expect(versionOf(41n)).toBe(42n);
  });

  it('formats checkpoints whose string order is the log order, and parses them back', () => {
    const positions = [{ commit: 0n, prepare: 0n }, { commit: 99n, prepare: 99n }, { commit: 100n, prepare: 7n }, { commit: 18_446_744_073_709_551_615n, prepare: 1n }];
    const checkpoints = positions.map(formatEsdbCheckpoint);
    expect([...checkpoints].sort()).toEqual(checkpoints);
    expect(checkpoints.map(parseEsdbCheckpoint)).toEqual(positions);
    expect(ESDB_START).toBe(`esdb:${'0'.repeat(20)}:${'0'.repeat(20)}`);
    expect(() => parseEsdbCheckpoint('pg:00000000000000000001:0000000000000000001')).toThrow(/Not an EventStoreDB/);
  });

  it('keeps the tenant in the stream name and reads it back, whatever the characters', () => {
    for (const [tenantId, streamId] of [['practice-a', 'claim-1'], ['a@b:c', 'odd@stream'], ['ümlaut/€', 'x']]) {
      expect(parseTenantStream(tenantStream(tenantId, streamId))).toEqual({ tenantId, streamId });
    }
    expect(tenantStream('practice-a', 'claim-1')).not.toBe(tenantStream('practice-b', 'claim-1'));
    expect(tenantStream('practice-a', 'claim-1').split('-')[0]).toBe('claim');
  });

  it('never reads a ledger, system or foreign stream as a tenant stream', () => {
    expect(parseTenantStream(ledgerStream('practice-a', 'cmd@x:y'))).toBeUndefined();
    expect(parseTenantStream('$ce-claim')).toBeUndefined();
    expect(parseTenantStream('$$claim-1@practice-a')).toBeUndefined();
    expect(parseTenantStream('legacy-stream')).toBeUndefined();
    expect(parseTenantStream('broken@%zz')).toBeUndefined();
  });

  it('gives two tenants or two commands distinct ledger streams even when the parts contain separators', () => {
    expect(ledgerStream('a-b', 'c')).not.toBe(ledgerStream('a', 'b-c'));
    expect(ledgerStream('a:b', 'c')).not.toBe(ledgerStream('a', 'b:c'));
  });
});
