import type { Migration } from '../postgres/migrations';

export const EVENT_STORE_OPTIONS = 'revcycle:event-store-options';

export interface EventStoreModuleOptions {
  /** Runtime connection string (role `revcycle_app`). */
  appUrl: string;
  /** Every migration the application expects, so readiness can report pending ones. */
  migrations: Migration[];
  /** True in the worker (and in `npm start`, which runs the worker in the API process). */
  runConsumers: boolean;
  poolSize?: number;
  /** Milliseconds a read-model statement may run before PostgreSQL cancels it (LIM-3); default 5,000. */
  readModelStatementTimeoutMs?: number;
}

/** `READ_MODEL_STATEMENT_TIMEOUT_MS` when set: whole milliseconds from 100 to 600,000, anything else refuses to start. */
export function readModelStatementTimeoutFrom(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.READ_MODEL_STATEMENT_TIMEOUT_MS;
  if (text === undefined || text === '') return undefined;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) {
    throw new Error(`READ_MODEL_STATEMENT_TIMEOUT_MS must be whole milliseconds from 100 to 600000, not "${text}"`);
  }
  return ms;
}
