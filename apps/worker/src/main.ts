import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';

import { prepareDatabase } from '@revcycle/event-store';
import { PinoLoggerService } from '@revcycle/platform';

import { closeOnSignal } from '../../api/src/close-on-signal';
import { allMigrations } from '../../api/src/composition';
import { WorkerModule } from './worker.module';

/** Runs the consumers as their own process (the API then starts with RUN_WORKER=false). */
async function main(): Promise<void> {
  const database = await prepareDatabase({ dataDir: process.env.DATA_DIR ?? '.data', env: process.env, migrations: allMigrations() });
  const app = await NestFactory.createApplicationContext(WorkerModule.register(database.appUrl), { bufferLogs: true });
  app.useLogger(app.get(PinoLoggerService));
  process.stdout.write('revcycle worker running consumers\n');
  closeOnSignal(app, database);
}

main().catch((error: Error) => {
  process.stderr.write(`revcycle worker could not start: ${error.message}\n`);
  process.exit(1);
});
