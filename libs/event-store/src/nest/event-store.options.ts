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
}
