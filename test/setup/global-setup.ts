import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmbeddedDatabase } from '../../libs/event-store/src/postgres/embedded-database';

/**
 * One PostgreSQL for the whole run: `DATABASE_URL` when set, else an embedded server in a temporary
 * folder. Each test file then creates its own database in it (libs/testing), so files run in parallel.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.REVCYCLE_TEST_ADMIN_URL) return;
  if (process.env.DATABASE_URL) {
    process.env.REVCYCLE_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'revcycle-test-'));
  const database = await startEmbeddedDatabase(dir, { persistent: false });
  process.env.REVCYCLE_TEST_ADMIN_URL = database.adminUrl;
  (globalThis as { __revcycleTestDatabase?: { stop(): Promise<void> } }).__revcycleTestDatabase = database;
}
