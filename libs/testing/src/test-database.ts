import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

import { appConnectionString, ensureRoles, runMigrations, type Migration } from '@revcycle/event-store';

export interface TestDatabase {
  name: string;
  /** Superuser connection to this database: only for tests that must act as an attacker or operator. */
  adminUrl: string;
  /** Runtime role connection string (what the application uses). */
  appUrl: string;
  /** Pool connected as `revcycle_app`, never the superuser (event-store.md §8). */
  appPool: Pool;
  drop(): Promise<void>;
}

// Tests know the app password; production sets REVCYCLE_APP_PASSWORD or DATABASE_APP_URL.
const TEST_APP_PASSWORD = 'revcycle-test-app';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates an isolated database for one test file, migrated, with a pool as the runtime role. */
export async function createTestDatabase(migrations: Migration[]): Promise<TestDatabase> {
  const serverUrl = process.env.REVCYCLE_TEST_ADMIN_URL;
  if (!serverUrl) throw new Error('REVCYCLE_TEST_ADMIN_URL is not set: run integration tests through jest (test/setup/global-setup.ts)');
  const name = `revcycle_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const adminUrl = withDatabase(serverUrl, name);
  await ensureRoles(adminUrl, TEST_APP_PASSWORD);
  await runMigrations(adminUrl, migrations);
  const appUrl = appConnectionString(adminUrl, TEST_APP_PASSWORD);
  const appPool = new Pool({ connectionString: appUrl, max: 40 });
  // An idle client whose backend goes away (a dropped database, a crash test) must not fail the run.
  appPool.on('error', () => undefined);
  return {
    name,
    adminUrl,
    appUrl,
    appPool,
    drop: async () => {
      await appPool.end();
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
