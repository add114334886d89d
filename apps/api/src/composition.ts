import { eventStoreMigrations, type Migration } from '@revcycle/event-store';

/** Every migration of the application, in order: the event store first, then each context's read models. */
export function allMigrations(): Migration[] {
  return [...eventStoreMigrations()];
}

/** Context modules with commands, queries and consumers (no controllers): what the worker runs. */
export const contextModules: never[] = [];

/** Context HTTP modules (controllers), imported by the API only. */
export const contextHttpModules: never[] = [];
