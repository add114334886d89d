import { Pool } from 'pg';

import { PG_START } from '@revcycle/event-store';

import { createRawTable, measureEmmett, measureRawInsert, measureStore } from './append-variants';
import { startBenchServer } from './bench-database';
import { BATCH_SIZE, createReadModel, fillLog, measureCatchUp, measureRawScan, rewindToTail, typeCounts } from './catch-up';
import { CONCURRENCY, WINDOW, type Rate } from './workload';

const SMALL_LOG = 100_000;
const LARGE_LOG = 1_000_000;
const TAIL = 100_000;

const log = (line: string) => console.log(line);
const n = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => value.toFixed(2).padStart(7);

/**
 * `npm run bench:store`: appends per second for this store, a raw INSERT and Emmett at 1, 8 and 32
 * clients, then projection catch-up against a raw scan, all on one PostgreSQL. Prints a table and,
 * as its last line, the figures as one JSON object.
 */
async function main(): Promise<void> {
  const server = await startBenchServer();
  try {
    log(`${server.describe}; appends: ${WINDOW.warmupMs / 1000} s warm-up + ${WINDOW.durationMs / 1000} s per figure`);
    const ours = await server.createDatabase('store', true);
    await createRawTable(ours.adminUrl);
    const emmettDb = await server.createDatabase('emmett', false);
    const appends: Record<string, Rate> = {};
    for (const clients of CONCURRENCY) {
      const pool = new Pool({ connectionString: ours.appUrl, max: clients });
      appends[`append_eps_c${clients}`] = await measureStore(pool, clients);
      appends[`raw_insert_eps_c${clients}`] = await measureRawInsert(pool, clients);
      await pool.end();
      appends[`emmett_append_eps_c${clients}`] = await measureEmmett(emmettDb.adminUrl, clients);
    }
    log('\nAppends, one event each to a new stream         events/s   p50 ms   p99 ms');
    for (const [key, rate] of Object.entries(appends)) {
      log(`  ${key.padEnd(44)} ${n(rate.perSecond).padStart(9)}  ${ms(rate.p50Ms)}  ${ms(rate.p99Ms)}`);
    }

    const catchUpDb = await server.createDatabase('catchup', true);
    await createReadModel(catchUpDb.adminUrl);
    const pool = new Pool({ connectionString: catchUpDb.appUrl, max: 4 });
    await fillLog(catchUpDb.adminUrl, SMALL_LOG);
    const rawScan = await measureRawScan(pool, PG_START, SMALL_LOG);
    const catchUp = await measureCatchUp(pool, SMALL_LOG);
    const filling = Date.now();
    await fillLog(catchUpDb.adminUrl, LARGE_LOG - SMALL_LOG);
    log(`\nFilled the log to ${n(LARGE_LOG)} events in ${((Date.now() - filling) / 1000).toFixed(1)} s`);
    const tail = await rewindToTail(catchUpDb.adminUrl, typeCounts, TAIL);
    const rawScanLarge = await measureRawScan(pool, tail, TAIL);
    const catchUpLarge = await measureCatchUp(pool, TAIL);
    await pool.end();
    log(`\nCatch-up (batch ${n(BATCH_SIZE)})                                 events/s`);
    log(`  projection via ConsumerRunner, log of ${n(SMALL_LOG)}             ${n(catchUp).padStart(9)}`);
    log(`  raw SELECT scan, same ${n(SMALL_LOG)} events                      ${n(rawScan).padStart(9)}`);
    log(`  projection, last ${n(TAIL)} of ${n(LARGE_LOG)}                    ${n(catchUpLarge).padStart(9)}`);
    log(`  raw SELECT scan, same ${n(TAIL)} events                      ${n(rawScanLarge).padStart(9)}`);

    const figures: Record<string, number> = Object.fromEntries(Object.entries(appends).map(([key, rate]) => [key, rate.perSecond]));
    Object.assign(figures, {
      catchup_eps: catchUp,
      catchup_eps_large: catchUpLarge,
      raw_scan_rps: rawScan,
      raw_scan_rps_large: rawScanLarge,
      append_vs_raw_c32: Number((figures.append_eps_c32 / figures.raw_insert_eps_c32).toFixed(2)),
      append_vs_emmett_c32: Number((figures.append_eps_c32 / figures.emmett_append_eps_c32).toFixed(2)),
    });
    log(`\nTargets: append_vs_raw_c32 ≥ 0.8 (${figures.append_vs_raw_c32}), append_vs_emmett_c32 ≥ 2.5 (${figures.append_vs_emmett_c32}), ` +
      `catch-up ≥ 50,000/s (${n(catchUp)}, ${n(catchUpLarge)})`);
    log(JSON.stringify(figures));
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
