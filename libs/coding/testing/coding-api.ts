import { CqrsModule } from '@nestjs/cqrs';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';

import { EventStore, EventStoreModule, eventStoreMigrations } from '@revcycle/event-store';
import type { Role } from '@revcycle/kernel';
import { createPinoLogger, PlatformModule, resolveJwtConfig, signDevToken } from '@revcycle/platform';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { CodingHttpModule } from '../src/coding-http.module';
import { CodingModule, codingMigrations } from '../src/coding.module';
import { CODING_TENANT } from './coding.builders';

const ENV = { JWT_SECRET: 'coding-spec-secret-long-enough-for-hs256-0123456789', NODE_ENV: 'test' };

export interface CodingApi {
  app: NestFastifyApplication;
  db: TestDatabase;
  store: EventStore;
  token(role: Role, sub?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The coding routes behind the platform's guard, validation pipe and problem filter, on an isolated
 * PostgreSQL database (house style P7). Consumers stay off: specs drive policies and projections.
 */
export async function startCodingApi(): Promise<CodingApi> {
  const migrations = [...eventStoreMigrations(), ...codingMigrations()];
  const db = await createTestDatabase(migrations);
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({ env: ENV, logger: createPinoLogger({ level: 'silent' }) }),
      CqrsModule.forRoot(),
      EventStoreModule.forRoot({ appUrl: db.appUrl, migrations, runConsumers: false, poolSize: 5 }),
      CodingModule,
      CodingHttpModule,
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
    token: (role, sub = `${role}-1`) => signDevToken(jwt, { tenant: CODING_TENANT, role, sub, ttl: '10m' }),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
