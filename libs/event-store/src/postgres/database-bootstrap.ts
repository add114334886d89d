import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { DataDirInUse, lockDataDir } from './data-dir-lock';
import { embeddedAdminUrl, startEmbeddedDatabase } from './embedded-database';
import { durabilityProblems } from './durability-check';
import { runMigrations, type Migration, type MigrationReport } from './migrations';
import { appConnectionString, ensureRoles } from './roles';

export interface PreparedDatabase {
  /** Runtime connection as `revcycle_app`. */
  appUrl: string;
  /** Bootstrap connection (migrations, roles). */
  adminUrl: string;
  embedded: boolean;
  migrations: MigrationReport;
  /** Durability settings that are off (security.md CRASH-6); start-up prints them. */
  durability: string[];
  close(): Promise<void>;
}

export interface DatabaseSettings {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  migrations: Migration[];
  /** Operator commands: when another process serves the data folder, use its server instead of failing. */
  attach?: boolean;
}

function appPassword(env: NodeJS.ProcessEnv, dataDir: string): string {
  if (env.REVCYCLE_APP_PASSWORD) return env.REVCYCLE_APP_PASSWORD;
  if (env.NODE_ENV === 'production') throw new Error('Set REVCYCLE_APP_PASSWORD or DATABASE_APP_URL in production');
  const file = join(resolve(dataDir), 'app-role-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(resolve(dataDir), { recursive: true });
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * The database behind `npm start`: `DATABASE_URL` when set, else an embedded PostgreSQL whose cluster
 * lives in the data folder (locked, so a second process fails fast). Roles and migrations are applied
 * before anything listens.
 */
export async function prepareDatabase(settings: DatabaseSettings): Promise<PreparedDatabase> {
  const { env, dataDir } = settings;
  let external = env.DATABASE_URL;
  let unlock: () => void = () => undefined;
  if (!external) {
    try {
      unlock = lockDataDir(dataDir);
    } catch (error) {
      if (!(error instanceof DataDirInUse) || !settings.attach) throw error;
      external = embeddedAdminUrl(dataDir);
      if (!external) throw error;
    }
  }
  try {
    const embedded = external ? undefined : await startEmbeddedDatabase(dataDir);
    const adminUrl = external ?? embedded!.adminUrl;
    const appUrl = env.DATABASE_APP_URL ?? appConnectionString(adminUrl, appPassword(env, dataDir));
    if (!env.DATABASE_APP_URL) await ensureRoles(adminUrl, new URL(appUrl).password ? decodeURIComponent(new URL(appUrl).password) : '');
    const durability = await durabilityProblems(adminUrl);
    // Production refuses to run on a server that may lose acknowledged events; development warns.
    if (durability.length && env.NODE_ENV === 'production') throw new Error(`Unsafe PostgreSQL settings: ${durability.join('; ')}`);
    const migrations = await runMigrations(adminUrl, settings.migrations);
    return {
      appUrl,
      adminUrl,
      embedded: !env.DATABASE_URL,
      migrations,
      durability,
      close: async () => {
        await embedded?.stop();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
