import { Inject, Injectable } from '@nestjs/common';

import { ReadinessSource, type ReadinessReport } from '@revcycle/platform';

import { CheckpointStore } from '../consumers/checkpoint-store';
import { pendingMigrations } from '../postgres/migrations';
import { Database } from './database';
import { EVENT_STORE_OPTIONS, type EventStoreModuleOptions } from './event-store.options';

/** Readiness facts for `/health/ready`: database reachable, migrations applied, consumers' state. */
@Injectable()
export class EventStoreHealth extends ReadinessSource {
  private readonly checkpoints: CheckpointStore;

  constructor(
    private readonly database: Database,
    @Inject(EVENT_STORE_OPTIONS) private readonly options: EventStoreModuleOptions,
  ) {
    super();
    this.checkpoints = new CheckpointStore(database.pool);
  }

  async readiness(): Promise<ReadinessReport> {
    try {
      await this.database.pool.query('SELECT 1');
    } catch {
      return { database: { up: false }, migrations: { applied: false, pending: [] }, consumers: [] };
    }
    const pending = await pendingMigrations((sql) => this.database.pool.query(sql), this.options.migrations);
    const consumers = (await this.checkpoints.status())
      .filter((c) => c.status !== 'retired')
      .map((c) => ({ name: c.name, version: c.version, lagEvents: c.lagEvents, status: c.status, parkedEvents: c.parkedEvents }));
    return { database: { up: true }, migrations: { applied: pending.length === 0, pending }, consumers };
  }
}
