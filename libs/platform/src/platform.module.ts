import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import type { Logger } from 'pino';

import { AccessGuard } from './auth/access.guard';
import { resolveJwtConfig } from './auth/jwt.config';
import { JwtVerifier } from './auth/jwt-verifier.service';
import { RouteAccessAudit } from './auth/route-access.audit';
import { CorsPolicy, resolveCorsPolicy } from './http/cors-policy';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { createValidationPipe } from './http/validation.pipe';
import { createPinoLogger, PinoLoggerService } from './observability/logger.service';
import { MetricsController } from './observability/metrics.controller';

export interface PlatformOptions {
  /** Defaults to a stdout pino logger; specs pass one that writes to a stream they read. */
  logger?: Logger;
  /** Where JWT and CORS settings are read; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The security envelope and observability of an HTTP app: the deny-by-default guard, validation
 * pipe and problem filter as app-wide providers, the JWT verifier, the CORS allow-list, the pino
 * logger and `/metrics`.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions = {}): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: [MetricsController],
      providers: [
        { provide: PinoLoggerService, useFactory: () => new PinoLoggerService(options.logger ?? createPinoLogger()) },
        { provide: JwtVerifier, useFactory: () => new JwtVerifier(resolveJwtConfig(options.env)) },
        { provide: CorsPolicy, useFactory: () => resolveCorsPolicy(options.env) },
        RouteAccessAudit,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [PinoLoggerService, JwtVerifier, RouteAccessAudit, CorsPolicy],
    };
  }
}
