import { eventStoreMigrations, type Migration } from '@revcycle/event-store';
import { SchedulingHttpModule, SchedulingModule, schedulingMigrations } from '@revcycle/scheduling';

/** Every migration of the application, in order: the event store first, then each context's read models. */
export function allMigrations(): Migration[] {
  return [...eventStoreMigrations(), ...schedulingMigrations()];
}

/** Context modules with commands, queries and consumers (no controllers): what the worker runs. */
export const contextModules = [SchedulingModule];

/** Context HTTP modules (controllers), imported by the API only. */
export const contextHttpModules = [SchedulingHttpModule];
