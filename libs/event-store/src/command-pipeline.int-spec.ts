import { DomainError, newId, type CommandContext } from '@revcycle/kernel';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { CommandPipeline, type Decider } from './command-pipeline';
import { ConcurrencyError, IdempotencyKeyReused } from './errors';
import { eventStoreMigrations } from './postgres/migrations';
import { PgEventStore } from './postgres/pg-event-store';
import { EventSchemaRegistry } from './upcasters';

type Deposited = { type: 'test.Deposited'; data: { amountCents: number } };
interface Account {
  balanceCents: number;
}
const account: Decider<Account, Deposited> = {
  initialState: { balanceCents: 0 },
  evolve: (state, event) => (event.type === 'test.Deposited' ? { balanceCents: state.balanceCents + event.data.amountCents } : state),
};

/** Deposits, refusing to take the balance above a limit: an invariant that needs fresh state. */
function deposit(amountCents: number, limitCents = 1_000_00) {
  return (state: Account): Deposited[] => {
    if (state.balanceCents + amountCents > limitCents) throw new DomainError('TEST.LIMIT_INVALID', 'over the limit');
    return amountCents === 0 ? [] : [{ type: 'test.Deposited', data: { amountCents } }];
  };
}

describe('CommandPipeline', () => {
  let db: TestDatabase;
  let store: PgEventStore;
  let pipeline: CommandPipeline;
  const context = (commandId?: string): CommandContext => ({
    tenantId: 'practice-a', actor: { id: 'user-1', role: 'biller' }, correlationId: newId(), commandId, now: new Date('2026-03-04T10:00:00Z'),
  });
  const run = (streamId: string, amountCents: number, ctx = context(), expectedVersion?: bigint, limitCents?: number) =>
    pipeline.handle({
      streamId, decider: account, context: ctx, commandType: 'test.Deposit', payload: { amountCents }, expectedVersion,
      decide: deposit(amountCents, limitCents), respond: ({ state, version }) => ({ balanceCents: state.balanceCents, version: version.toString() }),
    });

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations());
    store = new PgEventStore(db.appPool);
    pipeline = new CommandPipeline(store, new EventSchemaRegistry());
  });
  afterAll(() => db.drop());

  it('folds the stream, decides and appends with envelope metadata', async () => {
    const stream = `account-${newId()}`;
    await run(stream, 500);
    const outcome = await run(stream, 250);
    expect(outcome).toMatchObject({ body: { balanceCents: 750, version: '2' }, version: 2n, replayed: false });
    const [first] = await store.readStream(stream, { tenantId: 'practice-a' });
    expect(first.metadata).toMatchObject({ tenantId: 'practice-a', actor: { id: 'user-1', role: 'biller' }, occurredAt: '2026-03-04T10:00:00.000Z' });
  });

  it('answers 50 parallel retries of one idempotency key with one event set and identical responses', async () => {
    const stream = `account-${newId()}`;
    const key = newId();
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => run(stream, 100, context(key))));
    expect([...new Set(outcomes.map((o) => JSON.stringify(o.body)))]).toHaveLength(1);
    expect(outcomes.filter((o) => !o.replayed).length).toBe(1);
    expect(await store.readStream(stream, { tenantId: 'practice-a' })).toHaveLength(1);
  });

  it('refuses the same idempotency key with a different payload', async () => {
    const stream = `account-${newId()}`;
    const key = newId();
    await run(stream, 100, context(key));
    await expect(run(stream, 200, context(key))).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it('records a command that decided nothing, so its retry answers the same', async () => {
    const stream = `account-${newId()}`;
    const key = newId();
    const first = await run(stream, 0, context(key));
    const again = await run(stream, 0, context(key));
    expect(again).toMatchObject({ replayed: true, body: first.body });
  });

  it('refuses a stale If-Match without retrying', async () => {
    const stream = `account-${newId()}`;
    await run(stream, 100);
    await expect(run(stream, 100, context(), 0n)).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await run(stream, 100, context(), 1n)).version).toBe(2n);
  });

  it('creates a new stream without reading it first, and falls back to the read when it exists after all', async () => {
    const stream = `account-${newId()}`;
    const create = (amountCents: number, ctx = context()) =>
      pipeline.handle({
        streamId: stream, decider: account, context: ctx, commandType: 'test.Deposit', payload: { amountCents }, newStream: true,
        decide: deposit(amountCents), respond: ({ state }) => ({ balanceCents: state.balanceCents }),
      });
    expect((await create(100)).body).toEqual({ balanceCents: 100 });
    expect((await create(50)).body).toEqual({ balanceCents: 150 });
    expect(await store.readStream(stream, { tenantId: 'practice-a' })).toHaveLength(2);
  });

  it('answers a retry that its own earlier success now refuses from the ledger', async () => {
    const stream = `account-${newId()}`;
    const key = newId();
    const first = await run(stream, 900, context(key), undefined, 1000);
    // The same request again would break the limit on the new balance; the ledger answers instead.
    const again = await run(stream, 900, context(key), undefined, 1000);
    expect(again).toMatchObject({ replayed: true, body: first.body });
    await expect(run(stream, 900, context(), undefined, 1000)).rejects.toThrow('over the limit');
  });

  it('re-decides on fresh state after a conflict: two deposits that together break the limit never both succeed', async () => {
    for (let round = 0; round < 20; round++) {
      const stream = `account-${newId()}`;
      const results = await Promise.allSettled([run(stream, 600, context(), undefined, 1000), run(stream, 600, context(), undefined, 1000)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const events = await store.readStream(stream, { tenantId: 'practice-a' });
      expect(events).toHaveLength(1);
    }
  });

  describe('writing streams beside the main one', () => {
    /** A transfer: deposit into `to`, and the same amount beside it into `from` as a ledger mirror. */
    const transfer = (to: string, beside: string, amountCents: number, ctx = context(), besideLimit?: number) =>
      pipeline.handle({
        streamId: to, decider: account, context: ctx, commandType: 'test.Transfer', payload: { to, beside, amountCents },
        alongside: [{ streamId: beside, decider: account, decide: deposit(amountCents, besideLimit) }],
        decide: deposit(amountCents), respond: ({ version }) => ({ version: version.toString() }),
      });
    const read = (stream: string) => store.readStream(stream, { tenantId: 'practice-a' });

    it('appends both streams in one transaction, the ledger answering for the main one', async () => {
      const [to, beside] = [`account-${newId()}`, `account-${newId()}`];
      const key = newId();
      const outcome = await transfer(to, beside, 300, context(key));
      expect(outcome).toMatchObject({ version: 1n, replayed: false });
      expect((await read(to)).length + (await read(beside)).length).toBe(2);
      expect(await transfer(to, beside, 300, context(key))).toMatchObject({ replayed: true, body: outcome.body });
      expect(await read(beside)).toHaveLength(1);
    });

    it('writes neither stream when the one beside refuses', async () => {
      const [to, beside] = [`account-${newId()}`, `account-${newId()}`];
      await expect(transfer(to, beside, 300, context(), 100)).rejects.toMatchObject({ code: 'TEST.LIMIT_INVALID' });
      expect(await read(to)).toEqual([]);
      expect(await read(beside)).toEqual([]);
    });

    it('re-reads the stream beside after a conflict on it and decides again on fresh state', async () => {
      const [to, beside] = [`account-${newId()}`, `account-${newId()}`];
      await run(beside, 99_900);
      // The stream beside was read empty: its append conflicts, and the fresh read (99,900) hits the limit.
      const stale = pipeline.handle({
        streamId: to, decider: account, context: context(), commandType: 'test.Transfer', payload: {},
        alongside: [{ streamId: beside, decider: account, history: [], decide: deposit(200) }],
        decide: deposit(200), respond: () => ({}), newStream: true,
      });
      await expect(stale).rejects.toMatchObject({ code: 'TEST.LIMIT_INVALID' });
      expect(await read(to)).toEqual([]);
      expect(await read(beside)).toHaveLength(1);
    });
  });
});
