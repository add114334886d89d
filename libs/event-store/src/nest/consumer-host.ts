import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, ModuleRef, Reflector } from '@nestjs/core';
import { Client } from 'pg';

import { consumerLag, consumerParked, PinoLoggerService } from '@revcycle/platform';

import type { Consumer } from '../consumers/consumer';
import { ConsumerRunner } from '../consumers/consumer-runner';
import { EventStore } from '../event-store.port';
import type { PgEventStore } from '../postgres/pg-event-store';
import { Database } from './database';
import { EVENT_CONSUMER } from './event-consumer.decorator';
import { EVENT_STORE_OPTIONS, type EventStoreModuleOptions } from './event-store.options';

const CHANNEL = 'revcycle_events_appended';

/**
 * Finds every `@EventConsumer()` provider and, in a process that runs consumers, drives them with the
 * runner. Appends in this process wake it directly; appends elsewhere arrive as a throttled NOTIFY,
 * sent outside the append transaction so commits never queue on the notification lock.
 */
@Injectable()
export class ConsumerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private runner?: ConsumerRunner;
  private listener?: Client;
  private notifyTimer?: NodeJS.Timeout;
  private metricsTimer?: NodeJS.Timeout;
  consumers: Consumer[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly database: Database,
    private readonly moduleRef: ModuleRef,
    private readonly logger: PinoLoggerService,
    @Inject(EVENT_STORE_OPTIONS) private readonly options: EventStoreModuleOptions,
  ) {}

  /** Called after each append made by this process. */
  appended(): void {
    this.runner?.wake();
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.database.pool.query(`SELECT pg_notify('${CHANNEL}', '')`).catch(() => undefined);
    }, 25);
  }

  runnerFor(store: PgEventStore): ConsumerRunner {
    return new ConsumerRunner(this.database.pool, store, this.consumers, {
      log: (line) => this.logger.warn(line, 'ConsumerRunner'),
    });
  }

  private async startRunning(store: EventStore): Promise<void> {
    this.runner = this.runnerFor(store as PgEventStore);
    await this.runner.start();
    this.listener = new Client({ connectionString: this.options.appUrl });
    this.listener.on('notification', () => this.runner?.wake());
    this.listener.on('error', () => undefined);
    await this.listener.connect();
    await this.listener.query(`LISTEN ${CHANNEL}`);
    this.metricsTimer = setInterval(() => void this.recordMetrics(), 5000);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.consumers = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && this.reflector.get<boolean>(EVENT_CONSUMER, wrapper.metatype as never))
      .map((wrapper) => wrapper.instance as Consumer);
    // Looked up late: the store's factory depends on this host for its append hook.
    if (this.options.runConsumers) await this.startRunning(this.moduleRef.get(EventStore, { strict: false }));
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.notifyTimer);
    clearInterval(this.metricsTimer);
    await this.runner?.stop();
    await this.listener?.end().catch(() => undefined);
    // The pools close last, after the runner that uses them has stopped.
    if (this.database.readModels !== this.database.pool) await this.database.readModels.end();
    await this.database.pool.end();
  }

  private async recordMetrics(): Promise<void> {
    if (!this.runner) return;
    const statuses = await this.runner.checkpoints.status().catch(() => []);
    for (const status of statuses) {
      consumerLag.set({ consumer: `${status.name}@v${status.version}` }, status.lagEvents);
      consumerParked.set({ consumer: `${status.name}@v${status.version}` }, status.parkedEvents);
    }
  }
}
