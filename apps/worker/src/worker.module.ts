import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

import { EventStoreModule } from '@revcycle/event-store';
import { PlatformModule } from '@revcycle/platform';

import { allMigrations, contextModules } from '../../api/src/composition';

/** The worker process: consumers (projections and policies) and the commands policies issue; no HTTP. */
@Module({})
export class WorkerModule {
  static register(appUrl: string, options: { runConsumers?: boolean } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(),
        CqrsModule.forRoot(),
        EventStoreModule.forRoot({ appUrl, migrations: allMigrations(), runConsumers: options.runConsumers ?? true }),
        ...contextModules,
      ],
    };
  }
}
