import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { createPinoLogger, PinoLoggerService } from '@revcycle/platform';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { eventStoreMigrations } from '../postgres/migrations';
import { Database } from './database';
import { EventStoreModule } from './event-store.module';
import { readModelStatementTimeoutFrom } from './event-store.options';

/** The logger the platform module provides in an app. */
@Global()
@Module({ providers: [{ provide: PinoLoggerService, useValue: new PinoLoggerService(createPinoLogger({ level: 'silent' })) }], exports: [PinoLoggerService] })
class SpecLoggerModule {}

describe('EventStoreModule pools', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let database: Database;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations());
    moduleRef = await Test.createTestingModule({
      imports: [
        SpecLoggerModule,
        EventStoreModule.forRoot({ appUrl: db.appUrl, migrations: eventStoreMigrations(), runConsumers: false, readModelStatementTimeoutMs: 200 }),
      ],
    }).compile();
    database = moduleRef.get(Database);
  });
  afterAll(async () => {
    await moduleRef.close();
    await db.drop();
  });

  it('cancels a read-model statement that runs past its timeout (LIM-3)', async () => {
    await expect(database.readModels.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
    await expect(database.readModels.query('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });

  it('leaves appends and consumers on a pool without that timeout', async () => {
    await expect(database.pool.query('SELECT 1 AS ok FROM pg_sleep(0.4)')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });
});

describe('READ_MODEL_STATEMENT_TIMEOUT_MS', () => {
  it('is read as whole milliseconds, and absent means the default', () => {
    expect(readModelStatementTimeoutFrom({ READ_MODEL_STATEMENT_TIMEOUT_MS: '2500' })).toBe(2500);
    expect(readModelStatementTimeoutFrom({})).toBeUndefined();
  });

  it.each(['0', '99', '600001', '2.5', 'soon'])('refuses to start with %p', (text) => {
    expect(() => readModelStatementTimeoutFrom({ READ_MODEL_STATEMENT_TIMEOUT_MS: text })).toThrow(/READ_MODEL_STATEMENT_TIMEOUT_MS/);
  });
});
