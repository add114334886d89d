import { eventStoreMigrations } from '@revcycle/event-store';
import { startContextApi, type ContextApi } from '@revcycle/testing';

import { EncountersHttpModule } from '../src/encounters-http.module';
import { EncountersModule, encountersMigrations } from '../src/encounters.module';
import { ProviderRegistryStubModule } from './provider-registry.stub';

export const API_TENANT = 'practice-encounters';
export type EncountersApi = ContextApi;

/** The encounters routes alone, on their own database (see `startContextApi`), beside a stub provider registry. */
export function startEncountersApi(): Promise<EncountersApi> {
  return startContextApi({
    tenant: API_TENANT,
    migrations: [...eventStoreMigrations(), ...encountersMigrations()],
    modules: [EncountersModule, EncountersHttpModule, ProviderRegistryStubModule],
  });
}
