import { newId, uuidV5 } from '@revcycle/kernel';

import type { NewEvent } from './envelope';
import { ConcurrencyError, IdempotencyKeyReused } from './errors';
import type { EventStore, ExpectedVersion } from './event-store.port';
import { CommandAlreadyRecorded, payloadHash } from './idempotency';

export interface ContractSubject {
  store: EventStore;
  close(): Promise<void>;
}

const TENANT = 'practice-a';
const OTHER = 'practice-b';

function event(type = 'test.Happened', data: Record<string, unknown> = { n: 1 }, eventId = newId(), tenantId = TENANT): NewEvent {
  return {
    eventId,
    type,
    schemaVersion: 1,
    data,
    metadata: { tenantId, actor: { id: 'user-1', role: 'biller' }, correlationId: newId(), occurredAt: '2026-01-01T00:00:00.000Z' },
  };
}

/**
 * The port's behaviour, one suite for every adapter (event-store.md §13 item 9): numbering, expected
 * versions and their boundaries, conflicts with the actual version, global order and checkpoints,
 * tenant isolation and the idempotency ledger. Each test uses fresh stream ids, so a shared server works.
 */
export function describeEventStoreContract(name: string, factory: () => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    const stream = () => `test-${newId()}`;
    const append = (id: string, expected: ExpectedVersion, events = [event()], tenantId = TENANT) =>
      store.appendToStream(id, events, { expected, tenantId });
    const positions = async (id: string, tenantId = TENANT) => (await store.readStream(id, { tenantId })).map((e) => e.streamPosition);

    beforeAll(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterAll(() => subject.close());

    it('reads several streams of one tenant at once, each in order, absent ones empty', async () => {
      const [a, b, absent] = [stream(), stream(), stream()];
      await append(a, 'no_stream', [event('test.A1'), event('test.A2')]);
      await append(b, 'no_stream', [event('test.B1')]);
      await append(a, 2n, [event('test.A3')], TENANT);
      const read = await store.readStreams([a, b, absent], { tenantId: TENANT });
      expect(read.get(a)?.map((e) => [e.streamPosition, e.type])).toEqual([[1n, 'test.A1'], [2n, 'test.A2'], [3n, 'test.A3']]);
      expect(read.get(b)?.map((e) => e.type)).toEqual(['test.B1']);
      expect(read.get(absent)).toEqual([]);
      expect((await store.readStreams([a], { tenantId: OTHER })).get(a)).toEqual([]);
    });

    it('appends one decision to several streams, answering each in order, and names the stream that conflicts', async () => {
      const [a, b, taken] = [stream(), stream(), stream()];
      await append(b, 'no_stream');
      const results = await store.appendToStreams(
        [
          { streamId: a, events: [event('test.A1'), event('test.A2')], expected: 'no_stream' },
          { streamId: b, events: [event('test.B2')], expected: 1n },
        ],
        { tenantId: TENANT },
      );
      expect(results.map((r) => r.nextVersion)).toEqual([2n, 2n]);
      expect(await positions(b)).toEqual([1n, 2n]);
      await append(taken, 'no_stream');
      const conflict = store.appendToStreams([{ streamId: taken, events: [event()], expected: 'no_stream' }], { tenantId: TENANT });
      await expect(conflict).rejects.toMatchObject({ streamId: taken, actual: 1n });
      await expect(conflict).rejects.toBeInstanceOf(ConcurrencyError);
    });

    it('appends and reads back with 1-based positions, counts as versions, and slices by version and time', async () => {
      const id = stream();
      const written = [event('test.A', { n: 1 }), event('test.B', { n: 2 })];
      expect((await append(id, 'no_stream', written)).nextVersion).toBe(2n);
      expect((await append(id, 2n, [event('test.C', { n: 3 })])).nextVersion).toBe(3n);
      const read = await store.readStream(id, { tenantId: TENANT });
      expect(read.map((e) => [e.streamPosition, e.type, e.data])).toEqual([[1n, 'test.A', { n: 1 }], [2n, 'test.B', { n: 2 }], [3n, 'test.C', { n: 3 }]]);
      expect(read[0]).toMatchObject({ eventId: written[0].eventId, streamId: id, schemaVersion: 1, metadata: written[0].metadata });
      expect((await store.readStream(id, { tenantId: TENANT, fromVersion: 1n, toVersion: 2n })).map((e) => e.type)).toEqual(['test.B']);
      expect(await store.readStream(id, { tenantId: TENANT, fromVersion: 3n })).toEqual([]);
      expect(await store.readStream(id, { tenantId: TENANT, asOf: new Date('2000-01-01T00:00:00Z') })).toEqual([]);
      expect(await store.readStream(stream(), { tenantId: TENANT })).toEqual([]);
    });

    it.each<[string, number, ExpectedVersion, bigint]>([
      ['0 on a new stream', 0, 0n, 1n],
      ['no_stream on a new stream', 0, 'no_stream', 1n],
      ['1 after one event', 1, 1n, 2n],
      ['2 after two events', 2, 2n, 3n],
      ['stream_exists after one event', 1, 'stream_exists', 2n],
      ['any on a new stream', 0, 'any', 1n],
      ['any after two events', 2, 'any', 3n],
    ])('accepts %s', async (_case, existing, expected, next) => {
      const id = stream();
      for (let v = 0; v < existing; v++) await append(id, BigInt(v));
      expect((await append(id, expected)).nextVersion).toBe(next);
      expect(await positions(id)).toEqual(Array.from({ length: Number(next) }, (_, i) => BigInt(i + 1)));
    });

    it.each<[string, number, ExpectedVersion, bigint]>([
      ['0 on a stream with one event', 1, 0n, 1n],
      ['no_stream on a stream with two events', 2, 'no_stream', 2n],
      ['1 on a new stream', 0, 1n, 0n],
      ['1 on a stream with two events', 2, 1n, 2n],
      ['3 on a stream with two events', 2, 3n, 2n],
      ['stream_exists on a new stream', 0, 'stream_exists', 0n],
    ])('refuses %s with the actual version', async (_case, existing, expected, actual) => {
      const id = stream();
      for (let v = 0; v < existing; v++) await append(id, BigInt(v));
      const failure = append(id, expected);
      await expect(failure).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(failure).rejects.toMatchObject({ streamId: id, actual });
      expect(await positions(id)).toHaveLength(existing);
    });

    it('lets exactly one of 50 concurrent appends at the same version win; the rest see the winner', async () => {
      const id = stream();
      await append(id, 'no_stream');
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => append(id, 1n)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
        expect(r.reason).toBeInstanceOf(ConcurrencyError);
        expect(r.reason).toMatchObject({ actual: 2n });
      }
      expect(await positions(id)).toEqual([1n, 2n]);
    });

    it('reads all streams in one order after a checkpoint and resumes from any batch checkpoint without gaps or repeats', async () => {
      const [a, b] = [stream(), stream()];
      const before = await append(a, 'no_stream', [event('test.Before')]);
      const written = [event(), event(), event(), event(), event()];
      await append(b, 'no_stream', written.slice(0, 2));
      await append(a, 1n, written.slice(2, 3));
      await append(b, 2n, written.slice(3));
      const ours = new Set(written.map((e) => e.eventId));
      const seen: { eventId: string; checkpoint: string }[] = [];
      let checkpoint = before.checkpoint;
      for (let batch = await store.readAll(checkpoint, 2); batch.events.length > 0; batch = await store.readAll(checkpoint, 2)) {
        expect(batch.events.length).toBeLessThanOrEqual(2);
        expect(batch.checkpoint > checkpoint).toBe(true);
        checkpoint = batch.checkpoint;
        seen.push(...batch.events.filter((e) => ours.has(e.eventId) || e.type === 'test.Before'));
      }
      expect(seen.map((e) => e.eventId)).toEqual(written.map((e) => e.eventId));
      const checkpoints = seen.map((e) => e.checkpoint);
      expect([...checkpoints].sort()).toEqual(checkpoints);
      expect((await store.readAll(store.start, 1)).events).toHaveLength(1);
    });

    it('keeps tenants apart: the same stream id is a separate stream per tenant, invisible to the other', async () => {
      const id = stream();
      await append(id, 'no_stream', [event('test.A'), event('test.A')]);
      expect(await store.readStream(id, { tenantId: OTHER })).toEqual([]);
      await expect(append(id, 2n, [event('test.B', {}, newId(), OTHER)], OTHER)).rejects.toMatchObject({ actual: 0n });
      expect((await append(id, 'no_stream', [event('test.B', {}, newId(), OTHER)], OTHER)).nextVersion).toBe(1n);
      expect((await store.readStream(id, { tenantId: TENANT })).map((e) => e.type)).toEqual(['test.A', 'test.A']);
      expect((await store.readStream(id, { tenantId: OTHER })).map((e) => e.type)).toEqual(['test.B']);
    });

    describe('idempotency ledger', () => {
      // Event ids derived from the command as the command pipeline does (event-store.md §10).
      const commandEvents = (commandId: string) => [0, 1].map((i) => event('test.Done', { i }, uuidV5(`${TENANT}:${commandId}:${i}`)));
      const entry = (commandId: string, payload: unknown) => ({ commandId, commandType: 'test.Do', payloadHash: payloadHash(payload), result: { ok: true } });

      it('records the command with its append; the same key replays the stored answer, another payload is refused', async () => {
        const commandId = newId();
        const ledger = entry(commandId, { a: 1 });
        await store.appendToStream(stream(), commandEvents(commandId), { expected: 'no_stream', tenantId: TENANT, ledger });
        const record = await store.findLedgerEntry(TENANT, commandId);
        expect(record).toMatchObject({ commandType: 'test.Do', result: { body: { ok: true }, version: '2' } });
        expect(record?.payloadHash.equals(ledger.payloadHash)).toBe(true);

        const elsewhere = stream();
        const replay = store.appendToStream(elsewhere, commandEvents(commandId), { expected: 'no_stream', tenantId: TENANT, ledger });
        await expect(replay).rejects.toBeInstanceOf(CommandAlreadyRecorded);
        const reused = store.appendToStream(elsewhere, commandEvents(commandId), { expected: 'no_stream', tenantId: TENANT, ledger: entry(commandId, { a: 2 }) });
        await expect(reused).rejects.toBeInstanceOf(IdempotencyKeyReused);
        expect(await store.readStream(elsewhere, { tenantId: TENANT })).toEqual([]);
        expect(await store.findLedgerEntry(OTHER, commandId)).toBeUndefined();
      });

      it('records a command that decided no events; repeating it is quiet, another payload is refused', async () => {
        const commandId = newId();
        await store.recordCommand(TENANT, entry(commandId, { b: 1 }));
        await store.recordCommand(TENANT, entry(commandId, { b: 1 }));
        expect(await store.findLedgerEntry(TENANT, commandId)).toMatchObject({ commandType: 'test.Do', result: { body: { ok: true } } });
        await expect(store.recordCommand(TENANT, entry(commandId, { b: 2 }))).rejects.toBeInstanceOf(IdempotencyKeyReused);
      });
    });
  });
}
