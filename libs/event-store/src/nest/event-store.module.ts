import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Pool } from 'pg';

import { eventStoreAppendSeconds } from '@revcycle/platform';

import { CommandPipeline } from '../command-pipeline';
import { EventStore } from '../event-store.port';
import { PgEventStore } from '../postgres/pg-event-store';
import { EventSchemaRegistry } from '../upcasters';
import { ConsumerHost } from './consumer-host';
import { Database } from './database';
import { EventStoreHealth } from './event-store.health';
import { EVENT_STORE_OPTIONS, type EventStoreModuleOptions } from './event-store.options';

/** Reports and lists share a few connections: they cannot starve the commands' pool. */
const READ_MODEL_POOL_SIZE = 8;
const DEFAULT_READ_MODEL_STATEMENT_TIMEOUT_MS = 5_000;

/**
 * Wires the PostgreSQL event store for a process: pool as `revcycle_app`, the store port, the command
 * pipeline, readiness, and (when `runConsumers`) the consumer runner over every `@EventConsumer()`.
 */
@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions): DynamicModule {    return {
      module: EventStoreModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: EVENT_STORE_OPTIONS, useValue: options },
        {
          provide: Database,
          useFactory: () => {
            const pool = new Pool({ connectionString: options.appUrl, max: options.poolSize ?? 20 });
            const readModels = new Pool({
              connectionString: options.appUrl,
              max: READ_MODEL_POOL_SIZE,
              statement_timeout: options.readModelStatementTimeoutMs ?? DEFAULT_READ_MODEL_STATEMENT_TIMEOUT_MS,
            });
            // An idle client that loses its connection must not crash the process; the next query reconnects.
            pool.on('error', () => undefined);
            readModels.on('error', () => undefined);
            return new Database(pool, readModels);
          },
        },
        { provide: EventSchemaRegistry, useValue: new EventSchemaRegistry() },
        ConsumerHost,
        {
          provide: EventStore,
          inject: [Database, EventSchemaRegistry, ConsumerHost],
          useFactory: (db: Database, schemas: EventSchemaRegistry, host: ConsumerHost) =>
            new PgEventStore(db.pool, schemas, { appended: () => host.appended(), appendSeconds: (s) => eventStoreAppendSeconds.observe(s) }),
        },
        {
          provide: CommandPipeline,
          inject: [EventStore, EventSchemaRegistry],
          useFactory: (store: EventStore, schemas: EventSchemaRegistry) => new CommandPipeline(store, schemas),
        },
        EventStoreHealth,
      ],
      exports: [EVENT_STORE_OPTIONS, Database, EventSchemaRegistry, EventStore, CommandPipeline, EventStoreHealth, ConsumerHost],
    };
  }
}
