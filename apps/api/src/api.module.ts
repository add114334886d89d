import {
  Module,
  type ClassProvider,
  type DynamicModule,
  type ExistingProvider,
  type FactoryProvider,
  type ModuleMetadata,
  type Provider,
  type ValueProvider,
} from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { PlatformModule, ReadinessSource, type PlatformOptions } from '@revcycle/platform';

import { HealthController } from './health/health.controller';
import { ReadinessIndicator } from './health/readiness.indicator';

/** How the readiness port is bound, e.g. `{ useExisting: EventStoreHealth }`. */
export type ReadinessBinding =
  | Omit<ClassProvider<ReadinessSource>, 'provide'>
  | Omit<ValueProvider<ReadinessSource>, 'provide'>
  | Omit<FactoryProvider<ReadinessSource>, 'provide'>
  | Omit<ExistingProvider<ReadinessSource>, 'provide'>;

export interface ApiModuleOptions extends PlatformOptions {
  /** The context HTTP modules and the event-store module (which must export what `readiness` uses). */
  imports: NonNullable<ModuleMetadata['imports']>;
  readiness: ReadinessBinding;
}

/**
 * The HTTP application root. Compose it as
 * `ApiModule.register({ imports: [EventStoreModule, SchedulingHttpModule, …], readiness: { useExisting: EventStoreHealth } })`;
 * specs pass a fake readiness with `useValue` and a logger that writes to a stream.
 */
@Module({})
export class ApiModule {
  static register(options: ApiModuleOptions): DynamicModule {
    const readiness = { provide: ReadinessSource, ...options.readiness } as Provider;
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ logger: options.logger, env: options.env }),
        CqrsModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        ...options.imports,
      ],
      controllers: [HealthController],
      providers: [readiness, ReadinessIndicator],
    };
  }
}
