import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

import { appConnectionString, ensureRoles, eventStoreMigrations, runMigrations, startEmbeddedDatabase } from '@revcycle/event-store';

/** One PostgreSQL server for every measurement of a run, so the figures compare like with like. */
export interface BenchServer {
  /** Superuser connection to the server's maintenance database. */
  serverUrl: string;
  describe: string;
  /** Creates an empty database; `migrated` also applies the event store's roles and migrations. */
  createDatabase(suffix: string, migrated: boolean): Promise<BenchDatabase>;
  close(): Promise<void>;
}

export interface BenchDatabase {
  adminUrl: string;
  /** The runtime role `revcycle_app`, as the application connects. */
  appUrl: string;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** `DATABASE_URL` when set (a superuser or CREATEDB login), else an embedded server in a temporary folder. */
export async function startBenchServer(): Promise<BenchServer> {
  const external = process.env.DATABASE_URL;
  const folder = external ? undefined : mkdtempSync(join(tmpdir(), 'revcycle-bench-'));
  const embedded = folder ? await startEmbeddedDatabase(folder, { persistent: false }) : undefined;
  const serverUrl = external ?? embedded!.adminUrl;
  // The app role is cluster-wide: on a shared server a fresh password would lock the running app out.
  if (external && !process.env.REVCYCLE_APP_PASSWORD) throw new Error('With DATABASE_URL, also set REVCYCLE_APP_PASSWORD (the revcycle_app password)');
  const appPassword = process.env.REVCYCLE_APP_PASSWORD ?? randomBytes(18).toString('base64url');
  const runId = randomBytes(4).toString('hex');
  const created: string[] = [];

  const admin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const stopServer = async () => {
    await embedded?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  };
  // A failure here must not leave the embedded server running behind a process that cannot exit.
  const version = await admin(async (c) => (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v).catch(
    async (error: unknown) => {
      await stopServer();
      throw error;
    },
  );

  return {
    serverUrl,
    describe: `PostgreSQL ${version} (${external ? 'DATABASE_URL' : 'embedded, temporary folder'})`,
    async createDatabase(suffix, migrated) {
      const name = `revcycle_bench_${runId}_${suffix}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      created.push(name);
      const adminUrl = withDatabase(serverUrl, name);
      if (migrated) {
        await ensureRoles(adminUrl, appPassword);
        await runMigrations(adminUrl, eventStoreMigrations());
      }
      return { adminUrl, appUrl: appConnectionString(adminUrl, appPassword) };
    },
    async close() {
      try {
        await admin(async (c) => {
          for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        });
      } finally {
        await stopServer();
      }
    },
  };
}
