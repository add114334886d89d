import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** A versioned schema change. Ids sort in application order (`event-store/0001-...`). */
export interface Migration {
  id: string;
  sql: string;
}

/** Reads every `*.sql` file of a folder as migrations named `<prefix>/<file>`, in file-name order. */
export function migrationsFromFolder(prefix: string, folder: string): Migration[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ id: `${prefix}/${file.replace(/\.sql$/, '')}`, sql: readFileSync(join(folder, file), 'utf8') }));
}

/** The event store's own migrations; contexts add theirs after these. */
export function eventStoreMigrations(): Migration[] {
  return migrationsFromFolder('event-store', join(__dirname, '..', 'migrations'));
}

const checksum = (sql: string): string => createHash('sha256').update(sql).digest('hex');

// Fixed key for the advisory lock that serializes concurrent migrators of one database.
const MIGRATION_LOCK_KEY = 7_301_448_112;

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies pending migrations, each in its own short transaction (event-store.md §3 rule 3: a long
 * writer pins xmin and stalls every consumer). Safe to run twice and from two processes at once; a
 * changed migration that was already applied is refused rather than silently diverging.
 */
export async function runMigrations(connectionString: string, migrations: Migration[]): Promise<MigrationReport> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await useOwnerRole(client);
    await client.query(`CREATE SCHEMA IF NOT EXISTS event_store`);
    await client.query(`CREATE TABLE IF NOT EXISTS event_store.schema_migrations (
      id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ id: string; checksum: string }>('SELECT id, checksum FROM event_store.schema_migrations');
    const done = new Map(rows.map((row) => [row.id, row.checksum]));
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const sum = checksum(migration.sql);
      const previous = done.get(migration.id);
      if (previous !== undefined) {
        if (previous !== sum) throw new Error(`Migration ${migration.id} changed after it was applied`);
        report.alreadyApplied.push(migration.id);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO event_store.schema_migrations (id, checksum) VALUES ($1, $2)', [migration.id, sum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.id} failed: ${(error as Error).message}`);
      }
      report.applied.push(migration.id);
    }
    return report;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Ids of the given migrations that are not applied yet (readiness reports them). */
export async function pendingMigrations(query: (sql: string) => Promise<{ rows: { id: string }[] }>, migrations: Migration[]): Promise<string[]> {
  const { rows } = await query('SELECT id FROM event_store.schema_migrations');
  const applied = new Set(rows.map((row) => row.id));
  return migrations.filter((m) => !applied.has(m.id)).map((m) => m.id);
}

/** Objects are owned by `revcycle_owner` when the migrating login may become it. */
async function useOwnerRole(client: Client): Promise<void> {
  const { rows } = await client.query<{ member: boolean }>(
    `SELECT pg_has_role(current_user, oid, 'MEMBER') AS member FROM pg_roles WHERE rolname = 'revcycle_owner'`,
  );
  if (rows[0]?.member) await client.query('SET ROLE revcycle_owner');
}
