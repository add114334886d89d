import type { ModuleMetadata } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';

import { EventStore, EventStoreModule, type Migration } from '@revcycle/event-store';
import type { Role } from '@revcycle/kernel';
import { createPinoLogger, PlatformModule, resolveJwtConfig, signDevToken } from '@revcycle/platform';

import { createTestDatabase, type TestDatabase } from './test-database';

const ENV = { JWT_SECRET: 'context-spec-secret-long-enough-for-hs256-0123456789', NODE_ENV: 'test' };

export interface ContextApi {
  app: NestFastifyApplication;
  db: TestDatabase;
  store: EventStore;
  token(role: Role, sub?: string): Promise<string>;
  close(): Promise<void>;
}

export interface ContextApiOptions {
  /** The context's module and HTTP module. */
  modules: NonNullable<ModuleMetadata['imports']>;
  migrations: Migration[];
  /** The tenant every token is issued for. */
  tenant: string;
}

/**
 * One context's routes behind the platform's real guard, validation pipe and problem filter, on an
 * isolated PostgreSQL database, for API specs (house style P7). Consumers stay off: API specs assert
 * responses and stored events; projection and policy specs drive consumers themselves.
 */
export async function startContextApi(options: ContextApiOptions): Promise<ContextApi> {
  const db = await createTestDatabase(options.migrations);
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({ env: ENV, logger: createPinoLogger({ level: 'silent' }) }),
      CqrsModule.forRoot(),
      EventStoreModule.forRoot({ appUrl: db.appUrl, migrations: options.migrations, runConsumers: false, poolSize: 5 }),
      ...options.modules,
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
    token: (role, sub = `${role}-1`) => signDevToken(jwt, { tenant: options.tenant, role, sub, ttl: '10m' }),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
