import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';

import { ConsumerHost, EventStore, prepareDatabase, type Consumer, type PgEventStore } from '@revcycle/event-store';

import { allMigrations } from '../../api/src/composition';
import { WorkerModule } from '../../worker/src/worker.module';

async function withConsumers<T>(work: (host: ConsumerHost, store: PgEventStore) => Promise<T>): Promise<T> {
  const database = await prepareDatabase({ dataDir: process.env.DATA_DIR ?? '.data', env: process.env, migrations: allMigrations(), attach: true });
  const app = await NestFactory.createApplicationContext(WorkerModule.register(database.appUrl, { runConsumers: false }), { logger: false });
  try {
    return await work(app.get(ConsumerHost), app.get(EventStore) as PgEventStore);
  } finally {
    await app.close();
    await database.close();
  }
}

/** `revcycle projections status` and `revcycle projections rebuild NAME` (with a progress bar). */
export function registerProjectionCommands(program: Command): void {
  const projections = program.command('projections').description('Inspect and rebuild consumers of the event log');
  projections
    .command('status')
    .description('Checkpoint, lag, state and parked events of every consumer')
    .action(async () => {
      const rows = await withConsumers((host, store) => host.runnerFor(store).checkpoints.status());
      const table = rows.map((r) => ({ consumer: r.name, version: r.version, status: r.status, serving: r.serving, lag: r.lagEvents, parked: r.parkedEvents, owner: r.owner ?? '' }));
      if (table.length === 0) process.stdout.write('No consumers have run yet.\n');
      else console.table(table);
    });
  projections
    .command('rebuild [names...]')
    .description('Clear projections and replay the whole log into them')
    .option('--all', 'every projection (policies are never replayed)')
    .action(async (names: string[], options: { all?: boolean }, command: Command) => {
      await withConsumers(async (host, store) => {
        const projections = host.consumers.filter((c) => c.reset !== undefined);
        const chosen = options.all ? [...new Set(projections.map((c) => c.name))] : names;
        if (chosen.length === 0) command.error('Name a projection, or pass --all');
        for (const name of chosen) {
          const consumer = projections.filter((c) => c.name === name).sort((a, b) => b.version - a.version)[0];
          if (!consumer) command.error(`No projection named ${name}. Known: ${[...new Set(projections.map((c) => c.name))].join(', ') || 'none'}`);
          await rebuild(host.runnerFor(store), store, consumer);
        }
      });
    });
}

/** Clears one projection and replays the log into it under this runner's lease, with a progress bar. */
async function rebuild(runner: ReturnType<ConsumerHost['runnerFor']>, store: PgEventStore, consumer: Consumer): Promise<void> {
  await runner.checkpoints.resetForRebuild(consumer, runner.owner);
  const total = Number((await store.readAll(store.start, 1)).events.length ? await headPosition(runner) : 0);
  const label = `${consumer.name} v${consumer.version}`;
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}` });
  bar.start(Math.max(total, 1), 0, { rate: 0 });
  const started = Date.now();
  const rate = (done: number) => Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
  const applied = await runner.catchUp(consumer, (done) => bar.update(Math.min(done, total), { rate: rate(done) }));
  bar.update(total, { rate: rate(applied) });
  bar.stop();
  // Hand the projection back to the worker that normally runs it.
  await runner.checkpoints.releaseLease(consumer, runner.owner);
  process.stdout.write(`Rebuilt ${label}: ${applied} events in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

async function headPosition(runner: ReturnType<ConsumerHost['runnerFor']>): Promise<number> {
  const status = await runner.checkpoints.status();
  return Math.max(0, ...status.map((s) => s.lagEvents));
}
