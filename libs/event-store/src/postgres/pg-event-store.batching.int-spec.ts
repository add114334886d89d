import { newId } from '@revcycle/kernel';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import type { NewEvent } from '../envelope';
import { ConcurrencyError } from '../errors';
import { CommandAlreadyRecorded, payloadHash } from '../idempotency';
import { verifyStreamChain } from './hash-chain';
import { eventStoreMigrations } from './migrations';
import { parsePgCheckpoint } from './pg-checkpoint';
import { textArray } from './pg-append-writer';
import { PgEventStore } from './pg-event-store';

const TENANT = 'practice-a';

function event(tenantId = TENANT): NewEvent {
  return {
    eventId: newId(),
    type: 'test.Happened',
    schemaVersion: 1,
    data: { n: 1 },
    metadata: { tenantId, actor: { id: 'user-1', role: 'admin' }, correlationId: newId(), occurredAt: '2026-01-01T00:00:00.000Z' },
  };
}

/**
 * With one call in flight, everything submitted meanwhile leaves as one batch: these specs start a
 * lone append first so that the appends under test queue behind it and share a transaction.
 */
describe('PgEventStore batching concurrent appends and reads', () => {
  let db: TestDatabase;
  let store: PgEventStore;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations());
    store = new PgEventStore(db.appPool, undefined, {}, { concurrency: 1, maxBatch: 32 });
  });
  afterAll(() => db.drop());

  const lone = () => store.appendToStream(`test-${newId()}`, [event()], { expected: 'no_stream', tenantId: TENANT });
  const xidOf = (checkpoint: string) => parsePgCheckpoint(checkpoint).xid;

  it('commits appends that queued together in one transaction, each with its own stream version and chain', async () => {
    const streams = [0, 1, 2, 3].map(() => `test-${newId()}`);
    const [, ...results] = await Promise.all([
      lone(),
      ...streams.map((stream) => store.appendToStream(stream, [event(), event()], { expected: 'no_stream', tenantId: TENANT })),
    ]);
    expect(new Set(results.map((r) => xidOf(r.checkpoint))).size).toBe(1);
    expect(results.map((r) => r.nextVersion)).toEqual([2n, 2n, 2n, 2n]);
    for (const stream of streams) {
      await expect(verifyStreamChain(db.appPool, TENANT, stream)).resolves.toMatchObject({ ok: true });
    }
  });

  it('refuses only the conflicting append of a batch; its neighbours commit', async () => {
    const contested = `test-${newId()}`;
    const other = `test-${newId()}`;
    const [, first, second, neighbour] = await Promise.allSettled([
      lone(),
      store.appendToStream(contested, [event()], { expected: 'no_stream', tenantId: TENANT }),
      store.appendToStream(contested, [event()], { expected: 'no_stream', tenantId: TENANT }),
      store.appendToStream(other, [event()], { expected: 'no_stream', tenantId: TENANT }),
    ]);
    const outcomes = [first, second].map((o) => o.status);
    expect(outcomes.sort()).toEqual(['fulfilled', 'rejected']);
    const refused = [first, second].find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConcurrencyError);
    expect(neighbour.status).toBe('fulfilled');
    expect(await store.readStream(contested, { tenantId: TENANT })).toHaveLength(1);
    expect(await store.readStream(other, { tenantId: TENANT })).toHaveLength(1);
  });

  it('given a batch of distinct streams with one stale version, when it commits, then only the stale append is refused and chains verify', async () => {
    const grown = `test-${newId()}`;
    const stale = `test-${newId()}`;
    const fresh = `test-${newId()}`;
    await store.appendToStream(grown, [event()], { expected: 'no_stream', tenantId: TENANT });
    await store.appendToStream(stale, [event(), event()], { expected: 'no_stream', tenantId: TENANT });
    const [, onGrown, onStale, onFresh] = await Promise.allSettled([
      lone(),
      store.appendToStream(grown, [event(), event()], { expected: 1n, tenantId: TENANT }),
      store.appendToStream(stale, [event()], { expected: 1n, tenantId: TENANT }),
      store.appendToStream(fresh, [event()], { expected: 'no_stream', tenantId: TENANT }),
    ]);
    expect(onGrown).toMatchObject({ status: 'fulfilled', value: { nextVersion: 3n } });
    expect(onStale).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
    expect((onStale as PromiseRejectedResult).reason.actual).toBe(2n);
    expect(onFresh).toMatchObject({ status: 'fulfilled', value: { nextVersion: 1n } });
    for (const stream of [grown, stale, fresh]) {
      await expect(verifyStreamChain(db.appPool, TENANT, stream)).resolves.toMatchObject({ ok: true });
    }
    expect(await store.readStream(stale, { tenantId: TENANT })).toHaveLength(2);
  });

  it('writes stream ids, command types and ledger answers of any spelling through a shared batch unchanged', async () => {
    const id = newId();
    const streams = [`test-${id}-"quoted"`, `test-${id}-a,b{c}`, `test-${id}-back\\slash`, `test ${id} spaced`, 'NULL', 'null'];
    const ledgers = streams.map((_, at) => ({
      commandId: newId(),
      commandType: `test.Do "${at}", {x}`,
      payloadHash: payloadHash({ at }),
      result: { say: `a "quoted" word, {braced} \\ ${at}`, at },
    }));
    const [, ...results] = await Promise.all([
      lone(),
      ...streams.map((stream, at) => store.appendToStream(stream, [event()], { expected: 'no_stream', tenantId: TENANT, ledger: ledgers[at] })),
    ]);
    expect(new Set(results.map((r) => xidOf(r.checkpoint))).size).toBe(1);
    for (const [at, stream] of streams.entries()) {
      expect(await store.readStream(stream, { tenantId: TENANT })).toHaveLength(1);
      const retry = store.appendToStream(stream, [event()], { expected: 1n, tenantId: TENANT, ledger: ledgers[at] });
      await expect(retry).rejects.toMatchObject({ record: { commandType: ledgers[at].commandType, result: { body: ledgers[at].result } } });
    }
  });

  it('writes text array literals that PostgreSQL reads back element for element', async () => {
    const values = ['plain', 'NULL', 'null', 'Null', '', ' ', 'a,b', '{x}', '"q"', 'back\\slash', 'tab\t', 'é', null, 'provider-calendar-1-2027-01'];
    const { rows } = await db.appPool.query<{ a: Array<string | null> }>('SELECT $1::text[] AS a', [textArray(values)]);
    expect(rows[0].a).toEqual(values);
  });

  it('answers the second use of an idempotency key in the same batch from the ledger of the first', async () => {
    const commandId = newId();
    const ledger = { commandId, commandType: 'test.Do', payloadHash: payloadHash({ a: 1 }), result: '{"ok":true}' };
    const streams = [`test-${newId()}`, `test-${newId()}`];
    const [, ...outcomes] = await Promise.allSettled([
      lone(),
      ...streams.map((stream) => store.appendToStream(stream, [event()], { expected: 'no_stream', tenantId: TENANT, ledger })),
    ]);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(CommandAlreadyRecorded);
    const written = await Promise.all(streams.map((stream) => store.readStream(stream, { tenantId: TENANT })));
    expect(written.map((events) => events.length).sort()).toEqual([0, 1]);
  });

  it('gives each read of a shared round trip its own tenant’s streams only', async () => {
    const stream = `test-${newId()}`;
    await store.appendToStream(stream, [event()], { expected: 'no_stream', tenantId: TENANT });
    await store.appendToStream(stream, [event('practice-b'), event('practice-b')], { expected: 'no_stream', tenantId: 'practice-b' });
    const [a, b, both] = await Promise.all([
      store.readStream(stream, { tenantId: TENANT }),
      store.readStream(stream, { tenantId: 'practice-b' }),
      store.readStreams([stream, 'test-absent', stream], { tenantId: 'practice-b' }),
    ]);
    expect(a.map((e) => e.metadata.tenantId)).toEqual([TENANT]);
    expect(b.map((e) => e.streamPosition)).toEqual([1n, 2n]);
    expect([...both.keys()]).toEqual([stream, 'test-absent']);
    expect(both.get(stream)).toHaveLength(2);
    expect(both.get('test-absent')).toEqual([]);
  });

  describe('appending to several streams as one decision', () => {
    const twoStreams = () => [`test-${newId()}`, `test-${newId()}`];

    it.each([
      ['on its own', false],
      ['inside a batch', true],
    ])('writes nothing when its last stream conflicts (%s), and names that stream', async (_case, batched) => {
      const [first, second] = twoStreams();
      await store.appendToStream(second, [event()], { expected: 'no_stream', tenantId: TENANT });
      const ahead = batched ? lone() : undefined;
      const attempt = store.appendToStreams(
        [
          { streamId: first, events: [event()], expected: 'no_stream' },
          { streamId: second, events: [event()], expected: 'no_stream' },
        ],
        { tenantId: TENANT },
      );
      const [refusal] = await Promise.allSettled([attempt, ...(batched ? [lone(), ahead] : [])]);
      expect(refusal.status).toBe('rejected');
      expect((refusal as PromiseRejectedResult).reason).toMatchObject({ streamId: second, actual: 1n });
      expect(await store.readStream(first, { tenantId: TENANT })).toEqual([]);
    });

    it('commits every stream in one transaction and files the ledger entry under the last', async () => {
      const [first, second] = twoStreams();
      const ledger = { commandId: newId(), commandType: 'test.Both', payloadHash: payloadHash({ both: true }), result: '{"done":true}' };
      const results = await store.appendToStreams(
        [
          { streamId: first, events: [event(), event()], expected: 'no_stream' },
          { streamId: second, events: [event()], expected: 'no_stream' },
        ],
        { tenantId: TENANT, ledger },
      );
      expect(results.map((r) => r.nextVersion)).toEqual([2n, 1n]);
      expect(xidOf(results[0].checkpoint)).toBe(xidOf(results[1].checkpoint));
      expect((await store.findLedgerEntry(TENANT, ledger.commandId))?.result).toMatchObject({ streamId: second, version: '1' });
    });
  });

  it('answers a repeated read with everything appended since, by this store or any other', async () => {
    const stream = `test-${newId()}`;
    const elsewhere = new PgEventStore(db.appPool);
    await store.appendToStream(stream, [event()], { expected: 'no_stream', tenantId: TENANT });
    expect(await store.readStream(stream, { tenantId: TENANT })).toHaveLength(1);
    await elsewhere.appendToStream(stream, [event(), event()], { expected: 1n, tenantId: TENANT });
    const again = await store.readStreams([stream], { tenantId: TENANT });
    expect(again.get(stream)!.map((e) => e.streamPosition)).toEqual([1n, 2n, 3n]);
    expect(await store.readStream(stream, { tenantId: 'practice-b' })).toEqual([]);
  });

  describe('deciding on held histories, checked by the read set', () => {
    const twoEvents = () => [event(), event()];

    it('given a read stream that moved, when the decision appends, then it is refused and writes nothing', async () => {
      const read = `test-${newId()}`;
      const written = `test-${newId()}`;
      await store.appendToStream(read, [event()], { expected: 'no_stream', tenantId: TENANT });
      await new PgEventStore(db.appPool).appendToStream(read, [event()], { expected: 1n, tenantId: TENANT });
      const stale = store.appendToStreams([{ streamId: written, events: twoEvents(), expected: 'no_stream' }], {
        tenantId: TENANT,
        readSet: [{ streamId: read, version: 1n }],
      });
      await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.readStream(written, { tenantId: TENANT })).toEqual([]);
      const current = await store.appendToStreams([{ streamId: written, events: twoEvents(), expected: 'no_stream' }], {
        tenantId: TENANT,
        readSet: [{ streamId: read, version: 2n }],
      });
      expect(current.map((r) => r.nextVersion)).toEqual([2n]);
    });

    it('given a batch where one decision read a stream that moved, then only that decision is refused', async () => {
      const read = `test-${newId()}`;
      await store.appendToStream(read, [event()], { expected: 'no_stream', tenantId: TENANT });
      const [a, b] = [`test-${newId()}`, `test-${newId()}`];
      const [, stale, fresh] = await Promise.allSettled([
        lone(),
        store.appendToStreams([{ streamId: a, events: [event()], expected: 'no_stream' }], { tenantId: TENANT, readSet: [{ streamId: read, version: 0n }] }),
        store.appendToStreams([{ streamId: b, events: [event()], expected: 'no_stream' }], { tenantId: TENANT, readSet: [{ streamId: read, version: 1n }] }),
      ]);
      expect(stale).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
      expect(fresh).toMatchObject({ status: 'fulfilled' });
      expect(await store.readStream(a, { tenantId: TENANT })).toEqual([]);
      expect(await store.readStream(b, { tenantId: TENANT })).toHaveLength(1);
    });

    it('given decisions in one batch that read the same stream, at its version or an older one, then only the older reading is refused', async () => {
      const read = `test-${newId()}`;
      await store.appendToStream(read, [event(), event()], { expected: 'no_stream', tenantId: TENANT });
      const streams = [0, 1, 2, 3].map(() => `test-${newId()}`);
      const versions = [2n, 1n, 2n, 2n];
      const [, ...outcomes] = await Promise.allSettled([
        lone(),
        ...streams.map((streamId, at) =>
          store.appendToStreams([{ streamId, events: [event()], expected: 'no_stream' }], { tenantId: TENANT, readSet: [{ streamId: read, version: versions[at] }] }),
        ),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      const written = await Promise.all(streams.map((stream) => store.readStream(stream, { tenantId: TENANT })));
      expect(written.map((events) => events.length)).toEqual([1, 0, 1, 1]);
    });

    it('trusts a held history without asking, and holds its own appends exactly as a read returns them', async () => {
      const stream = `test-${newId()}`;
      await store.appendToStream(stream, [event()], { expected: 'no_stream', tenantId: TENANT });
      await store.readStream(stream, { tenantId: TENANT });
      await store.appendToStreams([{ streamId: stream, events: twoEvents(), expected: 1n }], { tenantId: TENANT });
      const elsewhere = new PgEventStore(db.appPool);
      await elsewhere.appendToStream(stream, [event()], { expected: 3n, tenantId: TENANT });
      const trusted = (await store.readStreams([stream], { tenantId: TENANT, trustHeld: true })).get(stream)!;
      const read = await elsewhere.readStream(stream, { tenantId: TENANT });
      expect(trusted).toEqual(read.slice(0, 3));
      expect((await store.readStreams([stream], { tenantId: TENANT })).get(stream)).toEqual(read);
    });

    it('reads a stream it does not hold even when trusting held histories', async () => {
      const stream = `test-${newId()}`;
      await new PgEventStore(db.appPool).appendToStream(stream, [event()], { expected: 'no_stream', tenantId: TENANT });
      const trusted = await store.readStreams([stream], { tenantId: TENANT, trustHeld: true });
      expect(trusted.get(stream)).toHaveLength(1);
    });
  });
});

