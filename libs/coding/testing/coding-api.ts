import { eventStoreMigrations } from '@revcycle/event-store';
import { startContextApi, type ContextApi } from '@revcycle/testing';

import { CodingHttpModule } from '../src/coding-http.module';
import { CodingModule, codingMigrations } from '../src/coding.module';
import { CODING_TENANT } from './coding.builders';

export type CodingApi = ContextApi;

/** The coding routes alone, on their own database (see `startContextApi`). */
export function startCodingApi(): Promise<CodingApi> {
  return startContextApi({
    tenant: CODING_TENANT,
    migrations: [...eventStoreMigrations(), ...codingMigrations()],
    modules: [CodingModule, CodingHttpModule],
  });
}
