import { hostname } from 'node:os';
import type { Pool, PoolClient } from 'pg';

import { newId } from '@revcycle/kernel';

import type { StoredEvent } from '../envelope';
import type { PgEventStore } from '../postgres/pg-event-store';
import { CheckpointStore } from './checkpoint-store';
import { TransientConsumerError, type Consumer } from './consumer';

export interface RunnerOptions {
  batchSize?: number;
  leaseMs?: number;
  /** Attempts for a failing event before it is parked. */
  attempts?: number;
  /** First retry delay; doubles per attempt. */
  backoffMs?: number;
  instanceId?: string;
  log?: (line: { consumer: string; msg: string; [key: string]: unknown }) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** pg connection-class and shutdown errors are transient; everything else is deterministic. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return error instanceof TransientConsumerError || code.startsWith('08') || code.startsWith('57P') || code === '40001' || code === '40P01';
}

/** Failure while applying event `index` of a batch. */
class BatchFailure extends Error {
  constructor(readonly index: number, readonly failure: Error) {
    super(failure.message);
  }
}

/**
 * Runs consumers over the stored log (event-store.md §7): lease, poll outside any write transaction,
 * apply a batch and advance the checkpoint in one transaction (compare-and-set), retry a failing event
 * with backoff, then park it and halt (or skip, for dashboards). Wakes on appends, polls as a fallback.
 */
export class ConsumerRunner {
  readonly checkpoints: CheckpointStore;
  /** The instance id this runner holds leases under. */
  readonly owner: string;
  private running = false;
  private stopped = false;
  private wakeups = new Set<() => void>();
  private loops: Promise<void>[] = [];

  constructor(
    private readonly pool: Pool,
    private readonly store: PgEventStore,
    private readonly consumers: Consumer[],
    private readonly options: RunnerOptions = {},
  ) {
    this.checkpoints = new CheckpointStore(pool);
    this.owner = options.instanceId ?? `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
  }

  async start(): Promise<void> {
    for (const consumer of this.consumers) await this.checkpoints.register(consumer);
    this.running = true;
    this.loops = this.consumers.map((consumer) => this.loop(consumer));
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    this.wake();
    await Promise.all(this.loops);
    for (const consumer of this.consumers) await this.checkpoints.releaseLease(consumer, this.owner).catch(() => undefined);
  }

  /** New events were appended: poll now instead of waiting for the fallback timer. */
  wake(): void {
    for (const wakeup of [...this.wakeups]) wakeup();
  }

  /** Applies everything up to the current head once (rebuilds, tests); returns the events applied. */
  async catchUp(consumer: Consumer, onProgress?: (applied: number) => void): Promise<number> {
    let applied = 0;
    await this.checkpoints.register(consumer);
    if (!(await this.checkpoints.acquireLease(consumer, this.owner, this.leaseMs))) return 0;
    for (;;) {
      const step = await this.step(consumer);
      if (step <= 0) return applied;
      applied += step;
      onProgress?.(applied);
    }
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? 30_000;
  }

  private async loop(consumer: Consumer): Promise<void> {
    let idleMs = 100;
    let leaseCheckedAt = 0;
    let owned = false;
    while (this.running) {
      try {
        if (!owned || Date.now() - leaseCheckedAt > this.leaseMs / 3) {
          owned = await this.checkpoints.acquireLease(consumer, this.owner, this.leaseMs);
          leaseCheckedAt = Date.now();
        }
        const applied = owned ? await this.step(consumer) : 0;
        if (applied > 0) {
          idleMs = 100;
          continue;
        }
        if (applied === 0 && owned) await this.checkpoints.takeOver(consumer);
        await this.idle(owned ? idleMs : this.leaseMs / 3);
        idleMs = Math.min(idleMs * 2, 1000);
      } catch (error) {
        this.options.log?.({ consumer: consumer.name, msg: 'consumer loop error', error: (error as Error).message });
        owned = false;
        await this.idle(1000);
      }
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeups.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeups.add(done);
    });
  }

  /** One poll and apply. Returns events applied, 0 when caught up, -1 when halted or fenced off. */
  private async step(consumer: Consumer): Promise<number> {
    const state = await this.checkpoints.read(consumer);
    if (state.status !== 'running') return -1;
    const batch = await this.store.readAll(state.checkpoint, this.options.batchSize ?? 500);
    if (batch.events.length === 0) return 0;
    try {
      return (await this.applyEvents(consumer, state.checkpoint, batch.events, true)) ? batch.events.length : -1;
    } catch (error) {
      if (!(error instanceof BatchFailure)) throw error;
      return this.isolateFailure(consumer, state.checkpoint, batch.events, error);
    }
  }

  /** A batch failed: apply what precedes the failing event, then retry or park that event alone. */
  private async isolateFailure(consumer: Consumer, checkpoint: string, events: StoredEvent[], failure: BatchFailure): Promise<number> {
    if (failure.index < 0) {
      // The consumer's whole-batch apply failed somewhere: one event at a time finds where.
      try {
        return (await this.applyEvents(consumer, checkpoint, events, false)) ? events.length : -1;
      } catch (error) {
        if (!(error instanceof BatchFailure)) throw error;
        return this.isolateFailure(consumer, checkpoint, events, error);
      }
    }
    const before = events.slice(0, failure.index);
    if (before.length && !(await this.applyEvents(consumer, checkpoint, before, false))) return -1;
    const from = before.length ? before[before.length - 1].checkpoint : checkpoint;
    return (await this.retryOrPark(consumer, from, events[failure.index])) ? failure.index + 1 : -1;
  }

  /** Applies events and advances the checkpoint in one transaction; `batched` lets the consumer take them all at once. */
  private async applyEvents(consumer: Consumer, from: string, events: StoredEvent[], batched: boolean): Promise<boolean> {
    return this.inTransaction(consumer, async (tx) => {
      const handled = events.filter((event) => consumer.handles.includes(event.type));
      if (batched && consumer.applyBatch && handled.length > 1) {
        try {
          await consumer.applyBatch(handled, tx);
        } catch (error) {
          throw new BatchFailure(-1, error as Error);
        }
      } else {
        for (let index = 0; index < events.length; index++) {
          if (!consumer.handles.includes(events[index].type)) continue;
          try {
            await consumer.apply(events[index], tx);
          } catch (error) {
            throw new BatchFailure(index, error as Error);
          }
        }
      }
      return this.checkpoints.advance(tx, consumer, this.owner, from, events[events.length - 1].checkpoint);
    });
  }

  private async retryOrPark(consumer: Consumer, from: string, event: StoredEvent): Promise<boolean> {
    const attempts = this.options.attempts ?? 3;
    let lastError = new Error('unknown');
    for (let attempt = 1; attempt <= attempts || isTransient(lastError); attempt++) {
      if (this.stopped && attempt > 1) return false;
      await sleep((this.options.backoffMs ?? 100) * 2 ** Math.min(attempt - 1, 6));
      try {
        return await this.applyEvents(consumer, from, [event], false);
      } catch (error) {
        lastError = error instanceof BatchFailure ? error.failure : (error as Error);
        this.options.log?.({ consumer: consumer.name, msg: 'event failed', eventId: event.eventId, attempt, error: lastError.message });
      }
    }
    const skip = consumer.mode === 'skip-and-park';
    await this.inTransaction(consumer, async (tx) => {
      await this.checkpoints.park(tx, consumer, event, lastError, attempts);
      if (skip) return this.checkpoints.advance(tx, consumer, this.owner, from, event.checkpoint);
      await this.checkpoints.halt(tx, consumer, `event ${event.eventId} parked: ${lastError.message}`);
      return true;
    });
    this.options.log?.({ consumer: consumer.name, msg: skip ? 'event parked, consumer continues' : 'event parked, consumer halted', eventId: event.eventId });
    return skip;
  }

  private async inTransaction(consumer: Consumer, work: (tx: PoolClient) => Promise<boolean>): Promise<boolean> {
    const client = await this.pool.connect();
    // A connection lost mid-transaction also emits 'error'; the failed query already reports it.
    const onLost = () => undefined;
    client.on('error', onLost);
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      // Transaction-scoped, so it also works behind a transaction-mode pooler (event-store.md §9).
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, $2))', [consumer.name, consumer.version]);
      const ok = await work(client);
      await client.query(ok ? 'COMMIT' : 'ROLLBACK');
      return ok;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.off('error', onLost);
      client.release(broken);
    }
  }
}
