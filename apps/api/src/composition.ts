import { CodingHttpModule, CodingModule, codingMigrations } from '@revcycle/coding';
import { eventStoreMigrations, type Migration } from '@revcycle/event-store';
import { EncountersHttpModule, EncountersModule, encountersMigrations } from '@revcycle/encounters';
import { SchedulingHttpModule, SchedulingModule, schedulingMigrations } from '@revcycle/scheduling';

/** Every migration of the application, in order: the event store first, then each context's read models. */
export function allMigrations(): Migration[] {
  return [...eventStoreMigrations(), ...schedulingMigrations(), ...encountersMigrations(), ...codingMigrations()];
}

/** Context modules with commands, queries and consumers (no controllers): what the worker runs. */
export const contextModules = [SchedulingModule, EncountersModule, CodingModule];

/** Context HTTP modules (controllers), imported by the API only. */
export const contextHttpModules = [SchedulingHttpModule, EncountersHttpModule, CodingHttpModule];
