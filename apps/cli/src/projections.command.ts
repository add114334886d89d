import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';

import { ConsumerHost, EventStore, prepareDatabase, type PgEventStore } from '@revcycle/event-store';

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
    .command('rebuild <name>')
    .description('Clear a projection and replay the whole log into it')
    .action(async (name: string, _options: unknown, command: Command) => {
      await withConsumers(async (host, store) => {
        const candidates = host.consumers.filter((c) => c.name === name).sort((a, b) => b.version - a.version);
        const consumer = candidates[0];
        if (!consumer) command.error(`No consumer named ${name}. Known: ${[...new Set(host.consumers.map((c) => c.name))].join(', ') || 'none'}`);
        const runner = host.runnerFor(store);
        const owner = `rebuild:${process.pid}`;
        await runner.checkpoints.resetForRebuild(consumer, owner);
        await runner.checkpoints.releaseLease(consumer, owner);
        const total = Number((await store.readAll(store.start, 1)).events.length ? await headPosition(runner) : 0);
        const bar = new SingleBar({ format: `${name} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}` });
        bar.start(Math.max(total, 1), 0, { rate: 0 });
        const started = Date.now();
        const applied = await runner.catchUp(consumer, (done) => {
          const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
          bar.update(Math.min(done, total), { rate });
        });
        bar.update(total, { rate: Math.round(applied / Math.max((Date.now() - started) / 1000, 0.001)) });
        bar.stop();
        process.stdout.write(`Rebuilt ${name} v${consumer.version}: ${applied} events in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      });
    });
}

async function headPosition(runner: ReturnType<ConsumerHost['runnerFor']>): Promise<number> {
  const status = await runner.checkpoints.status();
  return Math.max(0, ...status.map((s) => s.lagEvents));
}
