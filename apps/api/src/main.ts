import 'reflect-metadata';

import { EventStoreHealth, EventStoreModule, prepareDatabase, readModelStatementTimeoutFrom } from '@revcycle/event-store';

import { ApiModule } from './api.module';
import { closeOnSignal } from './close-on-signal';
import { allMigrations, contextHttpModules, contextModules } from './composition';
import { createApiApp } from './create-api-app';

/**
 * `npm start`: the database (embedded in ./.data unless DATABASE_URL is set), migrations, then the API
 * and, unless RUN_WORKER=false, the consumers in the same process.
 */
async function main(): Promise<void> {
  const migrations = allMigrations();
  const database = await prepareDatabase({ dataDir: process.env.DATA_DIR ?? '.data', env: process.env, migrations });
  const app = await createApiApp(
    ApiModule.register({
      imports: [
        EventStoreModule.forRoot({
          appUrl: database.appUrl,
          migrations,
          runConsumers: process.env.RUN_WORKER !== 'false',
          readModelStatementTimeoutMs: readModelStatementTimeoutFrom(process.env),
        }),
        ...contextModules,
        ...contextHttpModules,
      ],
      readiness: { useExisting: EventStoreHealth },
    }),
  );
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  const base = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  for (const problem of database.durability) process.stderr.write(`warning: PostgreSQL setting ${problem}\n`);
  const where = database.embedded ? `embedded PostgreSQL in ${process.env.DATA_DIR ?? '.data'}` : 'DATABASE_URL';
  process.stdout.write(
    [
      `revcycle API listening on ${base} (database: ${where})`,
      `  API docs:   ${base}/docs  (OpenAPI JSON at ${base}/docs-json)`,
      `  Health:     ${base}/health/ready`,
      `  A token:    npx revcycle token --tenant demo-practice --role admin --sub dev-admin`,
      '',
    ].join('\n'),
  );
  closeOnSignal(app, database);
}

main().catch((error: Error) => {
  process.stderr.write(`revcycle could not start: ${error.message}\n`);
  process.exit(1);
});
