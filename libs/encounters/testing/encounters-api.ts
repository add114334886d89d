import { CqrsModule } from '@nestjs/cqrs';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { EventStore, EventStoreModule, eventStoreMigrations } from '@revcycle/event-store';
import type { Role } from '@revcycle/kernel';
import { createPinoLogger, PlatformModule, resolveJwtConfig, signDevToken } from '@revcycle/platform';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { EncountersHttpModule } from '../src/encounters-http.module';
import { EncountersModule, encountersMigrations } from '../src/encounters.module';

const ENV = { JWT_SECRET: 'encounters-spec-secret-long-enough-for-hs256-0123456789', NODE_ENV: 'test' };
export const API_TENANT = 'practice-encounters';

export interface EncountersApi {
  app: NestFastifyApplication;
  db: TestDatabase;
  store: EventStore;
  token(role: Role, sub?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The encounters routes behind the platform's real guard, validation pipe and problem filter, on
 * an isolated PostgreSQL database, for API specs (house style P7). Consumers stay off: API specs
 * assert responses and stored events; projection and policy specs drive consumers themselves.
 */
export async function startEncountersApi(): Promise<EncountersApi> {
  const migrations = [...eventStoreMigrations(), ...encountersMigrations()];
  const db = await createTestDatabase(migrations);
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({ env: ENV, logger: createPinoLogger({ level: 'silent' }) }),
      CqrsModule.forRoot(),
      EventStoreModule.forRoot({ appUrl: db.appUrl, migrations, runConsumers: false, poolSize: 5 }),
      EncountersModule,
      EncountersHttpModule,
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const jwt = resolveJwtConfig(ENV);
  return {
    app,
    db,
    store: app.get(EventStore),
    token: (role, sub = `${role}-1`) => signDevToken(jwt, { tenant: API_TENANT, role, sub, ttl: '10m' }),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
