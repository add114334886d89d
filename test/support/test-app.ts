import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { EventStoreHealth, EventStoreModule } from '@revcycle/event-store';
import type { Role } from '@revcycle/kernel';
import { createPinoLogger, resolveJwtConfig, signDevToken } from '@revcycle/platform';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { ApiModule } from '../../apps/api/src/api.module';
import { allMigrations, contextHttpModules, contextModules } from '../../apps/api/src/composition';
import { createApiApp } from '../../apps/api/src/create-api-app';

const TEST_ENV = { ...process.env, JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256-0123456789', NODE_ENV: 'test' };

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  /** A bearer token for a tenant and role, as `revcycle token` would print it. */
  token(role: Role, tenant?: string, sub?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Defaults to every context of the application (apps/api/src/composition.ts). */
  modules?: Array<Type<unknown> | DynamicModule>;
  /** Run projections and policies in-process, as `npm start` does. */
  runConsumers?: boolean;
}

/**
 * The real API (auth, validation, problem+json, event store, consumers) on an isolated database, for
 * API specs and e2e journeys. Requests go through Fastify's `inject`, so no port is opened.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase(allMigrations());
  const app = await createApiApp(
    ApiModule.register({
      env: TEST_ENV,
      logger: createPinoLogger({ level: 'error' }),
      imports: [
        EventStoreModule.forRoot({ appUrl: db.appUrl, migrations: allMigrations(), runConsumers: options.runConsumers ?? true, poolSize: 10 }),
        ...(options.modules ?? [...contextModules, ...contextHttpModules]),
      ],
      readiness: { useExisting: EventStoreHealth },
    }),
  );
  const jwt = resolveJwtConfig(TEST_ENV);
  return {
    app,
    db,
    token: (role, tenant = 'practice-e2e', sub = `${role}-1`) => signDevToken(jwt, { tenant, role, sub, ttl: '10m' }),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
