import type { DynamicModule, INestApplication, NestApplicationOptions, Type } from '@nestjs/common';
import { NestFactory, type AbstractHttpAdapter } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  CorsPolicy,
  enableProcessMetrics,
  installHttpObservability,
  installRequestTurns,
  PinoLoggerService,
  requestIdFor,
  RouteAccessAudit,
} from '@revcycle/platform';
import type { FastifyInstance } from 'fastify';

import { setupOpenApi } from './http/openapi.setup';

/** LIM-1: JSON bodies are capped before parsing; larger ones get 413. */
export const JSON_BODY_LIMIT_BYTES = 1_048_576;

/** A compiled `@nestjs/testing` module, which builds the app from its overridden providers. */
export interface NestApplicationBuilder {
  createNestApplication<T extends INestApplication>(adapter: AbstractHttpAdapter, options?: NestApplicationOptions): T;
}

export interface ApiAppOptions {
  /**
   * Refuse to start while a route lacks `@Roles` or `@Public` (AUTHZ-1). Only the spec proving that
   * the guard still refuses such a route at run time turns this off.
   */
  enforceRouteAccess?: boolean;
}

/**
 * Builds the configured, initialised, not yet listening API: Fastify with the body limit and
 * prototype-poisoning refusal, the CORS allow-list, request ids, logs, metrics, security headers, a
 * turn of the event loop per command and the OpenAPI document; the platform module brings the
 * guard, pipe and problem filter. Used by main.ts, e2e specs and the API benchmark.
 */
export async function createApiApp(
  source: Type<unknown> | DynamicModule | NestApplicationBuilder,
  options: ApiAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
    requestIdHeader: false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  const appOptions: NestApplicationOptions = { bufferLogs: true };
  const app =
    'createNestApplication' in source
      ? source.createNestApplication<NestFastifyApplication>(adapter, appOptions)
      : await NestFactory.create<NestFastifyApplication>(source, adapter, appOptions);
  const logger = app.get(PinoLoggerService);
  app.useLogger(logger);

  const cors = app.get(CorsPolicy).options();
  if (cors) app.enableCors(cors);
  const fastify = app.getHttpAdapter().getInstance();
  installHttpObservability(fastify, logger);
  installSecurityHeaders(fastify);
  installRequestTurns(fastify);
  setupOpenApi(app);
  enableProcessMetrics();
  await app.init();

  const undeclared = app.get(RouteAccessAudit).undeclaredRoutes();
  if (undeclared.length > 0 && options.enforceRouteAccess !== false) {
    await app.close();
    throw new Error(`Routes without @Roles(...) or @Public(): ${undeclared.join(', ')}`);
  }
  return app;
}

/**
 * Headers every answer carries (LIM-10): HSTS so browsers never fall back to plain HTTP, no MIME
 * sniffing of JSON, no framing, and no referrer leaking ids in URLs.
 */
function installSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    done(null, payload);
  });
}
