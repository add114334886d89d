import { Client } from 'pg';

export const APP_ROLE = 'revcycle_app';
export const OWNER_ROLE = 'revcycle_owner';

const quoteLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * Creates the owner and runtime roles (event-store.md §8) when the bootstrap login may, and sets the
 * runtime role's password. The runtime role is never an owner, superuser or BYPASSRLS.
 */
export async function ensureRoles(adminUrl: string, appPassword: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean; rolcreaterole: boolean }>(
      'SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user',
    );
    if (!rows[0]?.rolsuper && !rows[0]?.rolcreaterole) return;
    for (const [role, options] of [
      [OWNER_ROLE, 'NOLOGIN'],
      [APP_ROLE, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS'],
    ] as const) {
      try {
        await client.query(`CREATE ROLE ${role} ${options}`);
      } catch (error) {
        // Roles are cluster-wide: a parallel bootstrap may have created it first.
        if ((error as { code?: string }).code !== '42710') throw error;
      }
    }
    await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD ${quoteLiteral(appPassword)}`);
    // A writer left idle in a transaction pins xmin and stalls every consumer (event-store.md §3 rule 3).
    await client.query(`ALTER ROLE ${APP_ROLE} SET idle_in_transaction_session_timeout = '60s'`);
    await client.query(`GRANT ${OWNER_ROLE} TO current_user`).catch(() => undefined);
    await client.query(`GRANT CREATE ON DATABASE "${(await currentDatabase(client)).replace(/"/g, '""')}" TO ${OWNER_ROLE}`);
  } finally {
    await client.end();
  }
}

async function currentDatabase(client: Client): Promise<string> {
  const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
  return rows[0].db;
}

/** The runtime connection string: same server and database as `url`, logging in as the app role. */
export function appConnectionString(url: string, appPassword: string): string {
  const parsed = new URL(url);
  parsed.username = APP_ROLE;
  parsed.password = appPassword;
  return parsed.toString();
}
